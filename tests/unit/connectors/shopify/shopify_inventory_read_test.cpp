#include <gtest/gtest.h>

#include "connectors/shopify/shopify_inventory.hpp"
#include "scripted_shopify.hpp"

namespace scs {
namespace {

std::string Item(int id, const std::string& levels) {
    return R"({"id":"gid://shopify/InventoryItem/)" + std::to_string(id) +
           R"(","tracked":true,"inventoryLevels":{"nodes":[)" + levels + "]}}";
}

std::string Level(int location, int available) {
    return R"({"location":{"id":"gid://shopify/Location/)" + std::to_string(location) +
           R"("},"quantities":[{"name":"available","quantity":)" + std::to_string(available) +
           "}]}";
}

TEST(ShopifyInventoryReadTest, OneEntryPerKeyWithUnknownItemsAndMissingLevels) {
    testing::ScriptedShopify shop;
    shop.http->AddData(R"({"nodes":[)" + Item(1, Level(10, 5) + "," + Level(20, 0)) + ",null]}");
    const std::vector<InventoryKey> keys = {{"1", "10"}, {"1", "20"}, {"1", "30"}, {"2", "10"}};
    auto levels = shop.connector->ReadInventoryLevels(shop.session, keys);
    ASSERT_TRUE(levels) << levels.error().message;
    ASSERT_EQ(levels->size(), 4U);
    EXPECT_TRUE(levels->at({"1", "10"}).item_exists);
    EXPECT_EQ(levels->at({"1", "10"}).available, 5);
    EXPECT_EQ(levels->at({"1", "20"}).available, 0);
    EXPECT_TRUE(levels->at({"1", "30"}).item_exists);
    EXPECT_EQ(levels->at({"1", "30"}).available, std::nullopt);
    EXPECT_FALSE(levels->at({"2", "10"}).item_exists);
    ASSERT_EQ(shop.http->requests.size(), 1U);  // item 1 asked once for its three keys
    const auto ids = shop.http->Variables(0).at("ids").as_array();
    EXPECT_EQ(
        ids,
        (boost::json::array{"gid://shopify/InventoryItem/1", "gid://shopify/InventoryItem/2"}));
}

std::string Nulls(size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
        out += i == 0 ? "null" : ",null";
    }
    return R"({"nodes":[)" + out + "]}";
}

TEST(ShopifyInventoryReadTest, SplitsItemsSoEveryCallStaysUnderTheCostLimit) {
    const size_t per_call = ShopifyInventoryIdsPerCall();
    ASSERT_GE(per_call, 20U);  // ten levels per item keep a call useful
    ASSERT_LT(per_call, 250U);
    testing::ScriptedShopify shop;
    std::vector<InventoryKey> keys;
    const size_t total = per_call * 2 + 5;
    for (size_t i = 0; i < total; ++i) {
        keys.push_back({std::to_string(1000 + i), "10"});
    }
    shop.http->AddData(Nulls(per_call));
    shop.http->AddData(Nulls(per_call));
    shop.http->AddData(Nulls(5));
    auto levels = shop.connector->ReadInventoryLevels(shop.session, keys);
    ASSERT_TRUE(levels) << levels.error().message;
    EXPECT_EQ(levels->size(), total);
    ASSERT_EQ(shop.http->requests.size(), 3U);
    EXPECT_EQ(shop.http->Variables(0).at("ids").as_array().size(), per_call);
    EXPECT_EQ(shop.http->Variables(2).at("ids").as_array().size(), 5U);
}

TEST(ShopifyInventoryReadTest, ANodeListOfTheWrongLengthIsInvalidPayload) {
    testing::ScriptedShopify shop;
    shop.http->AddData(R"({"nodes":[]})");
    EXPECT_EQ(shop.connector->ReadInventoryLevels(shop.session, {{"1", "2"}}).error().code,
              ErrorCode::kInvalidPayload);
}

}  // namespace
}  // namespace scs
