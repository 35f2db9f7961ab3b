#pragma once

#include "connectors/platform_module.hpp"

namespace scs {

// Shopify as the registry knows it: the connector, the webhooks, the OAuth install and the shop
// domain as its store id.
PlatformModule ShopifyModule();

}  // namespace scs
