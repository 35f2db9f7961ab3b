// The uniform /_sandbox control API, the same for every platform, over real HTTP: create a store
// by "platform", list every store's connection (id, platform, base URL, credentials), add
// generated or given orders, flip knobs, and per-store routes a platform does not serve.
#include <string>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "sandbox_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

// One platform's side of the uniform API: a spec, an order in its own shape and where that
// order's given field shows, a knob and a route only the other platform serves.
struct PlatformCase {
    std::string platform;
    json::object spec;
    std::string own_order;     // the {"order":{…}} body
    std::string order_key;     // a field the given order sets …
    json::value order_value;   // … and its value in the stored order
    std::string knob;          // a knob the platform has
    std::string foreign_path;  // a per-store route the other platform serves, with its method
    std::string foreign_method;
    std::vector<std::string> credential_keys;
};

std::vector<PlatformCase> Cases() {
    return {
        PlatformCase{"shopify",
                     {{"platform", "shopify"},
                      {"shop", "uniform.myshopify.com"},
                      {"access_token", "shpat_uniform"},
                      {"webhook_secret", "whsec_uniform"},
                      {"orders", 2},
                      {"seed", 3}},
                     R"({"order":{"id":4400000000009,"name":"#U1","currency":"SAR"}})",
                     "name",
                     "#U1",
                     "error_rate",
                     "/orders/1",
                     "PATCH",
                     {"access_token", "webhook_secret"}},
        PlatformCase{"woocommerce",
                     {{"platform", "woocommerce"},
                      {"site", "uniform-woo"},
                      {"consumer_key", "ck_uniform"},
                      {"consumer_secret", "cs_uniform"},
                      {"orders", 2},
                      {"seed", 3}},
                     R"({"order":{"status":"on-hold","currency":"SAR"}})",
                     "status",
                     "on-hold",
                     "error_rate",
                     "/tokens/expire",
                     "POST",
                     {"consumer_key", "consumer_secret"}},
    };
}

class UniformControlApiTest : public ::testing::TestWithParam<PlatformCase> {
protected:
    std::string Create() { return sandbox_.CreateStore(GetParam().spec); }

    JsonResult AddOrders(const std::string& id, const std::string& body) {
        return sandbox_.Call("POST", "/_sandbox/stores/" + id + "/orders", body);
    }

    SandboxFixture sandbox_;
};

TEST_P(UniformControlApiTest, CreatesAStoreOfThePlatformItNames) {
    auto created = sandbox_.Call("POST", "/_sandbox/stores", json::serialize(GetParam().spec));
    ASSERT_EQ(created.status, 201) << created.raw.body;
    EXPECT_EQ(created.body.at("id"), "store_1");
    EXPECT_EQ(created.body.at("platform").as_string(), GetParam().platform);
    const std::string id(created.body.at("id").as_string());
    EXPECT_EQ(sandbox_.Call("GET", "/_sandbox/stores/" + id).body.at("orders"), 2);
}

TEST_P(UniformControlApiTest, ListsEveryStoreWithWhatAConnectionNeeds) {
    const std::string id = Create();
    auto listed = sandbox_.Call("GET", "/_sandbox/stores");
    ASSERT_EQ(listed.status, 200) << listed.raw.body;
    const auto& stores = listed.body.at("stores").as_array();
    ASSERT_EQ(stores.size(), 1U);
    const auto& store = stores.at(0).as_object();
    EXPECT_EQ(store.at("id").as_string(), id);
    EXPECT_EQ(store.at("platform").as_string(), GetParam().platform);
    const std::string base_url(store.at("base_url").as_string());
    const std::string prefix =
        "http://127.0.0.1:" + std::to_string(sandbox_.Port()) + "/" + GetParam().platform + "/";
    EXPECT_EQ(base_url.substr(0, prefix.size()), prefix);
    const auto& credentials = store.at("credentials").as_object();
    ASSERT_EQ(credentials.size(), GetParam().credential_keys.size()) << json::serialize(store);
    for (const auto& key : GetParam().credential_keys) {
        EXPECT_EQ(credentials.at(key), GetParam().spec.at(key)) << key;
    }
}

TEST_P(UniformControlApiTest, AddsOneGeneratedOrderForAnEmptyBody) {
    const std::string id = Create();
    auto added = AddOrders(id, "{}");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    EXPECT_EQ(added.body.at("orders").as_array().size(), 1U);
    EXPECT_EQ(sandbox_.Call("GET", "/_sandbox/stores/" + id).body.at("orders"), 3);
}

TEST_P(UniformControlApiTest, AddsCountGeneratedOrders) {
    const std::string id = Create();
    auto added = AddOrders(id, R"({"count":3})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    EXPECT_EQ(added.body.at("orders").as_array().size(), 3U);
    EXPECT_EQ(sandbox_.Call("GET", "/_sandbox/stores/" + id).body.at("orders"), 5);
}

TEST_P(UniformControlApiTest, StoresAnOrderGivenInThePlatformsOwnShape) {
    const std::string id = Create();
    auto added = AddOrders(id, GetParam().own_order);
    ASSERT_EQ(added.status, 201) << added.raw.body;
    const auto& orders = added.body.at("orders").as_array();
    ASSERT_EQ(orders.size(), 1U);
    EXPECT_EQ(orders.at(0).at(GetParam().order_key), GetParam().order_value);
}

TEST_P(UniformControlApiTest, RefusesABadCountOrOrderNamingTheField) {
    const std::string id = Create();
    for (const auto& [body, field] : {std::pair{R"({"count":0})", "count"},
                                      std::pair{R"({"count":10001})", "count"},
                                      std::pair{R"({"count":"2"})", "count"},
                                      std::pair{R"({"order":5})", "order"}}) {
        auto refused = AddOrders(id, body);
        EXPECT_EQ(refused.status, 400) << body;
        EXPECT_EQ(refused.body.at("field"), field) << body;
    }
    EXPECT_EQ(AddOrders(id, "[1]").status, 400);
    EXPECT_EQ(AddOrders("store_99", "{}").status, 404);
}

TEST_P(UniformControlApiTest, PatchesKnobsAndAnswersThemAll) {
    const std::string id = Create();
    const std::string knobs = "/_sandbox/stores/" + id + "/knobs";
    auto patched = sandbox_.Call("PATCH", knobs, R"({")" + GetParam().knob + R"(":0.25})");
    ASSERT_EQ(patched.status, 200) << patched.raw.body;
    EXPECT_EQ(patched.body.at("knobs").at(GetParam().knob), 0.25);
    auto refused = sandbox_.Call("PATCH", knobs, R"({")" + GetParam().knob + R"(":2})");
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.body.at("field").as_string(), GetParam().knob);
}

TEST_P(UniformControlApiTest, AnswersNotFoundForARouteOnlyAnotherPlatformServes) {
    const std::string id = Create();
    auto foreign = sandbox_.Call(
        GetParam().foreign_method, "/_sandbox/stores/" + id + GetParam().foreign_path, "{}");
    EXPECT_EQ(foreign.status, 404) << foreign.raw.body;
}

INSTANTIATE_TEST_SUITE_P(Platforms,
                         UniformControlApiTest,
                         ::testing::ValuesIn(Cases()),
                         [](const auto& param_info) { return param_info.param.platform; });

TEST(SandboxControlApiTest, StoreIdsAreSharedAcrossPlatformsAndTheListHoldsBoth) {
    SandboxFixture sandbox;
    const auto cases = Cases();
    EXPECT_EQ(sandbox.CreateStore(cases[0].spec), "store_1");
    EXPECT_EQ(sandbox.CreateStore(cases[1].spec), "store_2");
    auto listed = sandbox.Call("GET", "/_sandbox/stores");
    const auto& stores = listed.body.at("stores").as_array();
    ASSERT_EQ(stores.size(), 2U);
    EXPECT_EQ(stores.at(0).at("platform"), "shopify");
    EXPECT_EQ(stores.at(1).at("platform"), "woocommerce");
}

TEST(SandboxControlApiTest, ASpecWithoutPlatformMakesAShopifyStoreAndAnUnknownOneIsRefused) {
    SandboxFixture sandbox;
    auto spec = Cases()[0].spec;
    spec.erase("platform");
    auto created = sandbox.Call("POST", "/_sandbox/stores", json::serialize(spec));
    ASSERT_EQ(created.status, 201) << created.raw.body;
    EXPECT_EQ(created.body.at("platform"), "shopify");
    spec["platform"] = "amazon";
    auto refused = sandbox.Call("POST", "/_sandbox/stores", json::serialize(spec));
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.body.at("field"), "platform");
}

// POST /_sandbox/demo: every platform's demo store, with what a service connection to it needs
// (store id, credentials, settings) and the service settings that reach it; a second call finds
// the same stores instead of making more.
TEST(SandboxControlApiTest, DemoMakesEachPlatformsDemoStoreOnce) {
    SandboxFixture sandbox;
    auto demo = sandbox.Call("POST", "/_sandbox/demo", "{}");
    ASSERT_EQ(demo.status, 201) << demo.raw.body;
    const auto& stores = demo.body.at("stores").as_array();
    ASSERT_EQ(stores.size(), 2U) << demo.raw.body;
    const auto& shopify = stores.at(0).as_object();
    EXPECT_EQ(shopify.at("platform"), "shopify");
    EXPECT_EQ(shopify.at("store_id"), "demo.myshopify.com");
    EXPECT_FALSE(shopify.at("credentials").at("access_token").as_string().empty());
    EXPECT_EQ(shopify.at("service").at("base_url").as_string(),
              "http://127.0.0.1:" + std::to_string(sandbox.Port()) + "/shopify/{shop}");
    EXPECT_EQ(shopify.at("service").at("rate_bucket_size").to_number<double>(), 20000);
    EXPECT_EQ(shopify.at("settings").at("hub_locations").at("RUH"), "65000000000");
    const auto& woo = stores.at(1).as_object();
    EXPECT_EQ(woo.at("platform"), "woocommerce");
    EXPECT_EQ(woo.at("store_id"), woo.at("base_url"));
    EXPECT_TRUE(woo.at("service").as_object().empty());
    EXPECT_FALSE(woo.at("credentials").at("consumer_key").as_string().empty());
    EXPECT_EQ(sandbox.Call("GET", "/_sandbox/stores/" + std::string(shopify.at("id").as_string()))
                  .body.at("orders"),
              50);

    auto again = sandbox.Call("POST", "/_sandbox/demo", "{}");
    ASSERT_EQ(again.status, 201) << again.raw.body;
    EXPECT_EQ(again.body.at("stores"), demo.body.at("stores"));
    EXPECT_EQ(sandbox.Call("GET", "/_sandbox/stores").body.at("stores").as_array().size(), 2U);
}

}  // namespace
}  // namespace scs::testing
