#pragma once

#include <string>
#include <vector>

#include "core/platform.hpp"
#include "core/result.hpp"

namespace scs {

struct StoreIdentityRules {
    bool allow_plain_http = false;  // WooCommerce sites over http (sandboxes, local testing)
    // WooCommerce sites on private, loopback or link-local addresses (sandboxes, local testing).
    bool allow_private_addresses = false;
};

// Validates and normalises a store identity for its platform, e.g. "Https://Shop.myshopify.com/"
// -> "shop.myshopify.com". Errors name the field ("store_id", "marketplaces").
[[nodiscard]] Result<std::string> NormalizeStoreId(const PlatformInfo& platform,
                                                   const std::string& store_id,
                                                   const StoreIdentityRules& rules);

// Where the store id is a URL the seller typed (WooCommerce), its host must resolve to public
// addresses only (net/address_policy.hpp), unless rules.allow_private_addresses: otherwise a
// seller could point the service at its own network. kBadRequest naming "store_id" when the
// host does not resolve or resolves to a private address. Other platforms: always ok.
// `store_id` is the normalised one. Asks the system resolver.
[[nodiscard]] Status CheckStoreHostIsPublic(const PlatformInfo& platform,
                                            const std::string& store_id,
                                            const StoreIdentityRules& rules);

// Checks marketplaces: required and well formed where the platform connects per marketplace
// (Amazon marketplace ids such as A17E79C6D8DWNP; Noon country codes such as sa, ae, eg);
// must be empty elsewhere. Returns them de-duplicated and sorted.
[[nodiscard]] Result<std::vector<std::string>> NormalizeMarketplaces(
    const PlatformInfo& platform, std::vector<std::string> marketplaces);

}  // namespace scs
