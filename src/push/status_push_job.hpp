#pragma once

#include "core/result.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "push/push_jobs.hpp"
#include "storage/push_store.hpp"

namespace scs {

struct PushTarget;

// The "push.status" job ({"connection_id":…,"push_id":…}): cancels or closes the order through
// the connector and ends the push done (result_json: {"done":true,"already":…}) or failed
// (NOT_FOUND, ORDER_STATE_CONFLICT when the order's state refuses the change, BAD_REQUEST,
// INVALID_CREDENTIALS, or the transient error's code after the last delivery).
//
// An asynchronous platform job (Shopify's cancel) that has not finished is noted on the push
// ({"pending_job":…}) and the job returns kUnavailable, so the worker retries soon and the next
// attempt waits for that platform job instead of asking again. A finished push is left alone.
// Thread-safe: each Run uses only its own locals.
class StatusPushJob {
public:
    explicit StatusPushJob(PushJobDeps deps) : deps_(deps) {}

    [[nodiscard]] Status Run(const Job& job, JobContext& context);

    // A JobHandler calling Run on this object, which must outlive the worker pool.
    JobHandler Handler();

private:
    [[nodiscard]] Status Change(PushTarget& target, const PushRecord& record, JobContext& context);

    PushJobDeps deps_;
};

}  // namespace scs
