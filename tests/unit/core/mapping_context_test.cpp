#include <gtest/gtest.h>

#include "core/order_mapping_context.hpp"

namespace scs {
namespace {

TEST(MappingContextTest, TakesSellerOverridesAndInvertsTheHubMapping) {
    Connection connection;
    connection.id = 12;
    connection.seller_id = "seller-1";
    connection.settings.hub_locations = {{"RUH-1", "71234567890123456"}, {"KWI-1", "655441491"}};
    connection.settings.status_mapping = {{"paid/unfulfilled", "confirmed"}};
    const auto context = MappingContextFor(connection, FromUnixMillis(5));
    EXPECT_EQ(context.seller_id, "seller-1");
    EXPECT_EQ(context.connection_id, 12);
    EXPECT_EQ(context.received_at, FromUnixMillis(5));
    EXPECT_EQ(context.status_overrides, connection.settings.status_mapping);
    EXPECT_EQ(context.location_hubs,
              (std::map<std::string, std::string>{{"71234567890123456", "RUH-1"},
                                                  {"655441491", "KWI-1"}}));
}

}  // namespace
}  // namespace scs
