#include "connectors/shopify/shopify_query_cost.hpp"

#include <gtest/gtest.h>

#include "connectors/shopify/order_mapping.hpp"
#include "connectors/shopify/shopify_order_page.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;

TEST(ShopifyQueryCost, FollowsTheA72Model) {
    EXPECT_EQ(ShopifySelectionCost("id name"), 0);
    EXPECT_EQ(ShopifySelectionCost("shop { name }"), 1);
    EXPECT_EQ(ShopifySelectionCost("a { b { c } }"), 2);
    EXPECT_EQ(ShopifySelectionCost("orders(first: 50) { nodes { id } pageInfo { hasNextPage } }"),
              52);
    EXPECT_EQ(
        ShopifySelectionCost("orders(first: 5) { edges { cursor node { id customer { id } } } }"),
        2 + 5 * 2);
    // Nested connections multiply.
    EXPECT_EQ(ShopifySelectionCost(
                  "orders(first: 3) { nodes { lineItems(first: 10) { nodes { id } } } }"),
              2 + 3 * (1 + 12));
    // A list sized by first (Order.fulfillments) counts its elements.
    EXPECT_EQ(ShopifySelectionCost("fulfillments(first: 10) { location { id } }"), 22);
    EXPECT_EQ(ShopifySelectionCost("node(id: \"x\") { ... on Order { customer { id } } }"), 2);
}

TEST(ShopifyQueryCost, OrderQueryCostGrowsWithThePageSize) {
    const int node = ShopifyNodeCost(kShopifyGraphqlOrderFields);
    EXPECT_GT(node, 100);  // 10 line items with priced objects each
    for (const int first : {1, 2, 7}) {
        EXPECT_EQ(ShopifySelectionCost(ShopifyOrdersQuery(first)), 3 + first * node);
    }
}

TEST(ShopifyQueryCost, PageSizeStaysUnderTheCap) {
    EXPECT_EQ(ShopifyPageSizeWithin(100, 1, 50, 1000), 9);  // 1 + 2 + 9 * 100 = 903
    EXPECT_EQ(ShopifyPageSizeWithin(100, 1, 5, 1000), 5);
    EXPECT_EQ(ShopifyPageSizeWithin(5000, 1, 50, 1000), 1);
    EXPECT_EQ(ShopifyPageSizeWithin(1, 0, 1000, 1000), 250);
    const int node = ShopifyNodeCost(kShopifyGraphqlOrderFields);
    const int first = ShopifyPageSizeWithin(node, 1, 250, 1000);
    EXPECT_LE(ShopifySelectionCost(ShopifyOrdersQuery(first)), 1000);
    EXPECT_GT(ShopifySelectionCost(ShopifyOrdersQuery(first + 1)), 1000);
}

TEST(ShopifyQueryCost, ThrottleWaitIsMissingPointsOverRestoreRate) {
    EXPECT_EQ(ShopifyThrottleWait(70, 20, 100, milliseconds(1000)), milliseconds(500));
    EXPECT_EQ(ShopifyThrottleWait(1000, 0, 100, milliseconds(1000)), milliseconds(10000));
    EXPECT_EQ(ShopifyThrottleWait(10, 0.5, 3, milliseconds(1000)), milliseconds(3167));
    EXPECT_EQ(ShopifyThrottleWait(70, 80, 100, milliseconds(1000)), milliseconds(0));
    EXPECT_EQ(ShopifyThrottleWait(70, 0, 0, milliseconds(1000)), milliseconds(1000));
}

TEST(ShopifyQueryCost, OrderFieldsRepeatTheLineItemSelection) {
    EXPECT_NE(kShopifyGraphqlOrderFields.find(kShopifyGraphqlLineItemFields),
              std::string_view::npos);
}

}  // namespace
}  // namespace scs
