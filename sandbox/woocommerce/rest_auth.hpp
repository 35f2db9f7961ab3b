#pragma once

#include <optional>
#include <string>

#include "core/time.hpp"
#include "sandbox/woocommerce/key_book.hpp"
#include "sandbox/woocommerce/oauth1.hpp"
#include "sandbox/woocommerce/wp_error.hpp"

// WooCommerce's REST authentication (WC_REST_Authentication, platform notes B1.1): on an "SSL"
// site the consumer_key/consumer_secret query parameters, then HTTP Basic; otherwise (and when
// those are absent) OAuth 1.0a one-legged with params from the query, a form body or an
// "Authorization: OAuth" header. Then the key's read/write permission against the method.
// Pure apart from the nonces it records in the key book.
namespace scs::sandbox::woocommerce {

struct AuthInput {
    std::string method;       // "GET"
    std::string signing_url;  // the site URL of the request as WooCommerce rebuilds it
    PhpParams query;          // $_GET
    PhpParams form;           // $_POST (an application/x-www-form-urlencoded body)
    std::optional<std::string> authorization;  // the header, unless the host dropped it
    bool ssl = false;
};

inline constexpr const char* kBasicRealm =
    "Basic realm=\"WooCommerce API. Use a consumer key in the username field and a consumer "
    "secret in the password field.\"";

// The key the request authenticates as; nullopt when it carries no credentials WooCommerce
// recognises (the route's own permission check then answers 401). A WpError for credentials
// that fail: invalid key or secret, bad signature, timestamp or nonce, missing OAuth params.
[[nodiscard]] WpResult<std::optional<ApiKey>> Authenticate(KeyBook& keys,
                                                           const AuthInput& input,
                                                           TimePoint now);

// 401 when the key's permissions do not cover the method (GET/HEAD read, writes write).
std::optional<WpError> CheckKeyPermissions(const ApiKey& key, const std::string& method);

}  // namespace scs::sandbox::woocommerce
