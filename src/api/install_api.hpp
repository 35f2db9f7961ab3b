#pragma once

#include <chrono>
#include <string>

#include "api/auth.hpp"
#include "api/connections_api.hpp"
#include "connectors/connector_registry.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "security/secret_box.hpp"
#include "state/state_store.hpp"
#include "storage/connection_store.hpp"

namespace scs {

struct InstallApiDeps {
    ConnectionStore& store;
    const SecretBox& secrets;
    const ConnectorRegistry& registry;  // each platform's install flow, by tag
    StateStore& state;  // the nonces live here as leases, so any process can answer a callback
    const TimeSource& clock;
    std::string public_url;      // this service as browsers and the platforms reach it
    ConnectedHook on_connected;  // may be empty
};

// Connecting a store from the seller's browser (DESIGN §7), for every platform with an
// InstallFlow (connectors/install_flow.hpp):
// GET /api/v1/sales_channels/{platform}/install?seller_id=&… (bearer token; the seller's own or
// admin) lets the flow read and check the store from the query, keeps a single-use nonce for the
// flow's lifetime (owner: the seller and the store) and answers 302 to the platform's grant
// screen. The platform's callback (the flow's finish route under
// /api/v1/sales_channels/{platform}/, public: the flow's signature checks and the nonce are the
// proof) is read and checked by the flow; then the nonce is spent (unknown, expired or issued for
// another store: kOAuth), the flow completes the grant (a code exchanged, keys checked), the
// credentials are sealed on the seller's connection (created, or re-activated on a reinstall) and
// the webhooks subscribed. GET /api/v1/sales_channels/{platform}/installed is the browser's
// landing page where the flow has one. A platform without a flow, unknown or switched off, gets
// 404. Borrows its dependencies, which outlive it; thread-safe.
class InstallApi {
public:
    explicit InstallApi(InstallApiDeps deps) : deps_(std::move(deps)) {}

    HttpResponse Start(HttpRequest& request, const Principal& principal) const;
    HttpResponse Finish(HttpRequest& request) const;
    HttpResponse Landing(HttpRequest& request) const;

private:
    // This service's address of a route under /api/v1/sales_channels/{tag}/.
    std::string RouteUrl(const std::string& tag, const std::string& path) const;
    // The seller and store the nonce was issued for; spends it, once even under concurrent
    // copies of a callback. kOAuth when unknown, expired, already spent or issued for another
    // store than `store_id` (when the callback names one).
    [[nodiscard]] Result<std::pair<std::string, std::string>> SpendNonce(
        const std::string& tag,
        const std::string& nonce,
        const std::string& store_id,
        std::chrono::minutes lifetime) const;

    InstallApiDeps deps_;
};

// The start and landing routes, and the finish route of each platform `registry` has an install
// flow for (the registry the api was built with).
void AddInstallRoutes(Router& router,
                      const InstallApi& api,
                      const ConnectorRegistry& registry,
                      const TokenAuthenticator& auth);

}  // namespace scs
