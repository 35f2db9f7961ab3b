#pragma once

#include <string>
#include <vector>

#include "core/platform.hpp"
#include "core/result.hpp"

namespace scs {

struct StoreIdentityRules {
    bool allow_plain_http = false;  // WooCommerce sites over http (sandboxes, local testing)
};

// Validates and normalises a store identity for its platform, e.g. "Https://Shop.myshopify.com/"
// -> "shop.myshopify.com". Errors name the field ("store_id", "marketplaces").
[[nodiscard]] Result<std::string> NormalizeStoreId(const PlatformInfo& platform,
                                                   const std::string& store_id,
                                                   const StoreIdentityRules& rules);

// Checks marketplaces: required and well formed where the platform connects per marketplace
// (Amazon marketplace ids such as A17E79C6D8DWNP; Noon country codes such as sa, ae, eg);
// must be empty elsewhere. Returns them de-duplicated and sorted.
[[nodiscard]] Result<std::vector<std::string>> NormalizeMarketplaces(
    const PlatformInfo& platform, std::vector<std::string> marketplaces);

}  // namespace scs
