#include "app/sandbox_wiring.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "app/config_keys.hpp"
#include "http/request.hpp"
#include "sandbox/generator_catalogue.hpp"

namespace scs {
namespace {

// Demo credentials: the sandbox is a local emulator, so fixed values keep the demo repeatable.
constexpr const char* kDemoToken = "shpat_demo_0123456789abcdef";
constexpr const char* kDemoWebhookSecret = "whsec_demo_0123456789abcdef";
// Shopify Plus: a 20,000-point GraphQL bucket restoring 1,000 points a second.
constexpr double kPlusBucket = 20000;
constexpr double kPlusRestore = 1000;

// The demo hubs RUH and JED stock the sandbox store's two default locations (Riyadh and Jeddah
// warehouses), so inventory pushes work out of the box.
boost::json::object DemoSettings() {
    const auto location = [](int64_t offset) {
        return std::to_string(sandbox::kCatalogueLocationIdBase + offset);
    };
    return boost::json::object{
        {"hub_locations", boost::json::object{{"RUH", location(0)}, {"JED", location(1)}}}};
}

}  // namespace

Result<std::unique_ptr<SandboxServer>> StartSandboxServer(const AppConfig& config) {
    auto address = ParseHostPort(config.sandbox.addr);
    if (!address) {
        return tl::unexpected(address.error());
    }
    SandboxOptions options;
    options.host = address->first;
    options.port = address->second;
    auto sandbox = std::make_unique<SandboxServer>(options);
    if (auto started = sandbox->Start(); !started) {
        return tl::unexpected(started.error());
    }
    return sandbox;
}

void UseSandbox(const SandboxServer& sandbox, AppConfig& config) {
    auto& shopify = config.platforms["shopify"];
    shopify.base_url = sandbox.BaseAddress() + "/shopify/{shop}";
    // The demo store is on Shopify's Plus plan; the connector's budget must match it.
    if (shopify.rate_bucket_size == 0) {
        shopify.rate_bucket_size = kPlusBucket;
        shopify.rate_restore_per_second = kPlusRestore;
    }
    config.security.allow_private_store_urls = true;
}

Status ConnectDemoStore(SandboxServer& sandbox,
                        const ConnectionsApi& connections,
                        ConnectionStore& store) {
    auto existing = store.FindByStore("shopify", kDemoShop);
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    // The sandbox starts empty with every process. A demo connection kept in the database from
    // an earlier run holds the same fixed credentials, so recreating the store is enough.
    boost::json::object spec{{"platform", "shopify"},
                             {"shop", kDemoShop},
                             {"access_token", kDemoToken},
                             {"webhook_secret", kDemoWebhookSecret},
                             {"orders", kDemoOrders},
                             {"plan", "plus"},
                             {"seed", 1}};
    if (auto created = sandbox.CreateStore(spec); !created) {
        return tl::unexpected(created.error());
    }
    if (*existing) {
        return {};
    }
    HttpRequest request;
    request.method = "POST";
    request.path = std::string("/api/v1/sellers/") + kDemoSeller + "/sales_channels";
    request.path_params["seller_id"] = kDemoSeller;
    request.body = boost::json::serialize(boost::json::object{
        {"platform", "shopify"},
        {"name", "Demo store"},
        {"store_id", kDemoShop},
        {"credentials",
         boost::json::object{{"access_token", kDemoToken}, {"webhook_secret", kDemoWebhookSecret}}},
        {"settings", DemoSettings()}});
    Principal admin;
    admin.admin = true;
    const auto response = connections.Create(request, admin);
    if (response.status != 201) {
        return Fail(ErrorCode::kInternal, "connecting the demo store failed: " + response.body);
    }
    return {};
}

}  // namespace scs
