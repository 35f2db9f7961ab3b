#include "connectors/woocommerce/woocommerce_inventory.hpp"

#include <gtest/gtest.h>

#include "scripted_woocommerce.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using testing::ScriptedWooCommerce;

json::object Stock(int64_t id, json::value manage, json::value quantity) {
    return {
        {"id", id}, {"manage_stock", std::move(manage)}, {"stock_quantity", std::move(quantity)}};
}

json::object Updated(int64_t id, int64_t quantity) {
    return {{"id", id}, {"manage_stock", true}, {"stock_quantity", quantity}};
}

json::object ItemError(int64_t id, const std::string& code, const std::string& message) {
    return {
        {"id", id},
        {"error", json::object{{"code", code}, {"message", message}, {"data", {{"status", 400}}}}}};
}

InventorySetItem Item(const std::string& id,
                      int64_t quantity,
                      std::optional<int64_t> change_from = std::nullopt) {
    return InventorySetItem{{id, "ignored-location"}, quantity, change_from};
}

TEST(WooCommerceItemIdTest, ReadsProductAndVariationIds) {
    EXPECT_EQ(ParseWooCommerceItemId("12")->product_id, 12);
    EXPECT_FALSE(ParseWooCommerceItemId("12")->variation_id);
    EXPECT_EQ(ParseWooCommerceItemId("12/34")->variation_id, 34);
    for (const char* bad : {"", "x", "12/", "/3", "12/x", "-1", "0", "1/2/3"}) {
        EXPECT_FALSE(ParseWooCommerceItemId(bad)) << bad;
    }
}

TEST(WooCommerceInventoryTest, ReadsProductsAndVariationsByIncludeIgnoringTheLocation) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(json::array{Stock(640, true, 17), Stock(641, false, nullptr)});
    woo.http->AddJson(json::array{Stock(611, true, 12), Stock(612, "parent", 40)});
    const std::vector<InventoryKey> keys = {{"640", "L1"},
                                            {"641", "L1"},
                                            {"999", "L1"},
                                            {"502/611", "L1"},
                                            {"502/612", "L2"},
                                            {"502/613", "L1"},
                                            {"junk", "L1"}};
    auto levels = woo.connector->ReadInventoryLevels(woo.session, keys);
    ASSERT_TRUE(levels) << levels.error().message;
    EXPECT_EQ(woo.http->Path(0), "/wp-json/wc/v3/products");
    EXPECT_EQ(woo.http->Param(0, "include"), "640,641,999");
    EXPECT_EQ(woo.http->Path(1), "/wp-json/wc/v3/products/502/variations");
    EXPECT_EQ(woo.http->Param(1, "include"), "611,612,613");
    EXPECT_EQ(levels->at(keys[0]).available, 17);
    EXPECT_TRUE(levels->at(keys[1]).item_exists);
    EXPECT_FALSE(levels->at(keys[1]).available);  // stock not managed
    EXPECT_FALSE(levels->at(keys[2]).item_exists);
    EXPECT_EQ(levels->at(keys[3]).available, 12);
    EXPECT_EQ(levels->at(keys[4]).available, 40);
    EXPECT_FALSE(levels->at(keys[5]).item_exists);
    EXPECT_FALSE(levels->at(keys[6]).item_exists);
}

TEST(WooCommerceInventoryTest, AGoneParentReadsAsItsVariationsMissing) {
    ScriptedWooCommerce woo;
    woo.http->Add(404, R"({"code":"woocommerce_rest_product_invalid_id","message":"Invalid ID."})");
    auto levels = woo.connector->ReadInventoryLevels(woo.session, {{"77/1", ""}});
    ASSERT_TRUE(levels) << levels.error().message;
    EXPECT_FALSE(levels->at({"77/1", ""}).item_exists);
}

TEST(WooCommerceInventoryTest, SetsByBatchReadingPerItemErrorsFromThe200) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(json::object{
        {"update",
         json::array{Updated(640, 5),
                     ItemError(999, "woocommerce_rest_product_invalid_id", "Invalid ID."),
                     ItemError(641, "product_invalid_sku", "Invalid or duplicated SKU.")}}});
    woo.http->AddJson(json::object{{"update", json::array{Updated(611, 3)}}});
    InventorySetBatch batch{
        "key-1",
        "correction",
        {Item("640", 5), Item("999", 1), Item("502/611", 3), Item("641", 2), Item("nope", 1)}};
    auto results = woo.connector->SetInventory(woo.session, batch);
    ASSERT_TRUE(results) << results.error().message;
    ASSERT_EQ(results->size(), 5U);
    EXPECT_EQ((*results)[0].outcome, InventorySetOutcome::kApplied);
    EXPECT_EQ((*results)[1].outcome, InventorySetOutcome::kUnknownItem);
    EXPECT_EQ((*results)[2].outcome, InventorySetOutcome::kApplied);
    EXPECT_EQ((*results)[3].outcome, InventorySetOutcome::kRejected);
    EXPECT_EQ((*results)[3].message, "Invalid or duplicated SKU.");
    EXPECT_EQ((*results)[4].outcome, InventorySetOutcome::kUnknownItem);
    EXPECT_EQ(woo.http->Path(0), "/wp-json/wc/v3/products/batch");
    EXPECT_EQ(woo.http->Body(0).at("update").at(0),
              (json::object{{"id", 640}, {"manage_stock", true}, {"stock_quantity", 5}}));
    EXPECT_EQ(woo.http->Path(1), "/wp-json/wc/v3/products/502/variations/batch");
    EXPECT_EQ(woo.http->Body(1).at("update").at(0).at("id"), 611);
}

TEST(WooCommerceInventoryTest, A413SplitsTheBatchInHalves) {
    ScriptedWooCommerce woo;
    woo.http->Add(
        413,
        R"({"code":"woocommerce_rest_request_entity_too_large","message":"Unable to accept more than 2 items for this request."})");
    woo.http->AddJson(json::object{{"update", json::array{Updated(1, 1), Updated(2, 2)}}});
    woo.http->AddJson(json::object{{"update", json::array{Updated(3, 3), Updated(4, 4)}}});
    InventorySetBatch batch{
        "k", "correction", {Item("1", 1), Item("2", 2), Item("3", 3), Item("4", 4)}};
    auto results = woo.connector->SetInventory(woo.session, batch);
    ASSERT_TRUE(results) << results.error().message;
    for (const auto& result : *results) {
        EXPECT_EQ(result.outcome, InventorySetOutcome::kApplied) << result.message;
    }
    ASSERT_EQ(woo.http->requests.size(), 3U);
    EXPECT_EQ(woo.http->Body(0).at("update").as_array().size(), 4U);
    EXPECT_EQ(woo.http->Body(1).at("update").as_array().size(), 2U);
    EXPECT_EQ(woo.http->Body(2).at("update").at(0).at("id"), 3);
}

TEST(WooCommerceInventoryTest, SendsAtMostOneHundredItemsPerCall) {
    ScriptedWooCommerce woo;
    InventorySetBatch batch{"k", "correction", {}};
    json::array first;
    json::array second;
    for (int64_t id = 1; id <= 150; ++id) {
        batch.items.push_back(Item(std::to_string(id), id));
        (id <= 100 ? first : second).push_back(Updated(id, id));
    }
    woo.http->AddJson(json::object{{"update", first}});
    woo.http->AddJson(json::object{{"update", second}});
    auto results = woo.connector->SetInventory(woo.session, batch);
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_EQ(results->size(), 150U);
    EXPECT_EQ(woo.http->Body(0).at("update").as_array().size(), 100U);
    EXPECT_EQ(woo.http->Body(1).at("update").as_array().size(), 50U);
    EXPECT_EQ(results->back().outcome, InventorySetOutcome::kApplied);
}

TEST(WooCommerceInventoryTest, ChangeFromIsComparedByAReadFirst) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(json::array{Stock(1, true, 10), Stock(2, true, 7), Stock(3, false, nullptr)});
    woo.http->AddJson(json::object{{"update", json::array{Updated(1, 12), Updated(4, 9)}}});
    InventorySetBatch batch{
        "k", "correction", {Item("1", 12, 10), Item("2", 9, 8), Item("3", 1, 0), Item("4", 9)}};
    auto results = woo.connector->SetInventory(woo.session, batch);
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_EQ(woo.http->Param(0, "include"), "1,2,3");
    EXPECT_EQ((*results)[0].outcome, InventorySetOutcome::kApplied);
    EXPECT_EQ((*results)[1].outcome, InventorySetOutcome::kStale);
    EXPECT_EQ((*results)[2].outcome, InventorySetOutcome::kNotStocked);
    EXPECT_EQ((*results)[3].outcome, InventorySetOutcome::kApplied);
    EXPECT_EQ(woo.http->Body(1).at("update").as_array().size(), 2U);
}

TEST(WooCommerceInventoryTest, AQuantityTheStoreDidNotKeepIsRejected) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(json::object{{"update", json::array{Updated(1, 4)}}});
    InventorySetBatch batch{"k", "correction", {Item("1", 5)}};
    auto results = woo.connector->SetInventory(woo.session, batch);
    ASSERT_TRUE(results);
    EXPECT_EQ((*results)[0].outcome, InventorySetOutcome::kRejected);
}

TEST(WooCommerceInventoryTest, AFailedCallFailsTheSet) {
    ScriptedWooCommerce woo;
    woo.http->Add(500, R"({"code":"internal_server_error","message":"Critical error."})");
    InventorySetBatch batch{"k", "correction", {Item("1", 5)}};
    EXPECT_EQ(woo.connector->SetInventory(woo.session, batch).error().code,
              ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace scs
