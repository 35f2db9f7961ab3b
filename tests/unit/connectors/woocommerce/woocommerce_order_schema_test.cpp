#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "core/order_json.hpp"
#include "support/json_schema_check.hpp"
#include "woocommerce_fixtures.hpp"

namespace scs {
namespace {

using testing::WooCommerceFixture;
using testing::WooCommerceOrderFixtures;
using testing::WooCommerceTestContext;

std::filesystem::path Schema() {
    return testing::SourceDir() / "docs/contracts/order.v1.schema.json";
}

// Every order the mapping fixtures produce, as emitted JSON.
std::vector<std::string> EmittedOrders() {
    std::vector<std::string> out;
    for (const auto& name : WooCommerceOrderFixtures()) {
        auto order = MapWooCommerceOrder(WooCommerceFixture("orders/" + name + ".json"),
                                         WooCommerceTestContext());
        EXPECT_TRUE(order.has_value()) << name << ": " << order.error().message;
        out.push_back(OrderToJson(order.value_or(Order{})));
    }
    return out;
}

TEST(WooCommerceOrderSchemaTest, EveryEmittedOrderSatisfiesTheSchema) {
    const auto emitted = EmittedOrders();
    ASSERT_EQ(emitted.size(), WooCommerceOrderFixtures().size());
    const auto check = testing::ValidateAgainstSchema(Schema(), emitted);
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

// Guards the check itself: an emitted order with one field broken must be rejected, by the
// validator (exit 1) and not by a missing tool.
TEST(WooCommerceOrderSchemaTest, ABrokenFieldIsRejected) {
    auto order = boost::json::parse(EmittedOrders().at(0)).as_object();
    order["shipping_address"].as_object()["country_code"] = "sa";
    const auto check = testing::ValidateAgainstSchema(Schema(), {boost::json::serialize(order)});
    EXPECT_EQ(check.exit_code, 1) << check.output;
    EXPECT_NE(check.output.find("/shipping_address/country_code must match pattern"),
              std::string::npos)
        << check.output;
}

}  // namespace
}  // namespace scs
