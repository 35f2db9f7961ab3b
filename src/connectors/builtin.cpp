#include "connectors/builtin.hpp"

#include "connectors/shopify/shopify_connector.hpp"
#include "connectors/woocommerce/woocommerce_connector.hpp"

namespace scs {
namespace {

ConnectorDeps DepsFor(const std::map<std::string, ConnectorDeps>& platform_deps,
                      const std::string& tag) {
    const auto it = platform_deps.find(tag);
    return it == platform_deps.end() ? ConnectorDeps{} : it->second;
}

}  // namespace

void RegisterBuiltinConnectors(ConnectorRegistry& registry,
                               const std::map<std::string, ConnectorDeps>& platform_deps) {
    registry.Add("shopify", MakeShopifyConnector, DepsFor(platform_deps, "shopify"));
    registry.Add("woocommerce", MakeWooCommerceConnector, DepsFor(platform_deps, "woocommerce"));
}

}  // namespace scs
