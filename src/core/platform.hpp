#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace scs {

// One credential a platform needs to connect a store.
struct CredentialField {
    std::string name;      // e.g. "access_token"
    bool required = true;  // false: optional (e.g. a webhook secret the platform can issue)
};

// How a platform names its marketplaces, where a store connects per marketplace.
enum class MarketplaceFormat {
    kNone,           // no marketplaces
    kMarketplaceId,  // opaque ids of 10-16 letters and digits, e.g. A17E79C6D8DWNP
    kCountryCode,    // two-letter country codes, lower-cased: sa, ae, eg
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
    MarketplaceFormat marketplace_format = MarketplaceFormat::kNone;
    // How a store id looks where the platform's module has no rule of its own: letters and
    // digits up to this length, described in errors by `store_id_hint` ("" : the field name).
    size_t store_id_max_length = 64;
    std::string store_id_hint;
};

}  // namespace scs
