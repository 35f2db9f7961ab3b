#pragma once

#include "api/auth.hpp"
#include "http/router.hpp"
#include "push/push_service.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"

namespace scs {

struct PushApiDeps {
    ConnectionStore& connections;
    SqlExecutor& executor;  // push records, ledger, listings, orders
    PushService& push;
};

// Push back to the store (DESIGN §4, §7), under
// /api/v1/sellers/{seller_id}/sales_channels/{ssc_id}: POST inventory (202), GET inventory (the
// ledger: what each SKU + location was last set to), GET listings (the catalogue from the last
// products sync), POST orders/{external_id}/fulfillments and POST orders/{external_id}/status (202
// for a new push, 200 with the earlier push for a repeated request: same Idempotency-Key header, or
// the same request when there is none), GET pushes and GET pushes/{push_id}. A seller token gets
// 404 for another seller's connection. Holds references to its dependencies, which outlive it;
// thread-safe.
class PushApi {
public:
    explicit PushApi(PushApiDeps deps) : deps_(deps) {}

    HttpResponse PushInventory(HttpRequest& request, const Principal& principal) const;
    HttpResponse ListLedger(HttpRequest& request, const Principal& principal) const;
    HttpResponse ListListings(HttpRequest& request, const Principal& principal) const;
    HttpResponse Fulfil(HttpRequest& request, const Principal& principal) const;
    HttpResponse ChangeStatus(HttpRequest& request, const Principal& principal) const;
    HttpResponse ListPushes(HttpRequest& request, const Principal& principal) const;
    HttpResponse GetPush(HttpRequest& request, const Principal& principal) const;

private:
    // The connection of the path and the order named by {external_id}, which must be one of
    // the connection's synced orders (kNotFound otherwise).
    [[nodiscard]] Result<Connection> LoadOrderConnection(const HttpRequest& request,
                                                         const Principal& principal) const;

    PushApiDeps deps_;
};

// Registers the routes above, each behind bearer-token authentication.
void AddPushRoutes(Router& router, const PushApi& api, const TokenAuthenticator& auth);

}  // namespace scs
