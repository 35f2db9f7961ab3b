#pragma once

#include <string>
#include <vector>

namespace scs {

// One credential a platform needs to connect a store.
struct CredentialField {
    std::string name;      // e.g. "access_token"
    bool required = true;  // false: optional (e.g. a webhook secret the platform can issue)
};

// A platform in the catalogue (GET /api/v1/sales_channels). Plain data.
struct PlatformInfo {
    int id = 0;
    std::string tag;                        // "shopify"
    std::string name;                       // "Shopify"
    std::string auth_kind;                  // "oauth2", "api_key", "lwa_oauth2", "jwt_login"
    std::string store_id_field;             // what store_id means here: "shop_domain", ...
    bool needs_marketplaces = false;        // Amazon and Noon connect per marketplace
    std::vector<std::string> capabilities;  // "orders", "products", "inventory", ...
    std::vector<CredentialField> credentials;
};

}  // namespace scs
