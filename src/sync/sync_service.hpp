#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "jobs/queue.hpp"
#include "state/state_store.hpp"
#include "storage/sql.hpp"
#include "storage/sync_run_store.hpp"
#include "sync/sync_policy.hpp"

namespace scs {

// The job types of an orders sync (carried on kFetchOrdersQueue) and of a products sync
// (kFetchProductsQueue).
inline constexpr std::string_view kSyncOrdersJobType = "sync.orders";
inline constexpr std::string_view kSyncProductsJobType = "sync.products";

// The job type that syncs `entity` ("orders" or "products").
std::string_view SyncJobType(std::string_view entity);

// What the status endpoint answers, as the seed does. current_status: "in_progress" while the
// run's lease lives; "retrying" when the latest run waits for its next attempt; "failed" when
// it failed; "idle" otherwise (also before any sync).
struct SyncStatusView {
    bool is_valid = true;
    std::optional<TimePoint> last_sync;
    std::optional<std::chrono::seconds> retry_after;
    bool enable_button = true;  // = is_valid
    std::string current_status = "idle";
};

struct SyncRequest {
    std::string entity = "orders";
    std::optional<TimePoint> from;  // empty: continue from the cursor minus the overlap
    SyncTrigger trigger = SyncTrigger::kManual;
};

struct TriggeredSync {
    SyncRun run;
    SyncStatusView status;
};

// Everything SyncService uses; all outlive it (the composition root owns them).
struct SyncServiceDeps {
    SqlExecutor& executor;  // the service database: sync runs and cursors
    StateStore& state;      // leases and last-sync times
    Queue& fetch_orders;    // kFetchOrdersQueue with the deployment prefix
    const TimeSource& clock;
    SyncOptions options;
    Queue* fetch_products = nullptr;  // kFetchProductsQueue; null: products syncs are refused
};

// Starts syncs and reports their status (DESIGN §4 "Sync"). A trigger checks validity, creates
// a queued run, takes the "sync in progress" lease for the run, supersedes older runs left
// active without a lease (a dead worker's), and enqueues the job (group = connection, dedup id
// = connection:entity:run) on the entity's queue. Thread-safe; concurrent triggers race on the
// lease, one wins.
class SyncService {
public:
    explicit SyncService(SyncServiceDeps deps) : deps_(std::move(deps)) {}

    // kBadRequest for an entity that cannot sync; kConflict for a paused connection,
    // kInvalidCredentials for one that needs re-authorisation; kSyncInProgress; kRateLimited
    // with retry_after inside the freeze time; kUnavailable when the job could not be enqueued
    // (the run is then failed and the lease released).
    [[nodiscard]] Result<TriggeredSync> Trigger(const Connection& connection,
                                                const SyncRequest& request);

    // The seed's sync status of one entity. kBadRequest for an entity that cannot sync.
    [[nodiscard]] Result<SyncStatusView> ReadStatus(const Connection& connection,
                                                    std::string_view entity);

    const SyncOptions& Options() const { return deps_.options; }

private:
    struct Observed {
        bool in_progress = false;
        std::optional<TimePoint> last_sync;
    };

    [[nodiscard]] Result<Observed> Observe(const Connection& connection, std::string_view entity);
    [[nodiscard]] Result<SyncRun> CreateRun(const Connection& connection,
                                            const SyncRequest& request);
    [[nodiscard]] Status Enqueue(const SyncRun& run);
    // Marks the connection's other queued/running runs of the entity failed (best effort).
    void SupersedeOthers(const SyncRun& run);
    // Fails the run and frees its lease after a trigger could not complete.
    void Abandon(const SyncRun& run, const std::string& why, bool release_lease);

    SyncServiceDeps deps_;
};

}  // namespace scs
