#include "connectors/shopify/shopify_oauth.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>

#include <boost/json.hpp>

#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::string_view kShopSuffix = ".myshopify.com";
constexpr auto kTimestampTolerance = std::chrono::seconds(90);

std::string Lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return out;
}

std::string_view StripPrefix(std::string_view text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) == prefix) {
        text.remove_prefix(prefix.size());
    }
    return text;
}

// ^[a-z0-9][a-z0-9-]*\.myshopify\.com$ (std::regex trips GCC 12 warnings under ASan).
bool IsProductionShopDomain(std::string_view domain) {
    if (domain.size() <= kShopSuffix.size() ||
        domain.substr(domain.size() - kShopSuffix.size()) != kShopSuffix) {
        return false;
    }
    const std::string_view handle = domain.substr(0, domain.size() - kShopSuffix.size());
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    return allowed(handle.front()) && std::all_of(handle.begin(), handle.end(), [&](char c) {
               return allowed(c) || c == '-';
           });
}

Status CheckTimestamp(const std::map<std::string, std::string>& joined, TimePoint now) {
    const auto it = joined.find("timestamp");
    if (it == joined.end() || it->second.empty() ||
        !std::all_of(it->second.begin(),
                     it->second.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; }) ||
        it->second.size() > 12) {
        return Fail(ErrorCode::kOAuth, "the request has no valid timestamp");
    }
    const auto sent = std::chrono::seconds(std::stoll(it->second));
    const auto skew =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()) - sent;
    if (skew > kTimestampTolerance || skew < -kTimestampTolerance) {
        return Fail(ErrorCode::kOAuth, "the request timestamp is more than 90 s from now");
    }
    return {};
}

// Every parameter but the signatures, repeated keys joined with ','.
std::map<std::string, std::string> JoinParams(const QueryParams& params) {
    std::map<std::string, std::string> joined;
    for (const auto& [key, value] : params) {
        if (key == "hmac" || key == "signature") {
            continue;
        }
        auto [it, inserted] = joined.emplace(key, value);
        if (!inserted) {
            it->second += "," + value;
        }
    }
    return joined;
}

kit::TokenEndpoint TokenEndpointOf(std::string_view shop_url) {
    return {std::string(shop_url) + "/admin/oauth/access_token", "Shopify"};
}

}  // namespace

Result<std::string> NormalizeShopDomain(std::string_view shop) {
    std::string domain = Lower(shop);
    std::string_view view = StripPrefix(StripPrefix(domain, "https://"), "http://");
    while (!view.empty() && view.back() == '/') {
        view.remove_suffix(1);
    }
    if (const std::string_view admin = "admin.shopify.com/store/"; view.rfind(admin, 0) == 0) {
        domain = std::string(view.substr(admin.size())) + std::string(kShopSuffix);
    } else {
        domain = std::string(view);
    }
    if (!IsProductionShopDomain(domain)) {
        return FailField("shop", "not a Shopify shop domain ({handle}.myshopify.com)");
    }
    return domain;
}

std::string ShopifyShopUrl(std::string_view url_template, std::string_view shop_domain) {
    std::string url(url_template.empty() ? "https://{shop}" : url_template);
    const size_t at = url.find("{shop}");
    if (at != std::string::npos) {
        url.replace(at, 6, shop_domain);
    }
    return url;
}

std::string ShopifyAuthorizeUrl(const ShopifyAppSettings& app,
                                std::string_view shop_url,
                                std::string_view redirect_uri,
                                std::string_view state) {
    // An empty grant_options[] asks for an offline token.
    return kit::AuthorizeUrl(
               std::string(shop_url) + "/admin/oauth/authorize", app, redirect_uri, state) +
           "&grant_options%5B%5D=";
}

std::string CanonicalShopifyQuery(const QueryParams& params) {
    std::string out;
    for (const auto& [key, value] : JoinParams(params)) {
        if (!out.empty()) {
            out += '&';
        }
        out += ShopifyFormEncode(key) + "=" + ShopifyFormEncode(value);
    }
    return out;
}

Status VerifyShopifyQueryHmac(const QueryParams& params,
                              std::string_view client_secret,
                              TimePoint now) {
    const auto hmac = std::find_if(
        params.begin(), params.end(), [](const auto& param) { return param.first == "hmac"; });
    if (hmac == params.end() || client_secret.empty()) {
        return Fail(ErrorCode::kOAuth, "the request is not signed (no hmac)");
    }
    const std::string expected =
        HexEncode(HmacSha256(client_secret, CanonicalShopifyQuery(params)));
    if (!ConstantTimeEquals(expected, Lower(hmac->second))) {
        return Fail(ErrorCode::kOAuth, "the request hmac does not verify");
    }
    return CheckTimestamp(JoinParams(params), now);
}

Result<ShopifyTokenGrant> ParseShopifyTokenResponse(std::string_view body, TimePoint now) {
    return kit::ParseTokenResponse(body, now, "Shopify");
}

Result<ShopifyTokenGrant> ExchangeShopifyCode(HttpClient& http,
                                              const ShopifyAppSettings& app,
                                              std::string_view shop_url,
                                              std::string_view code,
                                              TimePoint now) {
    return kit::ExchangeCode(
        http, TokenEndpointOf(shop_url), app, code, boost::json::object{{"expiring", "1"}}, now);
}

Result<ShopifyTokenGrant> RefreshShopifyToken(HttpClient& http,
                                              const ShopifyAppSettings& app,
                                              std::string_view shop_url,
                                              std::string_view refresh_token,
                                              TimePoint now) {
    return kit::RefreshAccessToken(http, TokenEndpointOf(shop_url), app, refresh_token, now);
}

}  // namespace scs
