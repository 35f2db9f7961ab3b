#pragma once

#include "connectors/platform_module.hpp"

namespace scs {

// WooCommerce as the registry knows it: the connector, the webhooks, the key exchange and the
// site URL as its store id.
PlatformModule WooCommerceModule();

}  // namespace scs
