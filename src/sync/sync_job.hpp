#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "connectors/connector_registry.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "observability/log.hpp"
#include "security/secret_box.hpp"
#include "state/state_store.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "storage/sync_run_store.hpp"
#include "sync/sync_metrics.hpp"
#include "sync/sync_policy.hpp"

namespace scs {

// Everything the job uses; all outlive it (the composition root owns them).
struct SyncJobDeps {
    SqlExecutor& executor;  // orders, outbox, sync runs and cursors
    ConnectionStore& connections;
    StateStore& state;
    const ConnectorRegistry& connectors;
    const SecretBox& secrets;
    CredentialVault* vault;  // may be null: then a connector cannot store rotated tokens
    const TimeSource& clock;
    SyncMetrics& metrics;
    SyncOptions options;
    std::function<void()> outbox_notify;  // may be empty; called after each committed page
    std::string entity = "orders";        // what this job syncs: "orders" or "products"
};

// The "sync.orders" and "sync.products" jobs ({"run_id":…,"connection_id":…}), one instance per
// entity: pages through the platform from the run's checkpoint, one write transaction per page
// (order_page_writer.hpp, product_page_writer.hpp), renewing the run's lease and the delivery's
// visibility between pages. A products run ends by removing listings the platform no longer
// has and recording duplicated SKUs on the run.
//
// At-least-once safe: a delivery for a finished run does nothing; a crashed or stopped run
// resumes from its checkpoint. Outcomes: connector kRateLimited/kUnavailable/kTimeout and
// storage errors are noted on the run and returned (the worker retries with backoff) while the
// run keeps its lease, which lapses after lease_ttl if no attempt renews it. Rejected
// credentials mark the connection reauth_required; they, a gone or inactive connection and
// other connector errors fail the run, release the lease and return success (the run holds the
// error; a retry cannot help). A shutdown stop returns kUnavailable (the run resumes later).
// Thread-safe: each Run uses only its own locals.
class SyncJob {
public:
    explicit SyncJob(SyncJobDeps deps) : deps_(std::move(deps)) {}

    [[nodiscard]] Status Run(const Job& job, JobContext& context);

    // A JobHandler calling Run on this object, which must outlive the worker pool.
    JobHandler Handler();

private:
    struct Attempt;
    enum class PageStep { kMore, kLast, kGaveUp };

    // Loads the run under its lease; nullopt when there is nothing to do.
    [[nodiscard]] Result<std::optional<SyncRun>> ClaimRun(int64_t connection_id, int64_t run_id);
    // Loads the connection, credentials and connector and starts the run; false when the run
    // was given up instead (connection gone or inactive, credentials or connector unusable).
    [[nodiscard]] Result<bool> Prepare(Attempt& attempt);
    [[nodiscard]] Status PageLoop(Attempt& attempt, JobContext& context);
    // One page fetched and committed.
    [[nodiscard]] Result<PageStep> SyncPage(Attempt& attempt);
    [[nodiscard]] Result<PageStep> SyncOrderPage(Attempt& attempt);
    [[nodiscard]] Result<PageStep> SyncProductPage(Attempt& attempt);
    [[nodiscard]] Result<PageStep> Committed(Attempt& attempt, const std::string& next_cursor);
    [[nodiscard]] Result<PageStep> OnConnectorError(Attempt& attempt, const Error& error);
    [[nodiscard]] Status Complete(const SyncRun& run);
    // Fails the run for good, frees its lease; the job itself succeeds.
    [[nodiscard]] Status GiveUp(const SyncRun& run, const std::string& why);
    void CountPage(const Attempt& attempt, const SyncRunCounts& delta);

    SyncJobDeps deps_;
    const log::Logger logger_{"worker.sync"};
};

}  // namespace scs
