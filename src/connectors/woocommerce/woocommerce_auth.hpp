#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "net/http_client.hpp"
#include "net/query_string.hpp"

// How a request to a WooCommerce store carries its REST API key (platforms doc B1.1): over https
// HTTP Basic (or the consumer_key/consumer_secret query parameters, for hosts that strip the
// Authorization header); over plain http OAuth 1.0a one-legged (no token), signed with
// HMAC-SHA256, the oauth_* parameters in the query string. Pure functions (the nonce and the
// timestamp come in), thread-safe.
namespace scs {

// Query parameters in order, decoded: (name, value).
using WooCommerceQuery = QueryParams;

// How an https store is authenticated (setting https_auth: basic | query).
enum class WooCommerceHttpsAuth { kBasic, kQuery };

enum class OAuthSignatureMethod { kHmacSha1, kHmacSha256 };

// One REST API key: consumer_key "ck_…" and consumer_secret "cs_…".
struct WooCommerceKeys {
    std::string consumer_key;
    std::string consumer_secret;
};

// The per-request randomness and time of an OAuth signature.
struct OAuthStamp {
    std::string nonce;
    int64_t timestamp = 0;  // Unix seconds
};

// RFC 3986 percent-encoding as OAuth (and PHP's rawurlencode) does it: A-Z a-z 0-9 - . _ ~ kept,
// every other byte %XX with upper-case hex.
std::string OAuthEncode(std::string_view text);

// The inverse of DecodeQueryString (net/query_string.hpp) with OAuthEncode on names and values.
std::string FormatQueryString(const WooCommerceQuery& query);

// The OAuth 1.0a signature base string (RFC 5849 §3.4.1): METHOD & enc(base URI) &
// enc(normalised parameters). The base URI is `url` without query and fragment, its scheme and
// host lower-cased and a default port dropped; the parameters are the URL's query plus `params`
// (decoded values), each name and value encoded, sorted by name then value, joined k=v with &.
std::string OAuthBaseString(std::string_view method,
                            std::string_view url,
                            const WooCommerceQuery& params);

// base64(HMAC(consumer_secret & token_secret, base_string)). The secrets are used as they are,
// not encoded, as WooCommerce does (its secrets are "cs_" + hex, where encoding changes nothing).
std::string OAuthSign(OAuthSignatureMethod method,
                      std::string_view base_string,
                      std::string_view consumer_secret,
                      std::string_view token_secret = {});

// A request's final URL and the headers to add.
struct WooCommerceAuthorized {
    std::string url;
    HeaderList headers;
};

// Adds the key to a request for `url` (absolute, possibly with a query): https -> Basic auth
// (kQuery: consumer_key and consumer_secret appended to the query); http -> the oauth_* parameters
// (consumer key, nonce, HMAC-SHA256, timestamp, signature; no oauth_version) appended to the
// query, which is re-encoded. kBadRequest for a URL that is neither http:// nor https://.
[[nodiscard]] Result<WooCommerceAuthorized> AuthorizeWooCommerceRequest(
    std::string_view method,
    std::string_view url,
    const WooCommerceKeys& keys,
    WooCommerceHttpsAuth https_auth,
    const OAuthStamp& stamp);

}  // namespace scs
