#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/order_mapping_context.hpp"
#include "support/test_env.hpp"

namespace scs::testing {

// The text of tests/fixtures/woocommerce/<path>.
inline std::string WooCommerceFixture(const std::string& path) {
    std::ifstream in(SourceDir() / "tests/fixtures/woocommerce" / path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Every order fixture (orders/<name>.json), each with its expected canonical order
// (expected/<name>.json).
inline const std::vector<std::string>& WooCommerceOrderFixtures() {
    static const std::vector<std::string> kNames = {"riyadh_card_coupon",
                                                    "kuwait_bank_completed",
                                                    "guest_cod_processing",
                                                    "partially_refunded",
                                                    "big_id_pending"};
    return kNames;
}

// The connection every mapping test maps for: connection 21 of seller-1, whose WooCommerce store
// (no locations) ships from hub HUB-1.
inline OrderMappingContext WooCommerceTestContext() {
    OrderMappingContext context;
    context.seller_id = "seller-1";
    context.connection_id = 21;
    context.location_hubs = {{"", "HUB-1"}};
    context.received_at = FromUnixMillis(1772600000000);
    return context;
}

}  // namespace scs::testing
