#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "observability/log.hpp"
#include "push/inventory_plan.hpp"
#include "push/push_jobs.hpp"

namespace scs {

struct PushTarget;

// The "push.inventory" job ({"connection_id":…,"push_id":…}): pushes every pending inventory
// item of the connection (not only the named push's: coalescing works across pushes), one batch
// of up to kMaxInventorySetItems at a time. Per batch: plan (inventory_plan.hpp), read the levels
// the ledger does not know, set the rest with compare-and-set under an idempotency key derived
// from the batch's content (a retry after a crash between the platform call and the commit sends
// the same key, so the platform replays instead of applying twice), re-read and retry stale
// items with min(target, current) a few times, then settle the batch's items and ledger in one
// transaction, heartbeating between batches.
//
// Outcomes: kRateLimited/kUnavailable/kTimeout from the platform settle what was decided and
// return the error (the worker retries with backoff); on the queue's last delivery the remaining
// items are settled failed with it instead (the message then goes to the dead letters). Rejected
// credentials mark the connection reauth_required; they, a gone or inactive connection and other
// platform errors settle every pending item failed and return success (a retry cannot help).
// Thread-safe: each Run uses only its own locals.
class InventoryPushJob {
public:
    explicit InventoryPushJob(PushJobDeps deps) : deps_(deps) {}

    [[nodiscard]] Status Run(const Job& job, JobContext& context);

    // A JobHandler calling Run on this object, which must outlive the worker pool.
    JobHandler Handler();

private:
    // What one batch decided, and the platform error that stopped it early, if any.
    struct BatchOutcome {
        std::vector<ItemSettlement> settled;  // the rest of the batch stays pending
        std::optional<Error> error;
    };

    [[nodiscard]] Status PushAll(PushTarget& target, JobContext& context);

    [[nodiscard]] Result<InventoryPlan> PlanBatch(const Connection& connection, bool& more);
    BatchOutcome PushBatch(PushTarget& target, InventoryPlan plan);
    // Reads the levels of sets without change_from; settles those that need nothing or fail.
    [[nodiscard]] Status ReadMissingLevels(PushTarget& target,
                                           std::vector<PlannedSet>& sets,
                                           std::vector<ItemSettlement>& settled);
    // One SetInventory call; the sets to retry (stale) are left in `sets`.
    [[nodiscard]] Status SetLevels(PushTarget& target,
                                   std::vector<PlannedSet>& sets,
                                   std::vector<ItemSettlement>& settled);
    [[nodiscard]] Status RereadStale(PushTarget& target,
                                     std::vector<PlannedSet>& sets,
                                     std::vector<ItemSettlement>& settled);
    [[nodiscard]] Status Settle(int64_t connection_id,
                                const std::vector<ItemSettlement>& settlements);
    // Settles every pending item of the connection failed with `error`.
    [[nodiscard]] Status FailAllPending(int64_t connection_id, const Error& error);
    [[nodiscard]] Status OnBatchError(const PushTarget& target,
                                      const Error& error,
                                      const JobContext& context);

    PushJobDeps deps_;
    const log::Logger logger_{"worker.push_inventory"};
};

}  // namespace scs
