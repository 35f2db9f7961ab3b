#pragma once

#include "core/result.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "observability/log.hpp"
#include "push/push_jobs.hpp"
#include "storage/push_store.hpp"

namespace scs {

struct PushTarget;

// The "push.fulfillment" job ({"connection_id":…,"push_id":…}): ships the push's lines with
// tracking through the connector and ends the push done (result_json: fulfillment_id,
// already_existed) or failed (NOT_FOUND, ALREADY_FULFILLED for nothing left to fulfil,
// BAD_REQUEST, INVALID_CREDENTIALS, or the transient error's code after the last delivery).
//
// Never ships twice: a finished push is left alone (duplicate delivery); with a tracking number
// the connector finds the fulfilment an earlier, interrupted attempt created; without one, the
// job notes {"platform_call":"started"} before calling, and a later attempt that meets "nothing
// remains to fulfil" after such a note ends the push done (already_existed) instead of failed.
// Transient errors are noted on the push and returned (the worker retries with backoff).
// Thread-safe: each Run uses only its own locals.
class FulfillmentPushJob {
public:
    explicit FulfillmentPushJob(PushJobDeps deps) : deps_(deps) {}

    [[nodiscard]] Status Run(const Job& job, JobContext& context);

    // A JobHandler calling Run on this object, which must outlive the worker pool.
    JobHandler Handler();

private:
    [[nodiscard]] Status Ship(PushTarget& target, const PushRecord& record, JobContext& context);

    PushJobDeps deps_;
    const log::Logger logger_{"worker.push_fulfillment"};
};

}  // namespace scs
