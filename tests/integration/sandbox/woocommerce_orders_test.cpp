// The WooCommerce sandbox's orders over real HTTP: the control API, WordPress paging headers,
// parameter validation, updates, trash and batches.
#include <chrono>
#include <thread>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

class WooOrdersTest : public ::testing::Test {
protected:
    SandboxFixture sandbox_;
    WooSiteInfo site_ = CreateWooSite(
        sandbox_, {{"site", "orders-woo"}, {"orders", 25}, {"seed", 5}, {"currency", "SAR"}});
    WooClient client_{sandbox_, site_};
};

TEST_F(WooOrdersTest, CreatesTheSiteWithGeneratedKeysAndListsBothPlatforms) {
    EXPECT_EQ(site_.base_url,
              "http://127.0.0.1:" + std::to_string(sandbox_.Port()) + "/woocommerce/orders-woo");
    EXPECT_EQ(site_.consumer_key.size(), 43U);
    EXPECT_EQ(site_.consumer_key.rfind("ck_", 0), 0U);
    EXPECT_EQ(site_.consumer_secret.rfind("cs_", 0), 0U);
    sandbox_.CreateStore(
        {{"shop", "mixed.myshopify.com"}, {"access_token", "t"}, {"webhook_secret", "w"}});
    auto stores = sandbox_.Call("GET", "/_sandbox/stores");
    ASSERT_EQ(stores.body.at("stores").as_array().size(), 2U);
    auto described = Control(sandbox_, site_, "GET", "");
    EXPECT_EQ(described.body.at("platform"), "woocommerce");
    auto duplicate = sandbox_.Call(
        "POST", "/_sandbox/stores", R"({"platform":"woocommerce","site":"orders-woo"})");
    EXPECT_EQ(duplicate.status, 409);
}

TEST_F(WooOrdersTest, PagesWithWordPressHeaders) {
    auto page = client_.Get("/wc/v3/orders?per_page=10&page=2");
    ASSERT_EQ(page.status, 200) << page.raw.body;
    EXPECT_EQ(page.body.as_array().size(), 10U);
    EXPECT_EQ(page.raw.Header("X-WP-Total"), "25");
    EXPECT_EQ(page.raw.Header("X-WP-TotalPages"), "3");
    const std::string link = page.raw.Header("Link").value_or("");
    EXPECT_NE(link.find("page=1"), std::string::npos) << link;
    EXPECT_NE(link.find("rel=\"prev\""), std::string::npos);
    EXPECT_NE(link.find("page=3"), std::string::npos);
    EXPECT_NE(link.find("rel=\"next\""), std::string::npos);
    EXPECT_EQ(link.rfind("<" + site_.base_url + "/wp-json/wc/v3/orders?", 0), 0U) << link;
    auto last = client_.Get("/wc/v3/orders?per_page=10&page=3");
    EXPECT_EQ(last.body.as_array().size(), 5U);
    EXPECT_EQ(last.raw.Header("Link").value_or("").find("next"), std::string::npos);
    auto defaults = client_.Get("/wc/v3/orders");
    EXPECT_EQ(defaults.body.as_array().size(), 10U);
}

TEST_F(WooOrdersTest, RefusesPerPageAbove100WithWordPressError) {
    auto refused = client_.Get("/wc/v3/orders?per_page=101");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.raw.body,
              R"j({"code":"rest_invalid_param","message":"Invalid parameter(s): per_page",)j"
              R"j("data":{"status":400,"params":{"per_page":"per_page must be between 1 )j"
              R"j((inclusive) and 100 (inclusive)"},"details":{"per_page":{"code":)j"
              R"j("rest_out_of_bounds","message":"per_page must be between 1 (inclusive) and )j"
              R"j(100 (inclusive)","data":null}}}})j");
    auto no_route = client_.Get("/wc/v3/nothing");
    EXPECT_EQ(no_route.status, 404);
    EXPECT_EQ(no_route.body.at("code"), "rest_no_route");
}

TEST_F(WooOrdersTest, SortsAndFiltersForIncrementalSync) {
    auto all = client_.Get("/wc/v3/orders?per_page=100&orderby=modified&order=asc");
    ASSERT_EQ(all.status, 200);
    const auto& orders = all.body.as_array();
    ASSERT_EQ(orders.size(), 25U);
    for (size_t i = 1; i < orders.size(); ++i) {
        EXPECT_LE(orders[i - 1].at("date_modified_gmt").as_string(),
                  orders[i].at("date_modified_gmt").as_string());
    }
    const std::string watermark(orders[12].at("date_modified_gmt").as_string());
    auto newer =
        client_.Get("/wc/v3/orders?per_page=100&dates_are_gmt=true&modified_after=" + watermark);
    ASSERT_EQ(newer.status, 200) << newer.raw.body;
    for (const auto& order : newer.body.as_array()) {
        EXPECT_GT(order.at("date_modified_gmt").as_string(), watermark);
    }
    auto completed = client_.Get("/wc/v3/orders?per_page=100&status=completed");
    for (const auto& order : completed.body.as_array()) {
        EXPECT_EQ(order.at("status"), "completed");
    }
    const int64_t first_id = orders[0].at("id").as_int64();
    auto included = client_.Get("/wc/v3/orders?include=" + std::to_string(first_id));
    ASSERT_EQ(included.body.as_array().size(), 1U);
    EXPECT_EQ(included.body.at(0).at("id"), first_id);
}

TEST_F(WooOrdersTest, UpdatesTrashesAndDeletesOrders) {
    auto added = Control(sandbox_, site_, "POST", "/orders", R"({"order":{"status":"pending"}})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    const int64_t id = added.body.at("orders").at(0).at("id").as_int64();
    const std::string path = "/wc/v3/orders/" + std::to_string(id);
    auto updated = client_.Call("PUT", path, R"({"status":"completed"})");
    ASSERT_EQ(updated.status, 200) << updated.raw.body;
    EXPECT_EQ(updated.body.at("status"), "completed");
    EXPECT_FALSE(updated.body.at("date_completed_gmt").is_null());
    auto invalid = client_.Call("PUT", path, R"({"status":"shipped"})");
    EXPECT_EQ(invalid.status, 400);
    EXPECT_EQ(invalid.body.at("code"), "rest_invalid_param");
    auto trashed = client_.Call("DELETE", path);
    EXPECT_EQ(trashed.body.at("status"), "trash");
    EXPECT_EQ(client_.Call("DELETE", path).status, 410);
    auto deleted = client_.Call("DELETE", path + "?force=true");
    EXPECT_EQ(deleted.status, 200);
    auto gone = client_.Get(path);
    EXPECT_EQ(gone.status, 404);
    EXPECT_EQ(gone.body.at("code"), "woocommerce_rest_shop_order_invalid_id");
}

TEST_F(WooOrdersTest, BatchesUpToOneHundredItems) {
    json::array updates;
    auto page = client_.Get("/wc/v3/orders?per_page=2");
    for (const auto& order : page.body.as_array()) {
        updates.push_back({{"id", order.at("id")}, {"status", "on-hold"}});
    }
    updates.push_back({{"id", 999999}, {"status", "on-hold"}});
    auto batch = client_.Call(
        "POST", "/wc/v3/orders/batch", json::serialize(json::object{{"update", updates}}));
    ASSERT_EQ(batch.status, 200) << batch.raw.body;
    const auto& results = batch.body.at("update").as_array();
    ASSERT_EQ(results.size(), 3U);
    EXPECT_EQ(results[0].at("status"), "on-hold");
    EXPECT_EQ(results[2].at("id"), 999999);
    EXPECT_EQ(results[2].at("error").at("code"), "woocommerce_rest_shop_order_invalid_id");
    json::array many;
    for (int i = 0; i < 101; ++i) {
        many.push_back(i + 1);
    }
    auto refused = client_.Call(
        "POST", "/wc/v3/orders/batch", json::serialize(json::object{{"delete", many}}));
    EXPECT_EQ(refused.status, 413);
    EXPECT_EQ(refused.raw.body,
              R"({"code":"woocommerce_rest_request_entity_too_large","message":"Unable to accept )"
              R"(more than 100 items for this request.","data":{"status":413}})");
}

TEST_F(WooOrdersTest, ControlPatchBumpsModifiedAndOrdersTakeStock) {
    auto before = Control(sandbox_, site_, "GET", "/inventory");
    int64_t stock_before = 0;
    for (const auto& level : before.body.at("levels").as_array()) {
        if (level.at("variation_id") == 11) {
            stock_before = level.at("stock_quantity").as_int64();
        }
    }
    auto added = Control(
        sandbox_,
        site_,
        "POST",
        "/orders",
        R"({"order":{"status":"processing","line_items":[{"variation_id":11,"quantity":3}]}})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    const auto& order = added.body.at("orders").at(0);
    EXPECT_EQ(order.at("line_items").at(0).at("product_id"), 10);
    EXPECT_EQ(order.at("line_items").at(0).at("sku"), "SKU-100-1");
    auto after = Control(sandbox_, site_, "GET", "/inventory");
    for (const auto& level : after.body.at("levels").as_array()) {
        if (level.at("variation_id") == 11) {
            EXPECT_EQ(level.at("stock_quantity").as_int64(), stock_before - 3);
        }
    }
    const std::string id = std::to_string(order.at("id").as_int64());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto patched = Control(sandbox_, site_, "PATCH", "/orders/" + id, R"({"status":"completed"})");
    ASSERT_EQ(patched.status, 200) << patched.raw.body;
    EXPECT_EQ(patched.body.at("status"), "completed");
    EXPECT_GT(patched.body.at("date_modified_gmt").as_string(),
              order.at("date_modified_gmt").as_string());
    auto shown = Control(sandbox_, site_, "GET", "/orders/" + id);
    EXPECT_EQ(shown.body.at("order").at("status"), "completed");
    EXPECT_FALSE(shown.body.at("notes").as_array().empty());
    EXPECT_EQ(Control(sandbox_, site_, "GET", "/orders/1").status, 404);
}

}  // namespace
}  // namespace scs::testing
