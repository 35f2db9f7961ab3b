#pragma once

#include <string>
#include <vector>

#include "core/platform.hpp"
#include "core/result.hpp"

// Store identities as sellers type them: the rules every platform shares. A platform whose store
// ids have a shape of their own (a shop domain, a site URL) gives its module a normaliser built on
// these; the registry falls back to GenericStoreId for the others. Pure, except
// CheckPublicSiteHost, which asks the system resolver.
namespace scs {

struct StoreIdentityRules {
    bool allow_plain_http = false;  // site URLs over http (sandboxes, local testing)
    // Site URLs on private, loopback or link-local addresses (sandboxes, local testing).
    bool allow_private_addresses = false;
};

// The catalogue's rule: letters and digits up to platform.store_id_max_length. Errors name the
// field "store_id".
[[nodiscard]] Result<std::string> GenericStoreId(const PlatformInfo& platform,
                                                 const std::string& store_id);

// A site URL: http(s) only (http when rules.allow_plain_http), no user, query or fragment;
// scheme and host lower-cased, port kept, trailing slashes dropped:
// "HTTPS://Shop.Example.com/store/" -> "https://shop.example.com/store".
[[nodiscard]] Result<std::string> NormalizeSiteUrl(const std::string& text,
                                                   const StoreIdentityRules& rules);

// A site URL's host must resolve to public addresses only (net/address_policy.hpp), unless
// rules.allow_private_addresses: otherwise a seller could point the service at its own network.
// kBadRequest naming "store_id" when the host does not resolve or resolves to a private address.
[[nodiscard]] Status CheckPublicSiteHost(const std::string& site_url,
                                         const StoreIdentityRules& rules);

// Checks marketplaces: required and well formed where the platform connects per marketplace
// (platform.marketplace_format); must be empty elsewhere. Returns them de-duplicated and sorted.
[[nodiscard]] Result<std::vector<std::string>> NormalizeMarketplaces(
    const PlatformInfo& platform, std::vector<std::string> marketplaces);

}  // namespace scs
