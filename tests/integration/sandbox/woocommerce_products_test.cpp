// Products, variations and stock in the WooCommerce sandbox: the sku filter reaching variations,
// last-write-wins stock with derived stock_status, batches with per-item errors, and the control
// API's catalogue.
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

class WooProductsTest : public ::testing::Test {
protected:
    SandboxFixture sandbox_;
    WooSiteInfo site_ = CreateWooSite(sandbox_, {{"site", "shop-woo"}, {"products", 3}});
    WooClient client_{sandbox_, site_};
};

TEST_F(WooProductsTest, ListsProductsAndFindsVariationsBySku) {
    auto products = client_.Get("/wc/v3/products?per_page=100");
    ASSERT_EQ(products.status, 200) << products.raw.body;
    EXPECT_EQ(products.raw.Header("X-WP-Total"), "9");  // 6 variable + 3 simple
    auto by_sku = client_.Get("/wc/v3/products?sku=SKU-101-2");
    ASSERT_EQ(by_sku.body.as_array().size(), 1U) << by_sku.raw.body;
    const auto& variation = by_sku.body.at(0);
    EXPECT_EQ(variation.at("type"), "variation");
    EXPECT_EQ(variation.at("id"), 22);
    EXPECT_EQ(variation.at("parent_id"), 20);
    auto variations = client_.Get("/wc/v3/products/20/variations");
    ASSERT_EQ(variations.body.as_array().size(), 3U);
    EXPECT_EQ(variations.body.at(0).at("manage_stock"), true);
    EXPECT_EQ(variations.body.at(0).at("stock_quantity"), 20);
    EXPECT_EQ(client_.Get("/wc/v3/products/999").body.at("code"),
              "woocommerce_rest_product_invalid_id");
}

TEST_F(WooProductsTest, StockWritesWinAndDriveStockStatus) {
    auto emptied =
        client_.Call("PUT", "/wc/v3/products/20/variations/21", R"({"stock_quantity":0})");
    ASSERT_EQ(emptied.status, 200) << emptied.raw.body;
    EXPECT_EQ(emptied.body.at("stock_quantity"), 0);
    EXPECT_EQ(emptied.body.at("stock_status"), "outofstock");
    auto refilled =
        client_.Call("PUT", "/wc/v3/products/20/variations/21", R"({"stock_quantity":7})");
    EXPECT_EQ(refilled.body.at("stock_status"), "instock");
    auto untracked = client_.Call(
        "PUT", "/wc/v3/products/200", R"({"manage_stock":false,"stock_status":"onbackorder"})");
    EXPECT_TRUE(untracked.body.at("stock_quantity").is_null());
    EXPECT_EQ(untracked.body.at("stock_status"), "onbackorder");
    auto typed = client_.Call("PUT", "/wc/v3/products/200", R"({"stock_quantity":"many"})");
    EXPECT_EQ(typed.status, 400);
    EXPECT_EQ(typed.body.at("data").at("params").at("stock_quantity"),
              "stock_quantity is not of type integer.");
    auto inventory = Control(sandbox_, site_, "GET", "/inventory");
    bool found = false;
    for (const auto& level : inventory.body.at("levels").as_array()) {
        if (level.at("variation_id") == 21) {
            found = true;
            EXPECT_EQ(level.at("stock_quantity"), 7);
            EXPECT_EQ(level.at("sku"), "SKU-101-1");
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(WooProductsTest, BatchesReportPerItemErrorsInsideA200) {
    const json::object body{{"update",
                             json::array{{{"id", 200}, {"stock_quantity", 4}},
                                         {{"id", 987654}, {"stock_quantity", 1}}}}};
    auto batch = client_.Call("POST", "/wc/v3/products/batch", json::serialize(body));
    ASSERT_EQ(batch.status, 200) << batch.raw.body;
    const auto& results = batch.body.at("update").as_array();
    EXPECT_EQ(results[0].at("stock_quantity"), 4);
    EXPECT_EQ(json::serialize(results[1]),
              R"({"id":987654,"error":{"code":"woocommerce_rest_product_invalid_id",)"
              R"("message":"Invalid ID.","data":{"status":400}}})");
    const json::object variations{
        {"update", json::array{{{"id", 31}, {"stock_quantity", 2}}, {{"id", 21}, {"sku", "x"}}}}};
    auto variation_batch =
        client_.Call("POST", "/wc/v3/products/30/variations/batch", json::serialize(variations));
    ASSERT_EQ(variation_batch.status, 200) << variation_batch.raw.body;
    EXPECT_EQ(variation_batch.body.at("update").at(0).at("stock_quantity"), 2);
    EXPECT_EQ(variation_batch.body.at("update").at(1).at("error").at("code"),
              "woocommerce_rest_product_variation_invalid_id");
    json::array many;
    for (int i = 0; i < 60; ++i) {
        many.push_back({{"id", 200}, {"stock_quantity", i}});
    }
    auto refused = client_.Call("POST",
                                "/wc/v3/products/batch",
                                json::serialize(json::object{{"update", many}, {"delete", many}}));
    EXPECT_EQ(refused.status, 413);
    EXPECT_EQ(refused.body.at("code"), "woocommerce_rest_request_entity_too_large");
}

TEST_F(WooProductsTest, ControlApiAddsProductsWithVariations) {
    auto added =
        Control(sandbox_,
                site_,
                "POST",
                "/products",
                R"({"name":"Dates Box","type":"variable","sku":"DATES",)"
                R"("variations":[{"sku":"DATES-1","stock":5},{"sku":"DATES-2","stock":0}]})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    const int64_t id = added.body.at("product_id").as_int64();
    ASSERT_EQ(added.body.at("variations").as_array().size(), 2U);
    auto variations =
        client_.Get("/wc/v3/products/" + std::to_string(id) + "/variations?order=asc");
    ASSERT_EQ(variations.body.as_array().size(), 2U) << variations.raw.body;
    auto product = client_.Get("/wc/v3/products/" + std::to_string(id));
    EXPECT_EQ(product.body.at("variations").as_array().size(), 2U);
    EXPECT_EQ(product.body.at("stock_status"), "instock");
    auto duplicate = Control(sandbox_, site_, "POST", "/products", R"({"sku":"DATES"})");
    EXPECT_EQ(duplicate.status, 400);
}

}  // namespace
}  // namespace scs::testing
