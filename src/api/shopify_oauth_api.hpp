#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/auth.hpp"
#include "api/connections_api.hpp"
#include "connectors/connector_registry.hpp"
#include "connectors/shopify/shopify_oauth.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "net/http_client.hpp"
#include "security/secret_box.hpp"
#include "state/state_store.hpp"
#include "storage/connection_store.hpp"

namespace scs {

struct ShopifyOAuthDeps {
    ConnectionStore& store;
    const SecretBox& secrets;
    const ConnectorRegistry& registry;
    StateStore& state;  // OAuth state nonces live here as leases, so any process can answer
    const TimeSource& clock;
    std::shared_ptr<HttpClient> http;
    ShopifyAppSettings app;
    std::string shop_url_template;  // platforms.shopify.base_url ("" = https://{shop})
    std::string public_url;         // this service as browsers reach it
    ConnectedHook on_connected;     // may be empty
};

// The Shopify OAuth install (DESIGN §7, platforms doc A1):
// GET /api/v1/sales_channels/shopify/install?seller_id=&shop= (bearer token; the seller's own or
// admin) answers 302 to the shop's grant screen with a fresh `state` nonce kept for ten minutes;
// GET /api/v1/sales_channels/shopify/oauth/callback (public: Shopify's hmac is the proof)
// verifies the hmac, the timestamp (90 s), the shop domain and the single-use state, exchanges
// the code for an expiring offline token, stores it sealed on the seller's connection (created,
// or re-activated on a reinstall) and subscribes the webhooks. Borrows its dependencies, which
// outlive it; thread-safe.
class ShopifyOAuthApi {
public:
    explicit ShopifyOAuthApi(ShopifyOAuthDeps deps) : deps_(std::move(deps)) {}

    HttpResponse Install(HttpRequest& request, const Principal& principal) const;
    HttpResponse Callback(HttpRequest& request) const;

    std::string RedirectUri() const;

private:
    [[nodiscard]] Result<Connection> StoreGrant(const std::string& seller_id,
                                                const std::string& shop,
                                                const ShopifyTokenGrant& grant) const;

    ShopifyOAuthDeps deps_;
};

void AddShopifyOAuthRoutes(Router& router,
                           const ShopifyOAuthApi& api,
                           const TokenAuthenticator& auth);

}  // namespace scs
