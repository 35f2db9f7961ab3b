#include "connectors/shopify/shopify_order_status.hpp"

#include <gtest/gtest.h>

#include "scripted_shopify.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;

std::string State(bool cancelled, bool closed) {
    return std::string(R"({"order":{"id":"gid://shopify/Order/8","cancelledAt":)") +
           (cancelled ? R"("2026-11-20T10:00:00Z")" : "null") + R"(,"closed":)" +
           (closed ? "true" : "false") + R"(,"closedAt":null}})";
}

std::string Job(bool done) {
    return std::string(R"({"job":{"id":"gid://shopify/Job/abc","done":)") +
           (done ? "true" : "false") + "}}";
}

std::string CancelAnswer(bool done) {
    return std::string(R"({"orderCancel":{"job":{"id":"gid://shopify/Job/abc","done":)") +
           (done ? "true" : "false") + R"(},"orderCancelUserErrors":[]}})";
}

OrderStatusRequest Cancel(std::string reason = "customer") {
    OrderStatusRequest request;
    request.order_external_id = "8";
    request.reason = std::move(reason);
    return request;
}

TEST(ShopifyOrderStatusTest, CancelsThenPollsTheJobAndChecksTheOrder) {
    testing::ScriptedShopify shop;
    shop.http->AddData(State(false, false));
    shop.http->AddData(CancelAnswer(false));
    shop.http->AddData(Job(false));
    shop.http->AddData(Job(true));
    shop.http->AddData(State(true, false));
    auto request = Cancel();
    request.refund = true;
    auto result = shop.connector->ChangeOrderStatus(shop.session, request);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_TRUE(result->done);
    EXPECT_FALSE(result->already);
    const auto cancel = shop.http->Variables(1);
    EXPECT_EQ(cancel.at("orderId").as_string(), "gid://shopify/Order/8");
    EXPECT_EQ(cancel.at("reason").as_string(), "CUSTOMER");
    EXPECT_EQ(cancel.at("restock"), true);
    EXPECT_EQ(cancel.at("refundMethod").at("originalPaymentMethodsRefund"), true);
    EXPECT_EQ(shop.http->Variables(2).at("id").as_string(), "gid://shopify/Job/abc");
    EXPECT_EQ(shop.slept, (std::vector<milliseconds>{milliseconds(250), milliseconds(500)}));
}

TEST(ShopifyOrderStatusTest, NoRefundMethodWithoutRefund) {
    testing::ScriptedShopify shop;
    shop.http->AddData(State(false, false));
    shop.http->AddData(CancelAnswer(true));
    shop.http->AddData(State(true, false));
    ASSERT_TRUE(shop.connector->ChangeOrderStatus(shop.session, Cancel()));
    EXPECT_FALSE(shop.http->Variables(1).contains("refundMethod"));
    EXPECT_TRUE(shop.slept.empty());
}

TEST(ShopifyOrderStatusTest, AJobStillRunningAfterTheWaitsIsPending) {
    testing::ScriptedShopify shop;
    shop.http->AddData(State(false, false));
    shop.http->AddData(CancelAnswer(false));
    for (size_t i = 0; i < kShopifyCancelPollWaits.size(); ++i) {
        shop.http->AddData(Job(false));
    }
    auto result = shop.connector->ChangeOrderStatus(shop.session, Cancel());
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_FALSE(result->done);
    EXPECT_EQ(result->pending_job, "gid://shopify/Job/abc");
    milliseconds total{0};
    for (const auto wait : shop.slept) {
        total += wait;
    }
    EXPECT_LE(total, milliseconds(6000));
}

TEST(ShopifyOrderStatusTest, APendingJobIsPolledInsteadOfCancellingAgain) {
    testing::ScriptedShopify shop;
    shop.http->AddData(State(false, false));
    shop.http->AddData(Job(true));
    shop.http->AddData(State(true, false));
    auto request = Cancel();
    request.pending_job_id = "gid://shopify/Job/abc";
    auto result = shop.connector->ChangeOrderStatus(shop.session, request);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_TRUE(result->done);
    ASSERT_EQ(shop.http->requests.size(), 3U);
    EXPECT_EQ(shop.http->Query(1).find("orderCancel"), std::string::npos);
}

TEST(ShopifyOrderStatusTest, AlreadyCancelledOrClosedAsksNothing) {
    testing::ScriptedShopify shop;
    shop.http->AddData(State(true, false));
    shop.http->AddData(State(false, true));
    auto cancelled = shop.connector->ChangeOrderStatus(shop.session, Cancel());
    ASSERT_TRUE(cancelled);
    EXPECT_TRUE(cancelled->done && cancelled->already);
    auto close = Cancel();
    close.change = OrderStatusChange::kClose;
    auto closed = shop.connector->ChangeOrderStatus(shop.session, close);
    ASSERT_TRUE(closed);
    EXPECT_TRUE(closed->done && closed->already);
    EXPECT_EQ(shop.http->requests.size(), 2U);
}

TEST(ShopifyOrderStatusTest, CancelUserErrorsAndUnknownOrders) {
    testing::ScriptedShopify shop;
    shop.http->AddData(R"({"order":null})");
    EXPECT_EQ(shop.connector->ChangeOrderStatus(shop.session, Cancel()).error().code,
              ErrorCode::kNotFound);
    shop.http->AddData(State(false, false));
    shop.http->AddData(R"({"orderCancel":{"job":null,"orderCancelUserErrors":[{"code":"INVALID",
        "field":["orderId"],"message":"Cannot cancel an order that has fulfillments"}]}})");
    const auto refused = shop.connector->ChangeOrderStatus(shop.session, Cancel());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
    EXPECT_NE(refused.error().message.find("has fulfillments"), std::string::npos);
    shop.http->AddData(State(false, false));
    shop.http->AddData(R"({"orderCancel":{"job":null,"orderCancelUserErrors":[{"code":"NOT_FOUND",
        "field":["orderId"],"message":"Order does not exist"}]}})");
    EXPECT_EQ(shop.connector->ChangeOrderStatus(shop.session, Cancel()).error().code,
              ErrorCode::kNotFound);
    shop.http->AddData(State(false, false));
    EXPECT_EQ(shop.connector->ChangeOrderStatus(shop.session, Cancel("bored")).error().code,
              ErrorCode::kBadRequest);
}

TEST(ShopifyOrderStatusTest, ClosesAndMapsUserErrorsToConflict) {
    testing::ScriptedShopify shop;
    auto close = Cancel();
    close.change = OrderStatusChange::kClose;
    shop.http->AddData(State(false, false));
    shop.http->AddData(R"({"orderClose":{"order":{"id":"gid://shopify/Order/8","closed":true,
        "closedAt":"2026-11-20T10:00:00Z"},"userErrors":[]}})");
    auto closed = shop.connector->ChangeOrderStatus(shop.session, close);
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_TRUE(closed->done);
    EXPECT_FALSE(closed->already);
    EXPECT_EQ(shop.http->Variables(1).at("input").at("id").as_string(), "gid://shopify/Order/8");
    shop.http->AddData(State(false, false));
    shop.http->AddData(R"({"orderClose":{"order":null,"userErrors":[{"field":["id"],
        "message":"Order cannot be closed"}]}})");
    EXPECT_EQ(shop.connector->ChangeOrderStatus(shop.session, close).error().code,
              ErrorCode::kConflict);
}

}  // namespace
}  // namespace scs
