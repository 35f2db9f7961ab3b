#include "connectors/builtin.hpp"

namespace scs {

void RegisterBuiltinConnectors(ConnectorRegistry& registry,
                               const std::map<std::string, ConnectorDeps>& platform_deps) {
    // Each platform slice adds its line here: registry.Add("shopify", MakeShopifyConnector,
    // DepsFor("shopify")). No platform connector is built yet, so every catalogue platform
    // answers NOT_IMPLEMENTED on connect (ConnectorRegistry::Make).
    static_cast<void>(registry);
    static_cast<void>(platform_deps);
}

}  // namespace scs
