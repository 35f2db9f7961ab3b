// The /_sandbox control API over real HTTP: stores, orders, knobs, stats.
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "sandbox_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

json::object Spec(const std::string& shop) {
    return {{"platform", "shopify"},
            {"shop", shop},
            {"access_token", "shpat_test"},
            {"webhook_secret", "whsec"},
            {"orders", 5},
            {"seed", 7}};
}

TEST(SandboxControlTest, CreatesAStoreAndAnswersItsBaseUrl) {
    SandboxFixture sandbox;
    auto created =
        sandbox.Call("POST", "/_sandbox/stores", json::serialize(Spec("demo.myshopify.com")));
    ASSERT_EQ(created.status, 201) << created.raw.body;
    const auto& body = created.body.as_object();
    EXPECT_EQ(body.at("platform"), "shopify");
    EXPECT_EQ(body.at("shop"), "demo.myshopify.com");
    EXPECT_EQ(std::string(body.at("base_url").as_string()),
              "http://127.0.0.1:" + std::to_string(sandbox.Port()) + "/shopify/demo.myshopify.com");
    auto read = sandbox.Call("GET", "/_sandbox/stores/" + std::string(body.at("id").as_string()));
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.body.at("orders"), 5);
    EXPECT_EQ(read.body.at("bucket_size"), 2000.0);
    EXPECT_EQ(read.body.at("restore_rate"), 100.0);
}

TEST(SandboxControlTest, RefusesADuplicateShopAndInvalidSpecs) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec("demo.myshopify.com"));
    EXPECT_EQ(sandbox.Call("POST", "/_sandbox/stores", json::serialize(Spec("demo.myshopify.com")))
                  .status,
              409);
    auto bad_shop =
        sandbox.Call("POST", "/_sandbox/stores", json::serialize(Spec("demo.example.com")));
    EXPECT_EQ(bad_shop.status, 400);
    EXPECT_EQ(bad_shop.body.at("field"), "shop");
    auto spec = Spec("other.myshopify.com");
    spec["platform"] = "woocommerce";
    EXPECT_EQ(sandbox.Call("POST", "/_sandbox/stores", json::serialize(spec)).status, 400);
    EXPECT_EQ(sandbox.Call("GET", "/_sandbox/stores/store_999").status, 404);
}

TEST(SandboxControlTest, PlusPlanAndExplicitBucket) {
    SandboxFixture sandbox;
    auto plus = Spec("plus.myshopify.com");
    plus["plan"] = "plus";
    auto id = sandbox.CreateStore(plus);
    auto read = sandbox.Call("GET", "/_sandbox/stores/" + id);
    EXPECT_EQ(read.body.at("bucket_size"), 20000.0);
    EXPECT_EQ(read.body.at("restore_rate"), 1000.0);
    auto custom = Spec("custom.myshopify.com");
    custom["bucket_size"] = 50;
    custom["restore_rate"] = 5;
    read = sandbox.Call("GET", "/_sandbox/stores/" + sandbox.CreateStore(custom));
    EXPECT_EQ(read.body.at("bucket_size"), 50.0);
    EXPECT_EQ(read.body.at("restore_rate"), 5.0);
}

TEST(SandboxControlTest, AddsGeneratedAndGivenOrders) {
    SandboxFixture sandbox;
    const auto id = sandbox.CreateStore(Spec("demo.myshopify.com"));
    const std::string orders = "/_sandbox/stores/" + id + "/orders";
    auto one = sandbox.Call("POST", orders);
    ASSERT_EQ(one.status, 201) << one.raw.body;
    EXPECT_EQ(one.body.at("orders").as_array().size(), 1U);
    auto three = sandbox.Call("POST", orders, R"({"count":3})");
    EXPECT_EQ(three.body.at("orders").as_array().size(), 3U);

    auto given =
        sandbox.Call("POST",
                     orders,
                     R"({"order":{"id":9007199254740993,"name":"#X1","currency":"KWD",)"
                     R"("updated_at":"2026-01-01T10:00:00+03:00","total_price":"1.250"}})");
    ASSERT_EQ(given.status, 201) << given.raw.body;
    const auto& stored = given.body.at("orders").as_array()[0].as_object();
    EXPECT_EQ(json::serialize(stored.at("id")), "9007199254740993");
    EXPECT_EQ(stored.at("updated_at"), "2026-01-01T10:00:00+03:00");
    EXPECT_EQ(stored.at("admin_graphql_api_id"), "gid://shopify/Order/9007199254740993");

    // The same id again updates the order, and its updated_at moves forward.
    auto update =
        sandbox.Call("POST", orders, R"({"order":{"id":9007199254740993,"note":"تم التعديل"}})");
    const auto& updated = update.body.at("orders").as_array()[0].as_object();
    EXPECT_EQ(updated.at("note"), "تم التعديل");
    EXPECT_EQ(updated.at("name"), "#X1");
    EXPECT_NE(updated.at("updated_at"), "2026-01-01T10:00:00+03:00");
    EXPECT_EQ(sandbox.Call("GET", "/_sandbox/stores/" + id).body.at("orders"), 10);
    EXPECT_EQ(sandbox.Call("POST", orders, R"({"count":0})").status, 400);
    EXPECT_EQ(sandbox.Call("POST", orders, R"({"order":{"id":"abc"}})").status, 400);
}

TEST(SandboxControlTest, PatchesKnobs) {
    SandboxFixture sandbox;
    const auto id = sandbox.CreateStore(Spec("demo.myshopify.com"));
    auto patched =
        sandbox.Call("PATCH",
                     "/_sandbox/stores/" + id + "/knobs",
                     R"({"duplicate_webhooks":true,"drop_webhooks":0.5,"throttle_status":429})");
    ASSERT_EQ(patched.status, 200) << patched.raw.body;
    EXPECT_EQ(patched.body.at("knobs").at("duplicate_webhooks"), true);
    EXPECT_EQ(patched.body.at("knobs").at("drop_webhooks"), 0.5);
    EXPECT_EQ(patched.body.at("knobs").at("throttle_status"), 429);
    EXPECT_EQ(
        sandbox.Call("PATCH", "/_sandbox/stores/" + id + "/knobs", R"({"throttle_status":300})")
            .status,
        400);
    EXPECT_EQ(
        sandbox.Call("PATCH", "/_sandbox/stores/" + id + "/knobs", R"({"error_rate":2})").status,
        400);
}

TEST(SandboxControlTest, CreatesStoresFromCpp) {
    SandboxFixture sandbox;
    auto info = sandbox.Server().CreateStore(Spec("demo.myshopify.com"));
    ASSERT_TRUE(info) << info.error().message;
    EXPECT_EQ(info->shop, "demo.myshopify.com");
    EXPECT_EQ(info->base_url, sandbox.Server().BaseAddress() + "/shopify/demo.myshopify.com");
    EXPECT_FALSE(sandbox.Server().CreateStore(Spec("demo.myshopify.com")));
    SandboxServer stopped;
    EXPECT_FALSE(stopped.CreateStore(Spec("x.myshopify.com")));
}

}  // namespace
}  // namespace scs::testing
