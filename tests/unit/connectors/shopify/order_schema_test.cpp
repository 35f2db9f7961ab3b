#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "core/order_json.hpp"
#include "fixtures.hpp"
#include "support/json_schema_check.hpp"

namespace scs {
namespace {

using testing::ShopifyOrderFixture;
using testing::ShopifyTestContext;

std::filesystem::path Schema() {
    return testing::SourceDir() / "docs/contracts/order.v1.schema.json";
}

// Every order the mapping fixtures produce, as emitted JSON.
std::vector<std::string> EmittedOrders() {
    std::vector<std::string> out;
    for (const char* name : {"riyadh_cod_rest.json", "kuwait_paid_rest.json"}) {
        auto order = MapShopifyRestOrder(ShopifyOrderFixture(name), ShopifyTestContext());
        EXPECT_TRUE(order.has_value()) << name << ": " << order.error().message;
        out.push_back(OrderToJson(order.value_or(Order{})));
    }
    for (const char* name : {"riyadh_cod_graphql.json", "cancelled_graphql.json"}) {
        auto order = MapShopifyGraphqlOrder(ShopifyOrderFixture(name), ShopifyTestContext());
        EXPECT_TRUE(order.has_value()) << name << ": " << order.error().message;
        out.push_back(OrderToJson(order.value_or(Order{})));
    }
    return out;
}

TEST(ShopifyOrderSchemaTest, EveryEmittedOrderSatisfiesTheSchema) {
    const auto check = testing::ValidateAgainstSchema(Schema(), EmittedOrders());
    EXPECT_EQ(check.exit_code, 0) << check.output;
}

// Guards the check itself: an emitted order with one field broken must be rejected, by the
// validator (exit 1) and not by a missing tool.
TEST(ShopifyOrderSchemaTest, ABrokenFieldIsRejected) {
    auto order = boost::json::parse(EmittedOrders().at(0)).as_object();
    order["totals"].as_object()["total"] = "574.50";
    const auto check = testing::ValidateAgainstSchema(Schema(), {boost::json::serialize(order)});
    EXPECT_EQ(check.exit_code, 1) << check.output;
    EXPECT_NE(check.output.find("/totals/total must be integer"), std::string::npos)
        << check.output;
}

}  // namespace
}  // namespace scs
