#pragma once

#include "api/auth.hpp"
#include "http/router.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "sync/sync_service.hpp"

namespace scs {

struct SyncApiDeps {
    ConnectionStore& connections;
    SqlExecutor& executor;  // sync runs
    SyncService& sync;
};

// Sync triggers, status and run history (DESIGN §7):
// GET /api/v1/sales_channels/sellers/{seller_id}/sales_channels/{ssc_id}/sync_products (the
// seed's trigger), and under /api/v1/sellers/{seller_id}/sales_channels/{ssc_id}:
// POST syncs, GET sync_status, GET syncs, GET syncs/{run_id}. A seller token gets 404 for
// another seller's connection. Holds references to its dependencies, which outlive it;
// thread-safe.
class SyncApi {
public:
    explicit SyncApi(SyncApiDeps deps) : deps_(deps) {}

    HttpResponse TriggerSeed(HttpRequest& request, const Principal& principal) const;
    HttpResponse Trigger(HttpRequest& request, const Principal& principal) const;
    HttpResponse GetStatus(HttpRequest& request, const Principal& principal) const;
    HttpResponse ListRuns(HttpRequest& request, const Principal& principal) const;
    HttpResponse GetRun(HttpRequest& request, const Principal& principal) const;

private:
    // The connection named by the path, if the caller may see it and it is not disconnected.
    [[nodiscard]] Result<Connection> LoadVisible(const HttpRequest& request,
                                                 const Principal& principal) const;

    SyncApiDeps deps_;
};

// Registers the routes above, each behind bearer-token authentication.
void AddSyncRoutes(Router& router, const SyncApi& api, const TokenAuthenticator& auth);

}  // namespace scs
