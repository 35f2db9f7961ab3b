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
constexpr auto kRefreshMargin = std::chrono::minutes(5);

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

std::optional<TimePoint> AfterSeconds(const boost::json::object& body,
                                      std::string_view key,
                                      TimePoint now) {
    const boost::json::value* value = body.if_contains(key);
    if (value == nullptr || !value->is_number()) {
        return std::nullopt;
    }
    const auto seconds = value->to_number<int64_t>();
    return now + std::chrono::seconds(seconds);
}

std::string StringField(const boost::json::object& body, std::string_view key) {
    const boost::json::value* value = body.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string())
                                                  : std::string();
}

Error TokenCallError(const OutboundResponse& response, ErrorCode refused) {
    if (response.status >= 500) {
        return Error{ErrorCode::kUnavailable,
                     "Shopify token endpoint answered HTTP " + std::to_string(response.status),
                     {},
                     std::nullopt};
    }
    return Error{refused,
                 "Shopify refused the token request (HTTP " + std::to_string(response.status) +
                     "): " + response.body.substr(0, 200),
                 {},
                 std::nullopt};
}

Result<ShopifyTokenGrant> PostTokenRequest(HttpClient& http,
                                           std::string_view shop_url,
                                           const boost::json::object& body,
                                           ErrorCode refused,
                                           TimePoint now) {
    OutboundRequest request;
    request.method = "POST";
    request.url = std::string(shop_url) + "/admin/oauth/access_token";
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = boost::json::serialize(body);
    auto response = http.Send(request);
    if (!response) {
        return tl::unexpected(response.error());
    }
    if (response->status != 200) {
        return tl::unexpected(TokenCallError(*response, refused));
    }
    return ParseShopifyTokenResponse(response->body, now);
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

std::string NewShopifyOAuthState() {
    return RandomToken(32);
}

std::string ShopifyAuthorizeUrl(const ShopifyAppSettings& app,
                                std::string_view shop_url,
                                std::string_view redirect_uri,
                                std::string_view state) {
    return std::string(shop_url) +
           "/admin/oauth/authorize?client_id=" + ShopifyFormEncode(app.client_id) +
           "&scope=" + ShopifyFormEncode(app.scopes) +
           "&redirect_uri=" + ShopifyFormEncode(redirect_uri) +
           "&state=" + ShopifyFormEncode(state) + "&grant_options%5B%5D=";
}

std::string ShopifyFormEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '*' || c == '-' || c == '.' || c == '_') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4U];
            out += kHex[byte & 0x0FU];
        }
    }
    return out;
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
    boost::system::error_code error;
    const boost::json::value parsed = boost::json::parse(body, error);
    if (error || !parsed.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify token response is not a JSON object");
    }
    const boost::json::object& object = parsed.get_object();
    ShopifyTokenGrant grant;
    grant.access_token = StringField(object, "access_token");
    if (grant.access_token.empty()) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify token response has no access_token");
    }
    grant.scope = StringField(object, "scope");
    grant.refresh_token = StringField(object, "refresh_token");
    grant.expires_at = AfterSeconds(object, "expires_in", now);
    grant.refresh_token_expires_at = AfterSeconds(object, "refresh_token_expires_in", now);
    return grant;
}

Result<ShopifyTokenGrant> ExchangeShopifyCode(HttpClient& http,
                                              const ShopifyAppSettings& app,
                                              std::string_view shop_url,
                                              std::string_view code,
                                              TimePoint now) {
    const boost::json::object body{{"client_id", app.client_id},
                                   {"client_secret", app.client_secret},
                                   {"code", code},
                                   {"expiring", "1"}};
    return PostTokenRequest(http, shop_url, body, ErrorCode::kOAuth, now);
}

Result<ShopifyTokenGrant> RefreshShopifyToken(HttpClient& http,
                                              const ShopifyAppSettings& app,
                                              std::string_view shop_url,
                                              std::string_view refresh_token,
                                              TimePoint now) {
    const boost::json::object body{{"client_id", app.client_id},
                                   {"client_secret", app.client_secret},
                                   {"grant_type", "refresh_token"},
                                   {"refresh_token", refresh_token}};
    return PostTokenRequest(http, shop_url, body, ErrorCode::kInvalidCredentials, now);
}

void ApplyShopifyGrant(const ShopifyTokenGrant& grant, Credentials& credentials) {
    credentials["access_token"] = grant.access_token;
    credentials.erase("refresh_token");
    credentials.erase("expires_at");
    credentials.erase("refresh_token_expires_at");
    if (!grant.refresh_token.empty()) {
        credentials["refresh_token"] = grant.refresh_token;
    }
    if (grant.expires_at) {
        credentials["expires_at"] = FormatRfc3339(*grant.expires_at);
    }
    if (grant.refresh_token_expires_at) {
        credentials["refresh_token_expires_at"] = FormatRfc3339(*grant.refresh_token_expires_at);
    }
}

bool ShopifyTokenExpiresSoon(const Credentials& credentials, TimePoint now) {
    const auto it = credentials.find("expires_at");
    if (it == credentials.end()) {
        return false;
    }
    const std::optional<TimePoint> expires_at = ParseRfc3339(it->second);
    return !expires_at || *expires_at - now < kRefreshMargin;
}

}  // namespace scs
