#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// OAuth 1.0a "one-legged" signature verification the way WooCommerce does it
// (WC_REST_Authentication::check_oauth_signature, platform notes B1.1). The request parameters
// are read the way PHP reads $_GET/$_POST: "k[]" and "k[x]" make arrays, a repeated plain key
// keeps the last value. Pure functions; thread-safe.
namespace scs::sandbox::woocommerce {

// One PHP request parameter: a scalar, or an array of (sub-key, value) in arrival order.
struct PhpValue {
    std::string scalar;
    std::vector<std::pair<std::string, std::string>> entries;
    bool is_array = false;
};

// Keyed by the decoded top-level name; std::map orders keys as PHP's uksort(strcmp) does.
using PhpParams = std::map<std::string, PhpValue>;

// Adds one decoded name=value pair with PHP's parse_str rules for "name[]" and "name[key]".
void AddPhpParam(PhpParams& params, std::string_view name, std::string value);

// Parses "a=1&b%5B%5D=2" ('+' is a space, as in PHP) into `params`.
void ParsePhpQuery(std::string_view query, PhpParams& params);

// Percent-decoding with '+' as a space (PHP urldecode).
std::string UrlDecode(std::string_view text);

// Percent-decoding that leaves '+' alone (PHP rawurldecode).
std::string RawUrlDecode(std::string_view text);

// PHP urlencode: like rawurlencode, but a space is '+' and '~' is %7E.
std::string UrlEncode(std::string_view text);

// PHP rawurlencode: everything but A-Z a-z 0-9 - _ . ~ as %XX (upper-case hex).
std::string RawUrlEncode(std::string_view text);

// The oauth_* parameters of an "Authorization: OAuth k="v", …" header, decoded; empty when the
// header is not an OAuth one.
std::vector<std::pair<std::string, std::string>> ParseOAuthHeader(std::string_view header);

// METHOD&rawurlencode(url)&<the sorted, normalized k=v pairs joined with %26>, as WooCommerce
// builds it: `params` must not hold oauth_signature.
std::string OAuthBaseString(std::string_view method, std::string_view url, const PhpParams& params);

// base64(HMAC(key, base_string)) for "HMAC-SHA1" or "HMAC-SHA256"; nullopt for other methods.
// WooCommerce's key is consumer_secret + "&".
std::optional<std::string> OAuthSignature(std::string_view signature_method,
                                          std::string_view key,
                                          std::string_view base_string);

// Raw HMAC digests over OpenSSL: "md5", "sha1" or "sha256"; empty for an unknown algorithm.
std::string Hmac(std::string_view algorithm, std::string_view key, std::string_view data);

}  // namespace scs::sandbox::woocommerce
