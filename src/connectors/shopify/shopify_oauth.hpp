#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/kit/oauth2.hpp"
#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "net/http_client.hpp"
#include "net/query_string.hpp"

// The OAuth pieces of a Shopify app (platforms doc A1) on top of kit/oauth2: Shopify's
// endpoints and parameters (grant_options, expiring: "1"), the query-HMAC check of install
// requests and callbacks and the shop-domain rule. Pure functions except the two token calls;
// thread-safe.
namespace scs {

// The app's own settings (config platforms.shopify.*); scopes comma-separated.
using ShopifyAppSettings = kit::OAuth2App;
// Tokens granted by POST /admin/oauth/access_token.
using ShopifyTokenGrant = kit::TokenGrant;

// The canonical shop domain "{handle}.myshopify.com" (lower case). Accepts the admin URL form
// "admin.shopify.com/store/{handle}" (with or without https://) and rewrites it. Anything else
// fails the production rule ^[a-z0-9][a-z0-9-]*\.myshopify\.com$ with kBadRequest (field "shop").
[[nodiscard]] Result<std::string> NormalizeShopDomain(std::string_view shop);

// The shop's base URL: `url_template` with "{shop}" replaced by the domain; an empty template
// means production, "https://{shop}".
std::string ShopifyShopUrl(std::string_view url_template, std::string_view shop_domain);

// A fresh OAuth state nonce (kit::NewOAuthState).
inline std::string NewShopifyOAuthState() {
    return kit::NewOAuthState();
}

// Where to send the merchant to grant access (A1.1 step 2), for an offline token.
std::string ShopifyAuthorizeUrl(const ShopifyAppSettings& app,
                                std::string_view shop_url,
                                std::string_view redirect_uri,
                                std::string_view state);

// Percent-encodes like URLSearchParams but with %20 for a space (kit::FormEncode), as Shopify's
// HMAC input requires.
inline std::string ShopifyFormEncode(std::string_view text) {
    return kit::FormEncode(text);
}

// The message Shopify signs: every parameter but hmac and signature, repeated keys joined with
// ',', sorted by key, each pair form-encoded, joined with '&'.
std::string CanonicalShopifyQuery(const QueryParams& params);

// Verifies an install request or callback: the hex HMAC-SHA256 of CanonicalShopifyQuery under
// the client secret (constant time) and a `timestamp` within 90 s of `now`. kOAuth when not.
[[nodiscard]] Status VerifyShopifyQueryHmac(const QueryParams& params,
                                            std::string_view client_secret,
                                            TimePoint now);

// Reads a token response body; kInvalidPayload when it holds no access_token.
[[nodiscard]] Result<ShopifyTokenGrant> ParseShopifyTokenResponse(std::string_view body,
                                                                  TimePoint now);

// Exchanges an authorization code for an expiring offline token (`expiring: "1"`). kOAuth when
// Shopify refuses the code; kUnavailable/kTimeout when it cannot be reached or fails.
[[nodiscard]] Result<ShopifyTokenGrant> ExchangeShopifyCode(HttpClient& http,
                                                            const ShopifyAppSettings& app,
                                                            std::string_view shop_url,
                                                            std::string_view code,
                                                            TimePoint now);

// Trades a refresh token for a new access token and a new (rotated) refresh token.
// kInvalidCredentials when Shopify refuses the refresh token (the seller must reconnect).
[[nodiscard]] Result<ShopifyTokenGrant> RefreshShopifyToken(HttpClient& http,
                                                            const ShopifyAppSettings& app,
                                                            std::string_view shop_url,
                                                            std::string_view refresh_token,
                                                            TimePoint now);

// Writes a grant into the credentials (kit::ApplyGrant).
inline void ApplyShopifyGrant(const ShopifyTokenGrant& grant, Credentials& credentials) {
    kit::ApplyGrant(grant, credentials);
}

// True when the credentials carry an expires_at less than five minutes after `now`.
inline bool ShopifyTokenExpiresSoon(const Credentials& credentials, TimePoint now) {
    return kit::TokenExpiresSoon(credentials, now);
}

}  // namespace scs
