#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "net/http_client.hpp"

// The OAuth 2.0 authorization-code flow as platforms run it: the authorize URL with a state
// nonce, the code exchange and the refresh of expiring tokens at the platform's token endpoint,
// and the token fields kept in a connection's credentials. The platform gives its endpoints,
// its extra parameters and its name for messages. Pure functions except the two token calls;
// thread-safe.
namespace scs::kit {

// The app's registration with the platform (config platforms.<tag>.*).
struct OAuth2App {
    std::string client_id;
    std::string client_secret;
    std::string scopes;  // as the platform spells the list, e.g. "read_orders,read_products"
};

// Tokens granted by a token endpoint.
struct TokenGrant {
    std::string access_token;
    std::string scope;
    std::string refresh_token;                          // empty for a non-expiring token
    std::optional<TimePoint> expires_at;                // now + expires_in
    std::optional<TimePoint> refresh_token_expires_at;  // now + refresh_token_expires_in
};

// A platform's token endpoint and how messages name the platform ("Shopify").
struct TokenEndpoint {
    std::string url;
    std::string_view platform;
};

// A fresh OAuth state nonce: 32 random bytes as 64 hex characters.
std::string NewOAuthState();

// Percent-encodes like URLSearchParams (application/x-www-form-urlencoded: letters, digits and
// *-._ stay) but with %20 for a space.
std::string FormEncode(std::string_view text);

// `authorize_url`?client_id=…&scope=…&redirect_uri=…&state=… (each form-encoded).
std::string AuthorizeUrl(std::string_view authorize_url,
                         const OAuth2App& app,
                         std::string_view redirect_uri,
                         std::string_view state);

// Reads a token response body; kInvalidPayload when it holds no access_token.
[[nodiscard]] Result<TokenGrant> ParseTokenResponse(std::string_view body,
                                                    TimePoint now,
                                                    std::string_view platform);

// Exchanges an authorization code (POST of a JSON body: client_id, client_secret, code and
// `extra`). kOAuth when the platform refuses the code; kUnavailable for 5xx; transport errors.
[[nodiscard]] Result<TokenGrant> ExchangeCode(HttpClient& http,
                                              const TokenEndpoint& endpoint,
                                              const OAuth2App& app,
                                              std::string_view code,
                                              const boost::json::object& extra,
                                              TimePoint now);

// Trades a refresh token for a new access token (and, on platforms that rotate, a new refresh
// token). kInvalidCredentials when the platform refuses it (the seller must reconnect).
[[nodiscard]] Result<TokenGrant> RefreshAccessToken(HttpClient& http,
                                                    const TokenEndpoint& endpoint,
                                                    const OAuth2App& app,
                                                    std::string_view refresh_token,
                                                    TimePoint now);

// Writes a grant into the credential fields access_token, refresh_token, expires_at and
// refresh_token_expires_at (RFC 3339), keeping the others (webhook_secret).
void ApplyGrant(const TokenGrant& grant, Credentials& credentials);

// How early an expiring token is refreshed.
inline constexpr std::chrono::minutes kRefreshMargin{5};

// True when the credentials carry an expires_at less than kRefreshMargin after `now` (or one
// that does not parse).
bool TokenExpiresSoon(const Credentials& credentials, TimePoint now);

}  // namespace scs::kit
