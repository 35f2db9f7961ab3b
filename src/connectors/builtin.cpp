#include "connectors/builtin.hpp"

#include "connectors/shopify/shopify_module.hpp"
#include "connectors/woocommerce/woocommerce_module.hpp"

namespace scs {
namespace {

ConnectorDeps DepsFor(const std::map<std::string, ConnectorDeps>& platform_deps,
                      const std::string& tag) {
    const auto it = platform_deps.find(tag);
    return it == platform_deps.end() ? ConnectorDeps{} : it->second;
}

void Add(ConnectorRegistry& registry,
         const std::map<std::string, ConnectorDeps>& platform_deps,
         const PlatformModule& module) {
    registry.Add(module, DepsFor(platform_deps, module.tag));
}

}  // namespace

void RegisterBuiltinPlatforms(ConnectorRegistry& registry,
                              const std::map<std::string, ConnectorDeps>& platform_deps) {
    Add(registry, platform_deps, ShopifyModule());
    Add(registry, platform_deps, WooCommerceModule());
}

}  // namespace scs
