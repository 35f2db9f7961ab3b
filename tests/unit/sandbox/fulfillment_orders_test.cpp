// Fulfillment orders: created from a REST order, fulfilled partly then fully, refusals.
#include "sandbox/shopify/fulfillment_orders.hpp"

#include <gtest/gtest.h>

namespace scs::sandbox {
namespace {

namespace json = boost::json;

json::object RestOrder() {
    return {{"id", 1},
            {"fulfillment_status", nullptr},
            {"cancelled_at", nullptr},
            {"line_items",
             json::array{{{"id", 11}, {"sku", "A"}, {"variant_id", 5}, {"quantity", 3}},
                         {{"id", 12}, {"sku", nullptr}, {"variant_id", 6}, {"quantity", 1}}}}};
}

TEST(FulfillmentOrdersTest, MirrorsTheOrderLines) {
    const auto order = OpenFulfillmentOrder(RestOrder(), 100, 200, 9);
    EXPECT_EQ(order.status, "OPEN");
    ASSERT_EQ(order.lines.size(), 2U);
    EXPECT_EQ(order.lines[1].id, 201);
    EXPECT_EQ(order.lines[0].line_item_id, 11);
    EXPECT_EQ(order.lines[0].remaining, 3);
    auto cancelled = RestOrder();
    cancelled["cancelled_at"] = "2026-11-20T10:00:00Z";
    EXPECT_EQ(OpenFulfillmentOrder(cancelled, 100, 200, 9).status, "CANCELLED");
    auto fulfilled = RestOrder();
    fulfilled["fulfillment_status"] = "fulfilled";
    const auto closed = OpenFulfillmentOrder(fulfilled, 100, 200, 9);
    EXPECT_EQ(closed.status, "CLOSED");
    EXPECT_EQ(closed.lines[0].remaining, 0);
}

TEST(FulfillmentOrdersTest, PartialThenFullFulfilment) {
    std::vector<FulfillmentOrder> orders{OpenFulfillmentOrder(RestOrder(), 100, 200, 9)};
    auto first =
        ApplyFulfilment(orders, {{100, std::vector<std::pair<int64_t, int64_t>>{{200, 2}}}});
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->at(0).quantity, 2);
    EXPECT_EQ(orders[0].status, "IN_PROGRESS");
    EXPECT_EQ(orders[0].lines[0].remaining, 1);
    EXPECT_EQ(FulfillmentStatusOf(orders), "partial");
    auto rest = ApplyFulfilment(orders, {{100, std::nullopt}});
    ASSERT_TRUE(rest);
    EXPECT_EQ(rest->size(), 2U);
    EXPECT_EQ(orders[0].status, "CLOSED");
    EXPECT_EQ(FulfillmentStatusOf(orders), "fulfilled");
    auto again = ApplyFulfilment(orders, {{100, std::nullopt}});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message, "Fulfillment order 100 has an unfulfillable status= closed.");
}

TEST(FulfillmentOrdersTest, RefusalsChangeNothing) {
    std::vector<FulfillmentOrder> orders{OpenFulfillmentOrder(RestOrder(), 100, 200, 9)};
    auto too_many = ApplyFulfilment(
        orders, {{100, std::vector<std::pair<int64_t, int64_t>>{{201, 1}, {200, 4}}}});
    ASSERT_FALSE(too_many);
    EXPECT_EQ(too_many.error().message, "Invalid fulfillment order line item quantity requested.");
    EXPECT_EQ(orders[0].lines[1].remaining, 1);
    EXPECT_EQ(FulfillmentStatusOf(orders), "");
    auto unknown = ApplyFulfilment(orders, {{999, std::nullopt}});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().message, "Fulfillment order does not exist.");
}

}  // namespace
}  // namespace scs::sandbox
