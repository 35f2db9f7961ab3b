#include "connectors/shopify/shopify_catalogue.hpp"

#include <gtest/gtest.h>

#include "scripted_shopify.hpp"

namespace scs {
namespace {

namespace json = boost::json;

std::string VariantsPage(const std::string& nodes, bool more) {
    return R"({"productVariants":{"nodes":[)" + nodes + R"(],"pageInfo":{"hasNextPage":)" +
           (more ? R"(true,"endCursor":"v2"})" : "false}") + "}}";
}

constexpr const char* kVariant =
    R"({"id":"gid://shopify/ProductVariant/22","title":"Red / L","sku":"TSHIRT-RED-L",
        "product":{"id":"gid://shopify/Product/11","title":"T-shirt"},
        "inventoryItem":{"id":"gid://shopify/InventoryItem/33","tracked":true}})";

TEST(ShopifyCatalogueTest, MapsAVariantToAListingWithNumericIds) {
    const Listing listing = MapShopifyVariant(json::parse(kVariant).as_object());
    EXPECT_EQ(listing, (Listing{"TSHIRT-RED-L", "11", "22", "33", "T-shirt / Red / L", true}));
}

TEST(ShopifyCatalogueTest, NullOrEmptySkuIsKeptAsEmptyAndDefaultTitleIsTheProduct) {
    const auto with_null = MapShopifyVariant(json::parse(R"({"id":"gid://shopify/ProductVariant/5",
        "title":"Default Title","sku":null,"product":{"id":"gid://shopify/Product/4","title":"Mug"},
        "inventoryItem":{"id":"gid://shopify/InventoryItem/6","tracked":false}})")
                                                 .as_object());
    EXPECT_EQ(with_null.sku, "");
    EXPECT_EQ(with_null.title, "Mug");
    EXPECT_FALSE(with_null.tracked);
    const auto without_item = MapShopifyVariant(
        json::parse(R"({"id":"gid://shopify/ProductVariant/5","sku":"","title":"X"})").as_object());
    EXPECT_EQ(without_item.sku, "");
    EXPECT_EQ(without_item.inventory_item_id, "");
    EXPECT_FALSE(without_item.tracked);
}

TEST(ShopifyCatalogueTest, FetchesAPageWithTheRequestedSizeAndCursor) {
    testing::ScriptedShopify shop;
    shop.http->AddData(VariantsPage(kVariant, true));
    ProductPageRequest request;
    request.cursor = "v1";
    request.page_size = 40;
    auto page = shop.connector->FetchProducts(shop.session, request);
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_EQ(page->listings.size(), 1U);
    EXPECT_EQ(page->listings[0].variant_id, "22");
    EXPECT_EQ(page->next_cursor, "v2");
    const auto variables = shop.http->Variables(0);
    EXPECT_EQ(variables.at("first").as_int64(), 40);
    EXPECT_EQ(variables.at("after").as_string(), "v1");
    EXPECT_NE(
        shop.http->Query(0).find("productVariants(first: $first, after: $after, sortKey: ID)"),
        std::string::npos);
}

TEST(ShopifyCatalogueTest, CapsThePageSoTheQueryStaysUnderTheSingleQueryLimit) {
    testing::ScriptedShopify shop;
    shop.http->AddData(VariantsPage("", false));
    ProductPageRequest request;
    request.page_size = 5000;
    ASSERT_TRUE(shop.connector->FetchProducts(shop.session, request));
    const int64_t first = shop.http->Variables(0).at("first").as_int64();
    EXPECT_EQ(first, 250);  // 2 + 250 * 3 = 752 points
    EXPECT_LE(2 + first * 3, 1000);
}

TEST(ShopifyCatalogueTest, HalvesThePageOnMaxCostExceededAndRemembersIt) {
    testing::ScriptedShopify shop;
    shop.http->AddRaw(
        200, R"({"errors":[{"message":"too costly","extensions":{"code":"MAX_COST_EXCEEDED"}}]})");
    shop.http->AddData(VariantsPage("", false));
    shop.http->AddData(VariantsPage("", false));
    ProductPageRequest request;
    request.page_size = 100;
    ASSERT_TRUE(shop.connector->FetchProducts(shop.session, request));
    ASSERT_TRUE(shop.connector->FetchProducts(shop.session, request));
    EXPECT_EQ(shop.http->Variables(1).at("first").as_int64(), 50);
    EXPECT_EQ(shop.http->Variables(2).at("first").as_int64(), 50);
}

TEST(ShopifyCatalogueTest, ErrorsFollowTheConnectorContract) {
    testing::ScriptedShopify shop;
    shop.http->AddRaw(503, "down");
    shop.http->AddData(R"({"productVariants":null})");
    EXPECT_EQ(shop.connector->FetchProducts(shop.session, {}).error().code,
              ErrorCode::kUnavailable);
    EXPECT_EQ(shop.connector->FetchProducts(shop.session, {}).error().code,
              ErrorCode::kInvalidPayload);
}

}  // namespace
}  // namespace scs
