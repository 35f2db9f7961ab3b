#include "sandbox/builtin.hpp"

#include "sandbox/shopify/shopify_platform.hpp"
#include "sandbox/woocommerce/woocommerce_platform.hpp"

namespace scs::sandbox {

// Shopify first: it is the default for a store spec without "platform".
void RegisterBuiltinPlatforms(PlatformRegistry& registry, const SandboxDeps& deps) {
    registry.Add(ShopifyModule(deps));
    registry.Add(woocommerce::Module(deps));
}

}  // namespace scs::sandbox
