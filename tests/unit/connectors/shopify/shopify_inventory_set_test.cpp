#include <gtest/gtest.h>

#include "connectors/shopify/shopify_inventory.hpp"
#include "scripted_shopify.hpp"

namespace scs {
namespace {

namespace json = boost::json;

constexpr const char* kApplied =
    R"({"inventorySetQuantities":{"inventoryAdjustmentGroup":{"id":"gid://shopify/InventoryAdjustmentGroup/1"},"userErrors":[]}})";

std::string Refused(const std::string& errors) {
    return R"({"inventorySetQuantities":{"inventoryAdjustmentGroup":null,"userErrors":[)" + errors +
           "]}}";
}

std::string UserError(const std::string& code, int index, const std::string& message) {
    return R"({"code":")" + code + R"(","field":["input","quantities",")" + std::to_string(index) +
           R"(","changeFromQuantity"],"message":")" + message + R"("})";
}

InventorySetBatch Batch(size_t items) {
    InventorySetBatch batch;
    batch.idempotency_key = "push-9";
    for (size_t i = 0; i < items; ++i) {
        batch.items.push_back({{std::to_string(100 + i), "7"}, static_cast<int64_t>(i + 1), 3});
    }
    return batch;
}

TEST(ShopifyInventorySetTest, SendsChangeFromOnEveryQuantityAndTheKey) {
    testing::ScriptedShopify shop;
    shop.http->AddData(kApplied);
    auto batch = Batch(2);
    batch.items[1].change_from = std::nullopt;
    auto results = shop.connector->SetInventory(shop.session, batch);
    ASSERT_TRUE(results) << results.error().message;
    ASSERT_EQ(results->size(), 2U);
    EXPECT_EQ((*results)[0].outcome, InventorySetOutcome::kApplied);
    EXPECT_EQ((*results)[1].outcome, InventorySetOutcome::kApplied);
    const auto variables = shop.http->Variables(0);
    EXPECT_EQ(variables.at("key").as_string(), "push-9");
    EXPECT_NE(shop.http->Query(0).find("@idempotent(key: $key)"), std::string::npos);
    const auto& input = variables.at("input").as_object();
    EXPECT_EQ(input.at("name").as_string(), "available");
    EXPECT_EQ(input.at("reason").as_string(), "correction");
    const auto& quantities = input.at("quantities").as_array();
    EXPECT_EQ(quantities[0], json::parse(R"({"inventoryItemId":"gid://shopify/InventoryItem/100",
        "locationId":"gid://shopify/Location/7","quantity":1,"changeFromQuantity":3})"));
    ASSERT_TRUE(quantities[1].as_object().contains("changeFromQuantity"));
    EXPECT_TRUE(quantities[1].at("changeFromQuantity").is_null());
}

TEST(ShopifyInventorySetTest, MapsUserErrorsByIndexAndResubmitsTheRestUnderDerivedKeys) {
    testing::ScriptedShopify shop;
    shop.http->AddData(Refused(UserError("CHANGE_FROM_QUANTITY_STALE", 1, "stale") + "," +
                               UserError("INVALID_INVENTORY_ITEM", 3, "no such item")));
    shop.http->AddData(Refused(UserError("ITEM_NOT_STOCKED_AT_LOCATION", 2, "not stocked") + "," +
                               UserError("INVALID_QUANTITY_NEGATIVE", 0, "negative")));
    shop.http->AddData(kApplied);
    auto results = shop.connector->SetInventory(shop.session, Batch(5));
    ASSERT_TRUE(results) << results.error().message;
    ASSERT_EQ(results->size(), 5U);
    EXPECT_EQ((*results)[0].outcome, InventorySetOutcome::kRejected);
    EXPECT_EQ((*results)[0].message, "negative");
    EXPECT_EQ((*results)[1].outcome, InventorySetOutcome::kStale);
    EXPECT_EQ((*results)[2].outcome, InventorySetOutcome::kApplied);
    EXPECT_EQ((*results)[3].outcome, InventorySetOutcome::kUnknownItem);
    EXPECT_EQ((*results)[4].outcome, InventorySetOutcome::kNotStocked);
    ASSERT_EQ(shop.http->requests.size(), 3U);
    EXPECT_EQ(shop.http->Variables(1).at("key").as_string(), "push-9:r1");
    EXPECT_EQ(shop.http->Variables(2).at("key").as_string(), "push-9:r2");
    // Second call: items 0, 2, 4 (index 2 there is item 4); third: item 2 alone.
    const auto second_call = shop.http->Variables(1);
    const auto& second = second_call.at("input").at("quantities").as_array();
    ASSERT_EQ(second.size(), 3U);
    EXPECT_EQ(second[2].at("inventoryItemId").as_string(), "gid://shopify/InventoryItem/104");
    const auto third_call = shop.http->Variables(2);
    const auto& third = third_call.at("input").at("quantities").as_array();
    ASSERT_EQ(third.size(), 1U);
    EXPECT_EQ(third[0].at("inventoryItemId").as_string(), "gid://shopify/InventoryItem/102");
}

TEST(ShopifyInventorySetTest, AnErrorNamingNoItemRejectsEveryPendingItem) {
    testing::ScriptedShopify shop;
    shop.http->AddData(Refused(R"({"code":"INVALID_REASON","field":["input","reason"],
        "message":"bad reason"})"));
    auto results = shop.connector->SetInventory(shop.session, Batch(2));
    ASSERT_TRUE(results);
    EXPECT_EQ((*results)[0].outcome, InventorySetOutcome::kRejected);
    EXPECT_EQ((*results)[1].message, "bad reason");
    EXPECT_EQ(shop.http->requests.size(), 1U);
}

TEST(ShopifyInventorySetTest, IdempotencyKeyFailuresRejectTheBatchAndConcurrencyIsRetryable) {
    testing::ScriptedShopify shop;
    shop.http->AddData(Refused(R"({"code":"IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED","field":null,
        "message":"Retry with a new idempotency key"})"));
    shop.http->AddData(Refused(R"({"code":"IDEMPOTENCY_CONCURRENT_REQUEST","field":null,
        "message":"in progress"})"));
    auto rejected = shop.connector->SetInventory(shop.session, Batch(2));
    ASSERT_TRUE(rejected);
    EXPECT_EQ((*rejected)[1].outcome, InventorySetOutcome::kRejected);
    EXPECT_EQ((*rejected)[1].message, "Retry with a new idempotency key");
    auto concurrent = shop.connector->SetInventory(shop.session, Batch(2));
    ASSERT_FALSE(concurrent);
    EXPECT_EQ(concurrent.error().code, ErrorCode::kUnavailable);
}

TEST(ShopifyInventorySetTest, BatchesAbove250GoInSlicesWithTheirOwnKeys) {
    testing::ScriptedShopify shop;
    shop.http->AddData(kApplied);
    shop.http->AddData(kApplied);
    auto results = shop.connector->SetInventory(shop.session, Batch(260));
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_EQ(results->size(), 260U);
    ASSERT_EQ(shop.http->requests.size(), 2U);
    EXPECT_EQ(shop.http->Variables(0).at("key").as_string(), "push-9:s1");
    EXPECT_EQ(shop.http->Variables(1).at("key").as_string(), "push-9:s2");
    EXPECT_EQ(shop.http->Variables(1).at("input").at("quantities").as_array().size(), 10U);
}

TEST(ShopifyInventorySetTest, OutcomeCodes) {
    EXPECT_EQ(InventorySetOutcomeOf("COMPARE_QUANTITY_STALE"), InventorySetOutcome::kStale);
    EXPECT_EQ(InventorySetOutcomeOf("INVALID_LOCATION"), InventorySetOutcome::kRejected);
}

TEST(ShopifyInventorySetTest, AKeyIsRequired) {
    testing::ScriptedShopify shop;
    auto batch = Batch(1);
    batch.idempotency_key.clear();
    EXPECT_EQ(shop.connector->SetInventory(shop.session, batch).error().code,
              ErrorCode::kBadRequest);
    EXPECT_TRUE(shop.http->requests.empty());
}

}  // namespace
}  // namespace scs
