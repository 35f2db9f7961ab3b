#include "connectors/shopify/shopify_fulfillment.hpp"

#include <gtest/gtest.h>

#include "connectors/shopify/shopify_query_cost.hpp"
#include "scripted_shopify.hpp"

namespace scs {
namespace {

namespace json = boost::json;

std::string FoLine(int id, const std::string& sku, int remaining) {
    return R"({"id":"gid://shopify/FulfillmentOrderLineItem/)" + std::to_string(id) +
           R"(","sku":")" + sku + R"(","remainingQuantity":)" + std::to_string(remaining) +
           R"(,"totalQuantity":5,"lineItem":{"id":"gid://shopify/LineItem/1","sku":")" + sku +
           R"("}})";
}

std::string Fo(int id, const std::string& status, const std::string& lines) {
    return R"({"id":"gid://shopify/FulfillmentOrder/)" + std::to_string(id) + R"(","status":")" +
           status + R"(","lineItems":{"nodes":[)" + lines + "]}}";
}

// Two open fulfillment orders: A-1 spreads over both (2 + 3 units), B-1 only on the second;
// C-1 sits on a closed one.
std::string Order(const std::string& fulfillments = "") {
    return R"({"order":{"id":"gid://shopify/Order/8","cancelledAt":null,"closed":false,)"
           R"("fulfillments":[)" +
           fulfillments + R"(],"fulfillmentOrders":{"nodes":[)" +
           Fo(5, "OPEN", FoLine(51, "A-1", 2)) + "," +
           Fo(6, "IN_PROGRESS", FoLine(61, "A-1", 3) + "," + FoLine(62, "B-1", 1)) + "," +
           Fo(7, "CLOSED", FoLine(71, "C-1", 0)) + "]}}}";
}

std::string Created(int id) {
    return R"({"fulfillmentCreate":{"fulfillment":{"id":"gid://shopify/Fulfillment/)" +
           std::to_string(id) + R"(","status":"SUCCESS"},"userErrors":[]}})";
}

FulfillmentRequest Request(std::vector<FulfillmentLine> lines) {
    FulfillmentRequest request;
    request.order_external_id = "8";
    request.tracking_number = "TRK1";
    request.carrier = "Aramex";
    request.lines = std::move(lines);
    return request;
}

json::array FoLines(const testing::ScriptedShopify& shop, size_t index) {
    const auto variables = shop.http->Variables(index);
    const auto& groups = variables.at("fulfillment").at("lineItemsByFulfillmentOrder").as_array();
    EXPECT_EQ(groups.size(), 1U);
    return groups.at(0).at("fulfillmentOrderLineItems").as_array();
}

TEST(ShopifyFulfillmentTest, TheOrderQueryStaysUnderTheSingleQueryLimit) {
    EXPECT_LE(ShopifySelectionCost(kShopifyOrderForFulfillmentQuery), 1000);
}

TEST(ShopifyFulfillmentTest, SpreadsASkuOverFulfillmentOrdersOneCallEach) {
    testing::ScriptedShopify shop;
    shop.http->AddData(Order());
    shop.http->AddData(Created(91));
    shop.http->AddData(Created(92));
    auto result =
        shop.connector->CreateFulfillment(shop.session, Request({{"A-1", 4}, {"B-1", 1}}));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->fulfillment_id, "91");
    EXPECT_FALSE(result->already_existed);
    ASSERT_EQ(shop.http->requests.size(), 3U);
    EXPECT_EQ(shop.http->Variables(0).at("id").as_string(), "gid://shopify/Order/8");
    EXPECT_EQ(FoLines(shop, 1), json::parse(R"([{"id":"gid://shopify/FulfillmentOrderLineItem/51",
        "quantity":2}])"));
    EXPECT_EQ(FoLines(shop, 2), json::parse(R"([{"id":"gid://shopify/FulfillmentOrderLineItem/61",
        "quantity":2},{"id":"gid://shopify/FulfillmentOrderLineItem/62","quantity":1}])"));
    const auto second_call = shop.http->Variables(2);
    const auto& second = second_call.at("fulfillment").as_object();
    EXPECT_EQ(second.at("trackingInfo"), json::parse(R"({"number":"TRK1","company":"Aramex"})"));
    EXPECT_EQ(second.at("notifyCustomer"), false);
}

TEST(ShopifyFulfillmentTest, NoLinesMeansEverythingRemaining) {
    testing::ScriptedShopify shop;
    shop.http->AddData(Order());
    shop.http->AddData(Created(91));
    shop.http->AddData(Created(92));
    ASSERT_TRUE(shop.connector->CreateFulfillment(shop.session, Request({})));
    EXPECT_EQ(FoLines(shop, 2).size(), 2U);
    EXPECT_EQ(FoLines(shop, 2)[0].at("quantity"), 3);
}

TEST(ShopifyFulfillmentTest, TheSameTrackingNumberOnTheOrderIsTheEarlierSuccess) {
    testing::ScriptedShopify shop;
    shop.http->AddData(Order(R"({"id":"gid://shopify/Fulfillment/77","status":"SUCCESS",
        "trackingInfo":[{"number":"TRK1","company":"Aramex","url":null}]})"));
    auto result = shop.connector->CreateFulfillment(shop.session, Request({{"A-1", 1}}));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->fulfillment_id, "77");
    EXPECT_TRUE(result->already_existed);
    EXPECT_EQ(shop.http->requests.size(), 1U);
}

TEST(ShopifyFulfillmentTest, ACancelledFulfillmentOrEmptyTrackingDoesNotCount) {
    const auto order = json::parse(R"({"fulfillments":[{"id":"gid://shopify/Fulfillment/77",
        "status":"CANCELLED","trackingInfo":[{"number":"TRK1"}]},
        {"id":"gid://shopify/Fulfillment/78","status":"SUCCESS","trackingInfo":[{"number":""}]}]})")
                           .as_object();
    EXPECT_EQ(FindTrackedFulfillment(order, "TRK1"), std::nullopt);
    EXPECT_EQ(FindTrackedFulfillment(order, ""), std::nullopt);
}

TEST(ShopifyFulfillmentTest, RefusesUnknownSkusTooManyUnitsAndNothingLeft) {
    const auto order = json::parse(Order()).at("order").as_object();
    const auto unknown = PlanShopifyFulfillment(order, {{"Z-9", 1}});
    EXPECT_EQ(unknown.error().code, ErrorCode::kBadRequest);
    const auto too_many = PlanShopifyFulfillment(order, {{"A-1", 6}});
    EXPECT_EQ(too_many.error().code, ErrorCode::kBadRequest);
    const auto twice = PlanShopifyFulfillment(order, {{"A-1", 3}, {"A-1", 3}});
    EXPECT_EQ(twice.error().code, ErrorCode::kBadRequest);
    const auto done = PlanShopifyFulfillment(order, {{"C-1", 1}});
    EXPECT_EQ(done.error().code, ErrorCode::kConflict);
}

TEST(ShopifyFulfillmentTest, AFullyFulfilledOrderIsAConflict) {
    testing::ScriptedShopify shop;
    shop.http->AddData(
        R"({"order":{"id":"gid://shopify/Order/8","fulfillments":[],"fulfillmentOrders":{"nodes":[)" +
        Fo(7, "CLOSED", FoLine(71, "A-1", 0)) + "]}}}");
    auto result = shop.connector->CreateFulfillment(shop.session, Request({}));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kConflict);
}

TEST(ShopifyFulfillmentTest, UnknownOrderAndUserErrors) {
    testing::ScriptedShopify shop;
    shop.http->AddData(R"({"order":null})");
    EXPECT_EQ(shop.connector->CreateFulfillment(shop.session, Request({})).error().code,
              ErrorCode::kNotFound);
    shop.http->AddData(Order());
    shop.http->AddData(R"({"fulfillmentCreate":{"fulfillment":null,"userErrors":[{"field":null,
        "message":"Invalid fulfillment order line item quantity requested."}]}})");
    const auto refused = shop.connector->CreateFulfillment(shop.session, Request({{"B-1", 1}}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_NE(refused.error().message.find("quantity requested"), std::string::npos);
}

}  // namespace
}  // namespace scs
