#pragma once

#include <chrono>
#include <string_view>

#include "core/result.hpp"
#include "jobs/queue.hpp"
#include "observability/metrics.hpp"

namespace prometheus {
class Counter;
class Gauge;
class Histogram;
template <typename T>
class Family;
}  // namespace prometheus

namespace scs {

// Why a message went to the dead-letter queue; the `reason` label of
// scs_jobs_dead_lettered_total.
enum class DeadLetterCause { kAttemptsExhausted, kPermanentError, kUnparseable, kUnknownType };

// "attempts_exhausted", "permanent_error", "unparseable", "unknown_type".
std::string_view DeadLetterCauseLabel(DeadLetterCause cause);

// The worker's metrics. Queue labels are unprefixed queue names; type labels are registered
// job types only (an unknown type is counted by its dead letter, so labels stay bounded):
//   scs_jobs_processed_total{queue,type}          jobs whose handler succeeded
//   scs_jobs_failed_total{queue,type,code}        handler failures, code = ErrorCodeName
//   scs_jobs_retried_total{queue}                 failures scheduled for another attempt
//   scs_jobs_dead_lettered_total{queue,reason}    messages moved to the dead-letter queue
//   scs_job_duration_seconds{queue,type}          handler run time, successful or not
//   scs_queue_messages{queue,state}               state = visible | in_flight | dead_letters
//   scs_queue_oldest_message_age_seconds{queue}   only for backends that report it
// Built by the composition root; borrows families owned by the Metrics, which must outlive it.
// Thread-safe.
class JobMetrics {
public:
    explicit JobMetrics(Metrics& metrics);

    void RecordProcessed(std::string_view queue, std::string_view type);

    void RecordFailed(std::string_view queue, std::string_view type, ErrorCode code);

    void RecordRetried(std::string_view queue);

    void RecordDeadLettered(std::string_view queue, DeadLetterCause cause);

    void ObserveDuration(std::string_view queue,
                         std::string_view type,
                         std::chrono::microseconds duration);

    void RecordQueueStats(std::string_view queue, const QueueStats& stats);

private:
    prometheus::Family<prometheus::Counter>& processed_;
    prometheus::Family<prometheus::Counter>& failed_;
    prometheus::Family<prometheus::Counter>& retried_;
    prometheus::Family<prometheus::Counter>& dead_lettered_;
    prometheus::Family<prometheus::Histogram>& duration_;
    prometheus::Family<prometheus::Gauge>& messages_;
    prometheus::Family<prometheus::Gauge>& oldest_age_;
};

}  // namespace scs
