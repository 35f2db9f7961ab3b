#include "connectors/shopify/shopify_module.hpp"

#include "connectors/connector_registry.hpp"
#include "connectors/shopify/shopify_connector.hpp"
#include "connectors/shopify/shopify_install.hpp"
#include "connectors/shopify/shopify_oauth.hpp"
#include "connectors/shopify/shopify_webhooks.hpp"
#include "core/time.hpp"

namespace scs {
namespace {

std::string SettingOf(const ConnectorDeps& deps, const std::string& key) {
    const auto it = deps.settings.find(key);
    return it == deps.settings.end() ? std::string() : it->second;
}

const TimeSource& ClockOf(const ConnectorDeps& deps) {
    static const SystemTimeSource kWallClock;
    return deps.clock != nullptr ? *deps.clock : kWallClock;
}

}  // namespace

PlatformModule ShopifyModule() {
    PlatformModule module;
    module.tag = "shopify";
    module.connector = MakeShopifyConnector;
    module.webhooks = [](const ConnectorDeps& deps) -> std::unique_ptr<PlatformWebhooks> {
        // The app's client secret signs its webhooks (and every compliance topic).
        return std::make_unique<ShopifyWebhooks>(
            std::vector<std::string>{SettingOf(deps, "client_secret")});
    };
    module.install = [](const ConnectorDeps& deps) -> std::unique_ptr<InstallFlow> {
        return std::make_unique<ShopifyInstall>(ShopifyAppSettings{SettingOf(deps, "client_id"),
                                                                   SettingOf(deps, "client_secret"),
                                                                   SettingOf(deps, "scopes")},
                                                deps.base_url,
                                                deps.http ? deps.http : MakeCurlHttpClient(),
                                                ClockOf(deps));
    };
    module.store_id = [](const std::string& store_id,
                         const StoreIdentityRules&) -> Result<std::string> {
        auto domain = NormalizeShopDomain(store_id);
        if (!domain) {
            return FailField("store_id",
                             "store_id: expected a shop domain like my-shop.myshopify.com");
        }
        return domain;
    };
    return module;
}

}  // namespace scs
