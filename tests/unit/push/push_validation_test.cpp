#include <gtest/gtest.h>

#include "push/push_service.hpp"

namespace scs {
namespace {

std::string FieldOf(const Status& status) {
    EXPECT_FALSE(status);
    if (status) {
        return "<ok>";
    }
    EXPECT_EQ(status.error().code, ErrorCode::kBadRequest);
    return status.error().field;
}

InventoryPushRequest TwoItems() {
    return InventoryPushRequest{{{"A", "H1", 5}, {"B", "H1", 0}}, ""};
}

FulfillmentPushRequest Shipment() {
    FulfillmentPushRequest request;
    request.order_external_id = "1001";
    request.tracking_number = "TRK1";
    request.carrier = "DHL";
    request.tracking_url = "https://track.example/TRK1";
    request.lines = {{"A", 1}, {"B", 2}};
    return request;
}

StatusPushRequest Cancel() {
    StatusPushRequest request;
    request.order_external_id = "1001";
    request.status = "cancelled";
    request.reason = "customer";
    return request;
}

TEST(ValidateInventoryPush, AcceptsZeroAndPositiveQuantities) {
    EXPECT_TRUE(ValidateInventoryPush(TwoItems()));
}

TEST(ValidateInventoryPush, NamesTheFieldAtFault) {
    EXPECT_EQ(FieldOf(ValidateInventoryPush(InventoryPushRequest{})), "items");
    auto request = TwoItems();
    request.items[1].sku.clear();
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items[1].sku");
    request = TwoItems();
    request.items[0].hub_code.clear();
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items[0].hub_code");
    request = TwoItems();
    request.items[1].quantity = -1;
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items[1].quantity");
}

TEST(ValidateInventoryPush, RefusesTheSameSkuAndHubTwiceButNotOtherHubs) {
    auto request = TwoItems();
    request.items.push_back({"A", "H2", 1});
    EXPECT_TRUE(ValidateInventoryPush(request));
    request.items.push_back({"A", "H1", 3});
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items[3]");
}

TEST(ValidateInventoryPush, LimitsTheNumberOfItems) {
    InventoryPushRequest request;
    for (size_t i = 0; i < kMaxInventoryLines; ++i) {
        request.items.push_back({"S" + std::to_string(i), "H", 1});
    }
    EXPECT_TRUE(ValidateInventoryPush(request));
    request.items.push_back({"extra", "H", 1});
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items");
}

TEST(ValidateInventoryPush, LimitsTheQuantity) {
    auto request = TwoItems();
    request.items[1].quantity = kMaxPushQuantity;
    EXPECT_TRUE(ValidateInventoryPush(request));
    request.items[1].quantity = kMaxPushQuantity + 1;
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items[1].quantity");
    request.items[1].quantity = 9223372036854775807;
    EXPECT_EQ(FieldOf(ValidateInventoryPush(request)), "items[1].quantity");
}

TEST(ValidateFulfillmentPush, LimitsTheQuantity) {
    auto request = Shipment();
    request.lines[0].quantity = kMaxPushQuantity;
    EXPECT_TRUE(ValidateFulfillmentPush(request));
    request.lines[0].quantity = 9223372036854775807;
    EXPECT_EQ(FieldOf(ValidateFulfillmentPush(request)), "line_items[0].quantity");
}

TEST(ValidateFulfillmentPush, AcceptsAShipmentAndOneWithoutLinesOrTracking) {
    EXPECT_TRUE(ValidateFulfillmentPush(Shipment()));
    FulfillmentPushRequest bare;
    bare.order_external_id = "1001";
    EXPECT_TRUE(ValidateFulfillmentPush(bare));
}

TEST(ValidateFulfillmentPush, NamesTheFieldAtFault) {
    auto request = Shipment();
    request.order_external_id.clear();
    EXPECT_EQ(FieldOf(ValidateFulfillmentPush(request)), "order_external_id");
    request = Shipment();
    request.lines[0].sku.clear();
    EXPECT_EQ(FieldOf(ValidateFulfillmentPush(request)), "line_items[0].sku");
    request = Shipment();
    request.lines[1].quantity = 0;
    EXPECT_EQ(FieldOf(ValidateFulfillmentPush(request)), "line_items[1].quantity");
    request = Shipment();
    request.lines.push_back({"A", 4});
    EXPECT_EQ(FieldOf(ValidateFulfillmentPush(request)), "line_items[2].sku");
}

TEST(ValidateFulfillmentPush, TrackingUrlMustBeHttp) {
    auto request = Shipment();
    for (const char* url : {"ftp://x/y", "javascript:alert(1)", "https://", "track.example"}) {
        request.tracking_url = url;
        EXPECT_EQ(FieldOf(ValidateFulfillmentPush(request)), "tracking_url") << url;
    }
    request.tracking_url = "HTTP://track.example/1";
    EXPECT_TRUE(ValidateFulfillmentPush(request));
}

TEST(ValidateStatusPush, AcceptsCancelAndClose) {
    EXPECT_TRUE(ValidateStatusPush(Cancel()));
    auto request = Cancel();
    request.reason.clear();
    EXPECT_TRUE(ValidateStatusPush(request));
    request.status = "closed";
    EXPECT_TRUE(ValidateStatusPush(request));
}

TEST(ValidateStatusPush, NamesTheFieldAtFault) {
    auto request = Cancel();
    request.status = "shipped";
    EXPECT_EQ(FieldOf(ValidateStatusPush(request)), "status");
    request = Cancel();
    request.reason = "bored";
    EXPECT_EQ(FieldOf(ValidateStatusPush(request)), "reason");
    request = Cancel();
    request.order_external_id.clear();
    EXPECT_EQ(FieldOf(ValidateStatusPush(request)), "order_external_id");
}

TEST(DerivedFulfillmentKey, IsHexSha256StableAndIgnoresLineOrderAndTheClientKey) {
    const std::string key = DerivedFulfillmentKey(7, Shipment());
    EXPECT_EQ(key.size(), 64U);
    EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
    auto reordered = Shipment();
    std::swap(reordered.lines[0], reordered.lines[1]);
    reordered.tracking_number = " TRK1 ";
    reordered.idempotency_key = "client-key";
    EXPECT_EQ(DerivedFulfillmentKey(7, reordered), key);
}

TEST(DerivedFulfillmentKey, DiffersByConnectionOrderAndContent) {
    const std::string key = DerivedFulfillmentKey(7, Shipment());
    EXPECT_NE(DerivedFulfillmentKey(8, Shipment()), key);
    auto other = Shipment();
    other.order_external_id = "1002";
    EXPECT_NE(DerivedFulfillmentKey(7, other), key);
    other = Shipment();
    other.tracking_number = "TRK2";
    EXPECT_NE(DerivedFulfillmentKey(7, other), key);
    other = Shipment();
    other.lines[1].quantity = 3;
    EXPECT_NE(DerivedFulfillmentKey(7, other), key);
}

TEST(DerivedStatusKey, SameChangeSameKeyOtherChangeOtherKey) {
    const std::string key = DerivedStatusKey(7, Cancel());
    EXPECT_EQ(DerivedStatusKey(7, Cancel()), key);
    auto close = Cancel();
    close.status = "closed";
    EXPECT_NE(DerivedStatusKey(7, close), key);
    auto other_reason = Cancel();
    other_reason.reason = "fraud";
    EXPECT_NE(DerivedStatusKey(7, other_reason), key);
    EXPECT_NE(DerivedStatusKey(7, Cancel()), DerivedFulfillmentKey(7, Shipment()));
}

TEST(DerivedStatusKey, ACancelWithoutReasonIsACancelForOther) {
    auto no_reason = Cancel();
    no_reason.reason.clear();
    auto other = Cancel();
    other.reason = "other";
    EXPECT_EQ(DerivedStatusKey(7, no_reason), DerivedStatusKey(7, other));
}

}  // namespace
}  // namespace scs
