// `scs all --sandbox`, the README's demo (make run): the service starts scs-sandbox as a child
// process (the emulators are not linked into scs), connects the demo seller to the demo Shopify
// store and the demo WooCommerce site, both syncs bring their 50 orders, stock pushed to the hubs
// RUH and JED reaches the two locations of the Shopify store, and stopping the service stops the
// sandbox with it.
#include <thread>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "shopify_e2e_support.hpp"

namespace scs::e2e {
namespace {

using namespace std::chrono_literals;

constexpr const char* kDemoSeller = "demo-seller";
constexpr int kDemoOrders = 50;
// The sandbox's first two locations (sandbox/generator/generator_catalogue.hpp).
constexpr const char* kRiyadhLocation = "65000000000";
constexpr const char* kJeddahLocation = "65000000001";

// The demo seller's connections by platform, once both exist.
std::map<std::string, int64_t> WaitForDemoConnections(const ShopifyE2E& e2e) {
    std::map<std::string, int64_t> by_platform;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (std::chrono::steady_clock::now() < deadline && by_platform.size() < 2) {
        auto r = e2e.Api("GET", std::string("/api/v1/sellers/") + kDemoSeller + "/sales_channels");
        if (r.status == 200) {
            by_platform.clear();
            const auto body = ShopifyE2E::Json(r);
            for (const auto& connection : body.at("data").as_array()) {
                by_platform[std::string(connection.at("sales_channel").as_string())] =
                    connection.at("id").to_number<int64_t>();
            }
        }
        std::this_thread::sleep_for(100ms);
    }
    return by_platform;
}

// The sandbox's stock level of `sku` at `location_id`, or -1.
int64_t SandboxLevel(const ShopifyE2E& e2e,
                     const std::string& store_id,
                     const std::string& sku,
                     const std::string& location_id) {
    const auto inventory = e2e.SandboxGet("/_sandbox/stores/" + store_id + "/inventory");
    for (const auto& level : inventory.at("levels").as_array()) {
        const auto& object = level.as_object();
        if (object.at("sku").as_string() == sku &&
            object.at("location_id").as_string() == location_id) {
            return object.at("available").to_number<int64_t>();
        }
    }
    return -1;
}

TEST(DemoE2E, AllWithSandboxConnectsSyncsAndPushesThroughTheSandboxProgram) {
    ShopifyE2E e2e;
    e2e.SetSeller(kDemoSeller);
    e2e.Configure();
    auto service = e2e.StartService({"all", "--sandbox"});
    ASSERT_TRUE(testing::WaitForHttp(e2e.ServicePort())) << service->Stderr();

    const auto connections = WaitForDemoConnections(e2e);
    ASSERT_EQ(connections.size(), 2U) << service->Stderr();
    ASSERT_TRUE(connections.contains("shopify"));
    ASSERT_TRUE(connections.contains("woocommerce"));
    // The sandbox is its own program: its control API answers on sandbox.addr.
    const auto stores = e2e.SandboxGet("/_sandbox/stores");
    EXPECT_EQ(stores.at("stores").as_array().size(), 2U) << boost::json::serialize(stores);

    // The reconciler's first syncs bring each store's orders.
    for (const auto& [platform, id] : connections) {
        EXPECT_TRUE(e2e.WaitForOrders(
            id,
            [](const auto& orders) { return orders.size() == static_cast<size_t>(kDemoOrders); },
            120s))
            << platform << " orders did not arrive: " << service->Stderr();
    }

    // Stock to the two demo hubs lands at the Shopify store's two locations.
    const int64_t shopify = connections.at("shopify");
    ASSERT_EQ(e2e.SyncEntity(shopify, "products"), "succeeded");
    const int64_t push = e2e.PushInventory(shopify,
                                           R"([{"sku":"SKU-100-1","hub_code":"RUH","quantity":7},)"
                                           R"({"sku":"SKU-100-1","hub_code":"JED","quantity":3}])");
    ASSERT_NE(push, 0);
    const auto done = e2e.WaitForPush(shopify, push);
    EXPECT_EQ(done.at("state").as_string(), "done") << boost::json::serialize(done);
    EXPECT_EQ(SandboxLevel(e2e, "store_1", "SKU-100-1", kRiyadhLocation), 7);
    EXPECT_EQ(SandboxLevel(e2e, "store_1", "SKU-100-1", kJeddahLocation), 3);

    // Stopping the service stops the sandbox it started.
    EXPECT_EQ(service->Stop(SIGTERM), 0) << service->Stderr();
    bool sandbox_gone = false;
    for (int i = 0; i < 50 && !sandbox_gone; ++i) {
        sandbox_gone = testing::HttpCall(e2e.SandboxPort(), "GET", "/_sandbox/stores").status == 0;
        std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(sandbox_gone) << "scs-sandbox still answers after the service stopped";
}

}  // namespace
}  // namespace scs::e2e
