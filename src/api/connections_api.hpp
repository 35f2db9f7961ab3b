#pragma once

#include <functional>
#include <utility>

#include <boost/json/object.hpp>

#include "api/auth.hpp"
#include "connectors/connector_registry.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "security/secret_box.hpp"
#include "storage/connection_store.hpp"

namespace scs {

// Runs after a connection gained new credentials (connect, reconnect or OAuth install):
// subscribes the store's webhooks. A failure is reported in the response and logged, never
// undoing the connection (the scheduled reconciliation still finds the orders).
using ConnectedHook = std::function<Status(const Connection&, const Credentials&)>;

struct ConnectionsApiDeps {
    ConnectionStore& store;
    const SecretBox& secrets;
    const ConnectorRegistry& registry;
    const TimeSource& clock;
    ConnectedHook on_connected;  // may be empty
};

// The platform catalogue and a seller's store connections (DESIGN §7):
// GET /api/v1/sales_channels and POST/GET/PATCH/DELETE
// /api/v1/sellers/{seller_id}/sales_channels[/{ssc_id}]. Credentials are checked with the
// platform's connector, then sealed with the SecretBox before they reach storage; responses only
// say which credential fields are set. Holds references to its dependencies, which outlive it;
// thread-safe.
class ConnectionsApi {
public:
    explicit ConnectionsApi(ConnectionsApiDeps deps) : deps_(std::move(deps)) {}

    HttpResponse Catalogue(HttpRequest& request, const Principal& principal) const;
    HttpResponse List(HttpRequest& request, const Principal& principal) const;
    HttpResponse Get(HttpRequest& request, const Principal& principal) const;
    HttpResponse Create(HttpRequest& request, const Principal& principal) const;
    HttpResponse Patch(HttpRequest& request, const Principal& principal) const;
    HttpResponse Delete(HttpRequest& request, const Principal& principal) const;

private:
    // The connection named by the path, if the caller may see it and it is not disconnected.
    [[nodiscard]] Result<Connection> LoadVisible(const HttpRequest& request,
                                                 const Principal& principal) const;
    [[nodiscard]] Result<Connection> BuildNew(const std::string& seller_id,
                                              const boost::json::object& body) const;
    [[nodiscard]] Status ApplyPatch(const boost::json::object& body, Connection& connection) const;
    // Checks the credentials with the platform, then seals them into the connection.
    [[nodiscard]] Status VerifyAndSeal(const PlatformInfo& platform,
                                       const boost::json::object& body,
                                       Connection& connection) const;

    // Runs on_connected; false (logged) when the subscription failed.
    bool SubscribeWebhooks(const Connection& connection) const;

    ConnectionsApiDeps deps_;
};

// Registers the routes above, each behind bearer-token authentication.
void AddConnectionRoutes(Router& router, const ConnectionsApi& api, const TokenAuthenticator& auth);

// {"status":"ok","data":data} with the given HTTP status.
HttpResponse OkResponse(int status, boost::json::value data);

}  // namespace scs
