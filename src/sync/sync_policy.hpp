#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// The pure rules of syncing (DESIGN §4 "Sync"): which entities sync, when a trigger is valid
// (the seed's CheckSyncEntityValidity), where a sync starts. No I/O; thread-safe.
namespace scs {

// What started a sync run; stored on the run as "manual" or "reconcile".
enum class SyncTrigger { kManual, kReconcile };

std::string_view SyncTriggerName(SyncTrigger trigger);

// The sync settings of the deployment (app/config.hpp SyncSettings) plus the lease length.
// Plain data, filled by the composition root.
struct SyncOptions {
    std::map<std::string, std::chrono::milliseconds> freeze_times{
        {"orders", std::chrono::minutes(2)}, {"products", std::chrono::minutes(5)}};
    std::map<std::string, int> batch_sizes{{"orders", 50}, {"products", 100}};
    std::chrono::milliseconds overlap{std::chrono::minutes(5)};
    std::chrono::milliseconds reconcile_interval{std::chrono::minutes(15)};
    // How long a run's "in progress" lease lives without renewal: bounds how long a dead
    // worker blocks the next sync. The job renews it between pages.
    std::chrono::milliseconds lease_ttl{std::chrono::minutes(2)};
};

// kBadRequest (field "entity") unless `entity` can be synced now: "orders" or "products". The
// other known entities (inventory, returns) are named as not supported yet.
[[nodiscard]] Status ValidateSyncEntity(std::string_view entity);

// The freeze time of `entity`: the connection's override, else the deployment's, else zero.
std::chrono::milliseconds FreezeTime(const SyncOptions& options,
                                     const ConnectionSettings& settings,
                                     std::string_view entity);

// The batch size of `entity` from the options; 50 when unset or not positive.
int BatchSize(const SyncOptions& options, std::string_view entity);

// The outcome of the validity check, as the status endpoint shows it.
struct SyncValidity {
    bool is_valid = true;
    bool in_progress = false;
    std::optional<std::chrono::seconds> retry_after;  // set while frozen
};

// The seed's CheckSyncEntityValidity: a sync in progress is refused; inside the freeze time
// since the last completed sync it is refused with the seconds left (rounded up); else valid.
// A reconcile trigger ignores the freeze time: its own interval paces it, and a seller's
// manual sync must not hold back the safety net.
SyncValidity CheckSyncValidity(bool in_progress,
                               std::optional<TimePoint> last_sync,
                               std::chrono::milliseconds freeze,
                               TimePoint now,
                               SyncTrigger trigger);

// The refusal for an invalid check: kSyncInProgress, or kRateLimited with retry_after.
[[nodiscard]] Status ValidityStatus(const SyncValidity& validity, std::string_view entity);

// Where a sync starts: the requested time when given; else the entity's cursor minus the
// overlap (so orders updated while the last page was read are seen again); else everything.
std::optional<TimePoint> SyncStartFrom(std::optional<TimePoint> requested,
                                       std::optional<TimePoint> cursor,
                                       std::chrono::milliseconds overlap);

// The state-store key of the "sync in progress" lease: "sync:<connection>:<entity>".
std::string SyncLeaseKey(int64_t connection_id, std::string_view entity);

// The lease owner for a run: the run, not the worker, holds it, so any worker resuming the run
// (after a crash or a retry) takes it over.
std::string SyncLeaseOwner(int64_t run_id);

// The last-sync entity under which the reconciler records its own triggers.
std::string ReconcileMarker(std::string_view entity);

// Whether a connection is due for reconciliation: never reconciled, or longer ago than the
// interval.
bool ReconcileDue(std::optional<TimePoint> last_reconcile,
                  std::chrono::milliseconds interval,
                  TimePoint now);

}  // namespace scs
