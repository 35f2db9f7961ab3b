#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "connectors/shopify/order_mapping.hpp"
#include "support/test_env.hpp"

namespace scs::testing {

// The text of tests/fixtures/shopify/orders/<name>.
inline std::string ShopifyOrderFixture(const std::string& name) {
    std::ifstream in(SourceDir() / "tests/fixtures/shopify/orders" / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The connection every mapping test maps for: location 71234567890123456 is hub RUH-1, the
// Kuwait POS location 655441491 is hub KWI-1.
inline OrderMappingContext ShopifyTestContext() {
    OrderMappingContext context;
    context.seller_id = "seller-1";
    context.connection_id = 12;
    context.location_hubs = {{"71234567890123456", "RUH-1"}, {"655441491", "KWI-1"}};
    context.received_at = FromUnixMillis(1772600000000);
    return context;
}

}  // namespace scs::testing
