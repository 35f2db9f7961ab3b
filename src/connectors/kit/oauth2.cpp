#include "connectors/kit/oauth2.hpp"

#include <cctype>
#include <cstdint>

#include <boost/json.hpp>

#include "security/crypto.hpp"

namespace scs::kit {
namespace {

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

Error TokenCallError(const OutboundResponse& response,
                     std::string_view platform,
                     ErrorCode refused) {
    const std::string status = std::to_string(response.status);
    if (response.status >= 500) {
        return Error{ErrorCode::kUnavailable,
                     std::string(platform) + " token endpoint answered HTTP " + status,
                     {},
                     std::nullopt};
    }
    return Error{refused,
                 std::string(platform) + " refused the token request (HTTP " + status +
                     "): " + response.body.substr(0, 200),
                 {},
                 std::nullopt};
}

Result<TokenGrant> PostTokenRequest(HttpClient& http,
                                    const TokenEndpoint& endpoint,
                                    const boost::json::object& body,
                                    ErrorCode refused,
                                    TimePoint now) {
    OutboundRequest request;
    request.method = "POST";
    request.url = endpoint.url;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = boost::json::serialize(body);
    auto response = http.Send(request);
    if (!response) {
        return tl::unexpected(response.error());
    }
    if (response->status != 200) {
        return tl::unexpected(TokenCallError(*response, endpoint.platform, refused));
    }
    return ParseTokenResponse(response->body, now, endpoint.platform);
}

}  // namespace

std::string NewOAuthState() {
    return RandomToken(32);
}

std::string FormEncode(std::string_view text) {
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

std::string AuthorizeUrl(std::string_view authorize_url,
                         const OAuth2App& app,
                         std::string_view redirect_uri,
                         std::string_view state) {
    return std::string(authorize_url) + "?client_id=" + FormEncode(app.client_id) +
           "&scope=" + FormEncode(app.scopes) + "&redirect_uri=" + FormEncode(redirect_uri) +
           "&state=" + FormEncode(state);
}

Result<TokenGrant> ParseTokenResponse(std::string_view body,
                                      TimePoint now,
                                      std::string_view platform) {
    boost::system::error_code error;
    const boost::json::value parsed = boost::json::parse(body, error);
    if (error || !parsed.is_object()) {
        return Fail(ErrorCode::kInvalidPayload,
                    std::string(platform) + " token response is not a JSON object");
    }
    const boost::json::object& object = parsed.get_object();
    TokenGrant grant;
    grant.access_token = StringField(object, "access_token");
    if (grant.access_token.empty()) {
        return Fail(ErrorCode::kInvalidPayload,
                    std::string(platform) + " token response has no access_token");
    }
    grant.scope = StringField(object, "scope");
    grant.refresh_token = StringField(object, "refresh_token");
    grant.expires_at = AfterSeconds(object, "expires_in", now);
    grant.refresh_token_expires_at = AfterSeconds(object, "refresh_token_expires_in", now);
    return grant;
}

Result<TokenGrant> ExchangeCode(HttpClient& http,
                                const TokenEndpoint& endpoint,
                                const OAuth2App& app,
                                std::string_view code,
                                const boost::json::object& extra,
                                TimePoint now) {
    boost::json::object body{
        {"client_id", app.client_id}, {"client_secret", app.client_secret}, {"code", code}};
    for (const auto& field : extra) {
        body[field.key()] = field.value();
    }
    return PostTokenRequest(http, endpoint, body, ErrorCode::kOAuth, now);
}

Result<TokenGrant> RefreshAccessToken(HttpClient& http,
                                      const TokenEndpoint& endpoint,
                                      const OAuth2App& app,
                                      std::string_view refresh_token,
                                      TimePoint now) {
    const boost::json::object body{{"client_id", app.client_id},
                                   {"client_secret", app.client_secret},
                                   {"grant_type", "refresh_token"},
                                   {"refresh_token", refresh_token}};
    return PostTokenRequest(http, endpoint, body, ErrorCode::kInvalidCredentials, now);
}

void ApplyGrant(const TokenGrant& grant, Credentials& credentials) {
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

bool TokenExpiresSoon(const Credentials& credentials, TimePoint now) {
    const auto it = credentials.find("expires_at");
    if (it == credentials.end()) {
        return false;
    }
    const std::optional<TimePoint> expires_at = ParseRfc3339(it->second);
    return !expires_at || *expires_at - now < kRefreshMargin;
}

}  // namespace scs::kit
