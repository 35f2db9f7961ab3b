#pragma once

#include <string>

#include "api/auth.hpp"
#include "api/connections_api.hpp"
#include "api/store_identity.hpp"
#include "connectors/connector_registry.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "security/secret_box.hpp"
#include "state/state_store.hpp"
#include "storage/connection_store.hpp"

namespace scs {

struct WooCommerceKeysDeps {
    ConnectionStore& store;
    const SecretBox& secrets;
    const ConnectorRegistry& registry;
    StateStore& state;  // the exchange's nonces live here as leases, so any process can answer
    const TimeSource& clock;
    StoreIdentityRules identity_rules;
    std::string public_url;      // this service as the store reaches it
    std::string app_name;        // what the merchant's grant screen names
    ConnectedHook on_connected;  // may be empty
};

// WooCommerce's key exchange (platforms doc B1.2), the way to connect a store without copying
// keys by hand:
// GET /api/v1/sales_channels/woocommerce/install?seller_id=&store_url=[&return_url=] (bearer
// token; the seller's own or admin) checks the store URL like the connections API does (https,
// public address), keeps a single-use nonce for 30 minutes and answers 302 to the store's
// /wc-auth/v1/authorize with scope read_write, user_id = the nonce and callback_url = this
// service's POST /api/v1/sales_channels/woocommerce/keys.
// POST /api/v1/sales_channels/woocommerce/keys (public: the nonce is the proof) takes the store's
// JSON {key_id, user_id, consumer_key, consumer_secret, key_permissions}, checks and spends the
// nonce, requires read_write, checks the keys against the store, stores them sealed on the
// seller's connection (created, or re-activated on a reconnect) and subscribes the webhooks.
// Only a 200 keeps the key on the store's side, so every refusal is a 4xx and the store deletes
// the key it made. GET /api/v1/sales_channels/woocommerce/installed is the default return_url.
// Borrows its dependencies, which outlive it; thread-safe.
class WooCommerceKeysApi {
public:
    explicit WooCommerceKeysApi(WooCommerceKeysDeps deps) : deps_(std::move(deps)) {}

    HttpResponse Install(HttpRequest& request, const Principal& principal) const;
    HttpResponse ReceiveKeys(HttpRequest& request) const;
    HttpResponse Installed(HttpRequest& request) const;

private:
    // The seller and store the nonce was issued for; spends it. kOAuth when unknown or expired.
    [[nodiscard]] Result<std::pair<std::string, std::string>> SpendNonce(
        const std::string& nonce) const;
    [[nodiscard]] Result<Connection> Connect(const std::string& seller_id,
                                             const std::string& store_url,
                                             const Credentials& keys) const;

    WooCommerceKeysDeps deps_;
};

void AddWooCommerceKeysRoutes(Router& router,
                              const WooCommerceKeysApi& api,
                              const TokenAuthenticator& auth);

}  // namespace scs
