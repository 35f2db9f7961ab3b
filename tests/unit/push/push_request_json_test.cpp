#include "push/push_request_json.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(PushRequestJson, FulfillmentRoundTripsNormalised) {
    FulfillmentPushRequest request;
    request.order_external_id = " 1001 ";
    request.tracking_number = "TRK1";
    request.carrier = "DHL";
    request.tracking_url = "https://t.example/1";
    request.lines = {{"B", 2}, {"A", 1}};
    request.notify_customer = true;
    request.idempotency_key = "k";
    const auto normalised = NormaliseFulfillmentPush(request);
    EXPECT_EQ(normalised.order_external_id, "1001");
    ASSERT_EQ(normalised.lines.size(), 2U);
    EXPECT_EQ(normalised.lines[0].sku, "A");
    const std::string json = FulfillmentPushJson(normalised);
    EXPECT_EQ(json.find("\"k\""), std::string::npos) << "the key is not part of the request";
    auto parsed = ParseFulfillmentPushJson(json);
    ASSERT_TRUE(parsed) << parsed.error().message;
    auto expected = normalised;
    expected.idempotency_key.clear();
    EXPECT_EQ(parsed->order_external_id, expected.order_external_id);
    EXPECT_EQ(parsed->tracking_number, expected.tracking_number);
    EXPECT_EQ(parsed->carrier, expected.carrier);
    EXPECT_EQ(parsed->tracking_url, expected.tracking_url);
    EXPECT_EQ(parsed->lines, expected.lines);
    EXPECT_TRUE(parsed->notify_customer);
}

TEST(PushRequestJson, StatusRoundTripsAndCloseDropsCancelFields) {
    StatusPushRequest cancel;
    cancel.order_external_id = "1001";
    cancel.status = "cancelled";
    cancel.refund = true;
    const auto normalised = NormaliseStatusPush(cancel);
    EXPECT_EQ(normalised.reason, "other");
    auto parsed = ParseStatusPushJson(StatusPushJson(normalised));
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->status, "cancelled");
    EXPECT_EQ(parsed->reason, "other");
    EXPECT_TRUE(parsed->restock);
    EXPECT_TRUE(parsed->refund);
    EXPECT_FALSE(parsed->notify_customer);

    StatusPushRequest close = cancel;
    close.status = "closed";
    close.reason = "fraud";
    const auto closed = NormaliseStatusPush(close);
    EXPECT_EQ(closed.reason, "");
    EXPECT_FALSE(closed.restock);
    EXPECT_FALSE(closed.refund);
}

TEST(PushRequestJson, InventoryJsonKeepsItemsInOrder) {
    InventoryPushRequest request{{{" A ", "H1", 3}, {"B", "H2", 0}}, "key"};
    EXPECT_EQ(InventoryPushJson(NormaliseInventoryPush(request)),
              R"({"items":[{"sku":"A","hub_code":"H1","quantity":3},)"
              R"({"sku":"B","hub_code":"H2","quantity":0}]})");
}

TEST(PushRequestJson, RejectsMalformedDocuments) {
    EXPECT_EQ(ParseFulfillmentPushJson("[]").error().code, ErrorCode::kInvalidPayload);
    EXPECT_EQ(ParseFulfillmentPushJson(R"({"order_external_id":1})").error().code,
              ErrorCode::kInvalidPayload);
    auto bad_line = ParseFulfillmentPushJson(
        R"({"order_external_id":"1","tracking_number":"","carrier":"","tracking_url":"",)"
        R"("notify_customer":false,"line_items":[{"sku":"A"}]})");
    ASSERT_FALSE(bad_line);
    EXPECT_NE(bad_line.error().message.find("line_items.quantity"), std::string::npos);
    EXPECT_EQ(ParseStatusPushJson(R"({"status":"closed"})").error().code,
              ErrorCode::kInvalidPayload);
}

}  // namespace
}  // namespace scs
