#include "api/shopify_oauth_api.hpp"

#include <chrono>

#include <boost/json/object.hpp>

#include "api/connection_grant.hpp"
#include "api/connection_json.hpp"
#include "api/connections_api.hpp"
#include "observability/log.hpp"

namespace scs {
namespace {

constexpr std::string_view kStatePrefix = "oauth-state:shopify:";
constexpr auto kStateTtl = std::chrono::minutes(10);

const log::Logger& Log() {
    static const log::Logger kLogger("api.oauth");
    return kLogger;
}

std::string RawQuery(const HttpRequest& request) {
    const auto question = request.target.find('?');
    return question == std::string::npos ? "" : request.target.substr(question + 1);
}

std::string ParamOf(const QueryParams& params, std::string_view name) {
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return "";
}

// The nonce's lease owner: who started the install, for which shop.
std::string StateOwner(const std::string& seller_id, const std::string& shop) {
    return seller_id + "\n" + shop;
}

}  // namespace

std::string ShopifyOAuthApi::RedirectUri() const {
    return deps_.public_url + "/api/v1/sales_channels/shopify/oauth/callback";
}

HttpResponse ShopifyOAuthApi::Install(HttpRequest& request, const Principal& principal) const {
    const auto seller_id = request.Query("seller_id").value_or("");
    if (seller_id.empty()) {
        return ErrorResponse(FailField("seller_id", "seller_id: required").value());
    }
    if (!principal.MaySee(seller_id)) {
        return ErrorResponse(ErrorCode::kNotFound, "no such seller");
    }
    auto shop = NormalizeShopDomain(request.Query("shop").value_or(""));
    if (!shop) {
        return ErrorResponse(shop.error());
    }
    if (deps_.app.client_id.empty() || deps_.app.client_secret.empty()) {
        return ErrorResponse(ErrorCode::kNotImplemented,
                             "the Shopify app is not configured (platforms.shopify.client_id, "
                             "platforms.shopify.client_secret)");
    }
    if (request.Query("hmac")) {
        // An install that Shopify started: its query is signed like the callback.
        auto verified = VerifyShopifyQueryHmac(
            DecodeQueryString(RawQuery(request)), deps_.app.client_secret, deps_.clock.Now());
        if (!verified) {
            return ErrorResponse(verified.error());
        }
    }
    const auto state = NewShopifyOAuthState();
    auto kept = deps_.state.TryAcquireLease(
        std::string(kStatePrefix) + state,
        StateOwner(seller_id, *shop),
        std::chrono::duration_cast<std::chrono::milliseconds>(kStateTtl));
    if (!kept || !*kept) {
        return ErrorResponse(ErrorCode::kUnavailable, "could not keep the OAuth state");
    }
    HttpResponse response;
    response.status = 302;
    response.headers.emplace_back(
        "Location",
        ShopifyAuthorizeUrl(
            deps_.app, ShopifyShopUrl(deps_.shop_url_template, *shop), RedirectUri(), state));
    response.body = "{}";
    return response;
}

HttpResponse ShopifyOAuthApi::Callback(HttpRequest& request) const {
    if (deps_.app.client_secret.empty()) {
        return ErrorResponse(ErrorCode::kNotImplemented, "the Shopify app is not configured");
    }
    const auto params = DecodeQueryString(RawQuery(request));
    if (auto verified = VerifyShopifyQueryHmac(params, deps_.app.client_secret, deps_.clock.Now());
        !verified) {
        Log().Warn("oauth callback refused", {log::F("reason", verified.error().message)});
        return ErrorResponse(verified.error());
    }
    auto shop = NormalizeShopDomain(ParamOf(params, "shop"));
    if (!shop) {
        return ErrorResponse(ErrorCode::kOAuth, "the callback's shop is not a Shopify shop domain");
    }
    const auto state = ParamOf(params, "state");
    const auto key = std::string(kStatePrefix) + state;
    auto lease =
        state.empty() ? Result<std::optional<LeaseInfo>>(std::nullopt) : deps_.state.GetLease(key);
    if (!lease) {
        return ErrorResponse(lease.error());
    }
    const auto newline = *lease ? (*lease)->owner.find('\n') : std::string::npos;
    if (!*lease || newline == std::string::npos || (*lease)->owner.substr(newline + 1) != *shop) {
        return ErrorResponse(ErrorCode::kOAuth, "unknown, expired or foreign OAuth state");
    }
    const auto seller_id = (*lease)->owner.substr(0, newline);
    // Single use: a replayed callback finds no state.
    if (auto released = deps_.state.ReleaseLease(key, (*lease)->owner); !released) {
        return ErrorResponse(released.error());
    }
    auto grant = ExchangeShopifyCode(*deps_.http,
                                     deps_.app,
                                     ShopifyShopUrl(deps_.shop_url_template, *shop),
                                     ParamOf(params, "code"),
                                     deps_.clock.Now());
    if (!grant) {
        return ErrorResponse(grant.error());
    }
    auto connection = StoreGrant(seller_id, *shop, *grant);
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    auto data = ConnectionToJson(*connection, deps_.registry.Find("shopify"));
    if (deps_.on_connected) {
        Credentials credentials;
        ApplyShopifyGrant(*grant, credentials);
        auto subscribed = deps_.on_connected(*connection, credentials);
        data["webhooks_subscribed"] = subscribed.has_value();
    }
    return OkResponse(200, std::move(data));
}

Result<Connection> ShopifyOAuthApi::StoreGrant(const std::string& seller_id,
                                               const std::string& shop,
                                               const ShopifyTokenGrant& grant) const {
    return StoreConnectionGrant(
        deps_.store,
        deps_.secrets,
        deps_.clock,
        ConnectionGrant{seller_id, "shopify", shop, [&grant](Credentials& credentials) {
                            ApplyShopifyGrant(grant, credentials);
                        }});
}

void AddShopifyOAuthRoutes(Router& router,
                           const ShopifyOAuthApi& api,
                           const TokenAuthenticator& auth) {
    router.Add("GET",
               "/api/v1/sales_channels/shopify/install",
               RequireAuth(auth, [&api](HttpRequest& request, const Principal& principal) {
                   return api.Install(request, principal);
               }));
    router.Add("GET",
               "/api/v1/sales_channels/shopify/oauth/callback",
               [&api](HttpRequest& request) { return api.Callback(request); });
}

}  // namespace scs
