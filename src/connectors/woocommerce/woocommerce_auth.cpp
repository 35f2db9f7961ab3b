#include "connectors/woocommerce/woocommerce_auth.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::string_view kHexDigits = "0123456789ABCDEF";

bool IsUnreserved(unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string Lower(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return lowered;
}

// The URL without query and fragment: scheme and authority lower-cased, :80 on http and :443 on
// https dropped, an empty path read as "/".
std::string BaseUri(std::string_view url) {
    url = url.substr(0, std::min(url.find('?'), url.find('#')));
    const size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        return std::string(url);
    }
    const std::string scheme = Lower(url.substr(0, scheme_end));
    const std::string_view rest = url.substr(scheme_end + 3);
    const size_t path_start = std::min(rest.find('/'), rest.size());
    std::string authority = Lower(rest.substr(0, path_start));
    const std::string default_port = scheme == "https" ? ":443" : ":80";
    if (authority.size() > default_port.size() &&
        authority.compare(
            authority.size() - default_port.size(), default_port.size(), default_port) == 0) {
        authority.resize(authority.size() - default_port.size());
    }
    const std::string_view path = rest.substr(path_start);
    return scheme + "://" + authority + (path.empty() ? "/" : std::string(path));
}

std::string HmacSha1(std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    HMAC(EVP_sha1(),
         key.data(),
         static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()),
         data.size(),
         digest.data(),
         &size);
    return {reinterpret_cast<const char*>(digest.data()), size};
}

std::string_view QueryOf(std::string_view url) {
    const size_t question = url.find('?');
    if (question == std::string_view::npos) {
        return {};
    }
    const std::string_view query = url.substr(question + 1);
    return query.substr(0, query.find('#'));
}

std::string WithQuery(std::string_view url, const WooCommerceQuery& query) {
    std::string base(url.substr(0, std::min(url.find('?'), url.find('#'))));
    return query.empty() ? base : base + "?" + FormatQueryString(query);
}

WooCommerceAuthorized SignOAuth(std::string_view method,
                                std::string_view url,
                                const WooCommerceKeys& keys,
                                const OAuthStamp& stamp) {
    WooCommerceQuery query = DecodeQueryString(QueryOf(url));
    const WooCommerceQuery oauth{{"oauth_consumer_key", keys.consumer_key},
                                 {"oauth_nonce", stamp.nonce},
                                 {"oauth_signature_method", "HMAC-SHA256"},
                                 {"oauth_timestamp", std::to_string(stamp.timestamp)}};
    query.insert(query.end(), oauth.begin(), oauth.end());
    const std::string base = OAuthBaseString(method, url, oauth);
    query.emplace_back("oauth_signature",
                       OAuthSign(OAuthSignatureMethod::kHmacSha256, base, keys.consumer_secret));
    return WooCommerceAuthorized{WithQuery(url, query), {}};
}

}  // namespace

std::string OAuthEncode(std::string_view text) {
    std::string encoded;
    encoded.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (IsUnreserved(byte)) {
            encoded.push_back(c);
            continue;
        }
        encoded.push_back('%');
        encoded.push_back(kHexDigits[byte >> 4U]);
        encoded.push_back(kHexDigits[byte & 0x0FU]);
    }
    return encoded;
}

std::string FormatQueryString(const WooCommerceQuery& query) {
    std::string text;
    for (const auto& [name, value] : query) {
        text += text.empty() ? "" : "&";
        text += OAuthEncode(name);
        text += "=";
        text += OAuthEncode(value);
    }
    return text;
}

std::string OAuthBaseString(std::string_view method,
                            std::string_view url,
                            const WooCommerceQuery& params) {
    std::vector<std::pair<std::string, std::string>> encoded;
    for (const auto& [name, value] : DecodeQueryString(QueryOf(url))) {
        encoded.emplace_back(OAuthEncode(name), OAuthEncode(value));
    }
    for (const auto& [name, value] : params) {
        encoded.emplace_back(OAuthEncode(name), OAuthEncode(value));
    }
    std::sort(encoded.begin(), encoded.end());
    std::string normalized;
    for (const auto& [name, value] : encoded) {
        normalized += normalized.empty() ? "" : "&";
        normalized += name;
        normalized += "=";
        normalized += value;
    }
    std::string upper(method);
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    return upper + "&" + OAuthEncode(BaseUri(url)) + "&" + OAuthEncode(normalized);
}

std::string OAuthSign(OAuthSignatureMethod method,
                      std::string_view base_string,
                      std::string_view consumer_secret,
                      std::string_view token_secret) {
    std::string key(consumer_secret);
    key += "&";
    key += token_secret;
    const std::string digest = method == OAuthSignatureMethod::kHmacSha1
                                   ? HmacSha1(key, base_string)
                                   : HmacSha256(key, base_string);
    return Base64Encode(digest);
}

Result<WooCommerceAuthorized> AuthorizeWooCommerceRequest(std::string_view method,
                                                          std::string_view url,
                                                          const WooCommerceKeys& keys,
                                                          WooCommerceHttpsAuth https_auth,
                                                          const OAuthStamp& stamp) {
    const std::string scheme = Lower(url.substr(0, url.find("://")));
    if (scheme == "http" && url.find("://") != std::string_view::npos) {
        return SignOAuth(method, url, keys, stamp);
    }
    if (scheme != "https" || url.find("://") == std::string_view::npos) {
        return FailField("store_id", "a WooCommerce store URL must start with http:// or https://");
    }
    if (https_auth == WooCommerceHttpsAuth::kQuery) {
        WooCommerceQuery query = DecodeQueryString(QueryOf(url));
        query.emplace_back("consumer_key", keys.consumer_key);
        query.emplace_back("consumer_secret", keys.consumer_secret);
        return WooCommerceAuthorized{WithQuery(url, query), {}};
    }
    const std::string basic = Base64Encode(keys.consumer_key + ":" + keys.consumer_secret);
    return WooCommerceAuthorized{std::string(url), {{"Authorization", "Basic " + basic}}};
}

}  // namespace scs
