#include "app/sandbox_wiring.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "app/config_keys.hpp"
#include "http/request.hpp"

namespace scs {
namespace {

// Demo credentials: the sandbox is a local emulator, so fixed values keep the demo repeatable.
constexpr const char* kDemoToken = "shpat_demo_0123456789abcdef";
constexpr const char* kDemoWebhookSecret = "whsec_demo_0123456789abcdef";
// WooCommerce keys are ck_/cs_ and 40 hex digits.
constexpr const char* kDemoWooKey = "ck_0123456789abcdef0123456789abcdef01234567";
constexpr const char* kDemoWooSecret = "cs_0123456789abcdef0123456789abcdef01234567";
// Shopify Plus: a 20,000-point GraphQL bucket restoring 1,000 points a second.
constexpr double kPlusBucket = 20000;
constexpr double kPlusRestore = 1000;

// The sandbox numbers a store's locations from this id up
// (sandbox/generator/generator_catalogue.hpp, kCatalogueLocationIdBase: scs does not link the
// sandbox, so the value is repeated here and checked by the demo's end-to-end test).
constexpr int64_t kSandboxLocationIdBase = 65'000'000'000;

// The demo hubs RUH and JED stock the sandbox store's two default locations (Riyadh and Jeddah
// warehouses), so inventory pushes work out of the box.
boost::json::object DemoSettings() {
    const auto location = [](int64_t offset) {
        return std::to_string(kSandboxLocationIdBase + offset);
    };
    return boost::json::object{
        {"hub_locations", boost::json::object{{"RUH", location(0)}, {"JED", location(1)}}}};
}

}  // namespace

void UseSandbox(const SandboxProcess& sandbox, AppConfig& config) {
    auto& shopify = config.platforms["shopify"];
    shopify.base_url = sandbox.BaseAddress() + "/shopify/{shop}";
    // The demo store is on Shopify's Plus plan; the connector's budget must match it.
    if (shopify.rate_bucket_size == 0) {
        shopify.rate_bucket_size = kPlusBucket;
        shopify.rate_restore_per_second = kPlusRestore;
    }
    config.security.allow_private_store_urls = true;
}

namespace {

// Creates a demo connection through the connections API (credentials checked with the store,
// webhooks subscribed), or, when the demo seller's connection to the store is kept from an earlier
// run, re-subscribes its webhooks: the sandbox started empty and lost them.
Status ConnectOrResubscribe(const DemoHooks& hooks,
                            const std::string& platform,
                            const std::string& store_id,
                            boost::json::object connection_body) {
    auto existing = hooks.store.FindByStore(platform, store_id);
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    if (*existing) {
        return hooks.resubscribe ? hooks.resubscribe(**existing) : Status{};
    }
    HttpRequest request;
    request.method = "POST";
    request.path = std::string("/api/v1/sellers/") + kDemoSeller + "/sales_channels";
    request.path_params["seller_id"] = kDemoSeller;
    connection_body["platform"] = platform;
    connection_body["store_id"] = store_id;
    request.body = boost::json::serialize(connection_body);
    Principal admin;
    admin.admin = true;
    const auto response = hooks.connections.Create(request, admin);
    if (response.status != 201) {
        return Fail(ErrorCode::kInternal,
                    "connecting the demo " + platform + " store failed: " + response.body);
    }
    return {};
}

Status ConnectDemoShopify(const SandboxProcess& sandbox, const DemoHooks& hooks) {
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
    return ConnectOrResubscribe(
        hooks,
        "shopify",
        kDemoShop,
        boost::json::object{{"name", "Demo store"},
                            {"credentials",
                             boost::json::object{{"access_token", kDemoToken},
                                                 {"webhook_secret", kDemoWebhookSecret}}},
                            {"settings", DemoSettings()}});
}

Status ConnectDemoWooCommerce(const SandboxProcess& sandbox, const DemoHooks& hooks) {
    boost::json::object spec{{"platform", "woocommerce"},
                             {"site", kDemoWooSite},
                             {"consumer_key", kDemoWooKey},
                             {"consumer_secret", kDemoWooSecret},
                             {"orders", kDemoOrders},
                             {"products", 10},
                             {"seed", 2}};
    auto created = sandbox.CreateStore(spec);
    if (!created) {
        return tl::unexpected(created.error());
    }
    // WooCommerce has no locations: the hub RUH stands for the site's one stock pool.
    return ConnectOrResubscribe(
        hooks,
        "woocommerce",
        created->base_url,
        boost::json::object{
            {"name", "Demo WooCommerce site"},
            {"credentials",
             boost::json::object{{"consumer_key", kDemoWooKey},
                                 {"consumer_secret", kDemoWooSecret}}},
            {"settings",
             boost::json::object{{"hub_locations", boost::json::object{{"RUH", "store"}}}}}});
}

}  // namespace

Status ConnectDemoStores(const SandboxProcess& sandbox, const DemoHooks& hooks) {
    if (auto shopify = ConnectDemoShopify(sandbox, hooks); !shopify) {
        return shopify;
    }
    return ConnectDemoWooCommerce(sandbox, hooks);
}

}  // namespace scs
