#include "jobs/worker/job_metrics.hpp"

#include <array>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace scs {
namespace {

constexpr std::array<std::string_view, 4> kCauseLabels = {
    "attempts_exhausted", "permanent_error", "unparseable", "unknown_type"};

// From 5 ms for a no-op webhook to 5 minutes for a full catalogue page run.
prometheus::Histogram::BucketBoundaries DurationBuckets() {
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
}

double Seconds(std::chrono::milliseconds duration) {
    return std::chrono::duration<double>(duration).count();
}

}  // namespace

std::string_view DeadLetterCauseLabel(DeadLetterCause cause) {
    return kCauseLabels.at(static_cast<size_t>(cause));
}

JobMetrics::JobMetrics(Metrics& metrics)
    : processed_(prometheus::BuildCounter()
                     .Name("scs_jobs_processed_total")
                     .Help("Jobs whose handler succeeded, by queue and job type.")
                     .Register(metrics.Registry())),
      failed_(prometheus::BuildCounter()
                  .Name("scs_jobs_failed_total")
                  .Help("Failed job attempts, by queue, job type and error code.")
                  .Register(metrics.Registry())),
      retried_(prometheus::BuildCounter()
                   .Name("scs_jobs_retried_total")
                   .Help("Failed job attempts scheduled to run again, by queue.")
                   .Register(metrics.Registry())),
      dead_lettered_(prometheus::BuildCounter()
                         .Name("scs_jobs_dead_lettered_total")
                         .Help("Messages moved to the dead-letter queue, by queue and reason.")
                         .Register(metrics.Registry())),
      duration_(prometheus::BuildHistogram()
                    .Name("scs_job_duration_seconds")
                    .Help("Job handler run time in seconds, by queue and job type.")
                    .Register(metrics.Registry())),
      messages_(prometheus::BuildGauge()
                    .Name("scs_queue_messages")
                    .Help("Approximate messages in a queue, by state.")
                    .Register(metrics.Registry())),
      oldest_age_(prometheus::BuildGauge()
                      .Name("scs_queue_oldest_message_age_seconds")
                      .Help("How long the oldest message of a queue has waited.")
                      .Register(metrics.Registry())) {}

void JobMetrics::RecordProcessed(std::string_view queue, std::string_view type) {
    processed_.Add({{"queue", std::string(queue)}, {"type", std::string(type)}}).Increment();
}

void JobMetrics::RecordFailed(std::string_view queue, std::string_view type, ErrorCode code) {
    failed_
        .Add({{"queue", std::string(queue)},
              {"type", std::string(type)},
              {"code", std::string(ErrorCodeName(code))}})
        .Increment();
}

void JobMetrics::RecordRetried(std::string_view queue) {
    retried_.Add({{"queue", std::string(queue)}}).Increment();
}

void JobMetrics::RecordDeadLettered(std::string_view queue, DeadLetterCause cause) {
    dead_lettered_
        .Add({{"queue", std::string(queue)}, {"reason", std::string(DeadLetterCauseLabel(cause))}})
        .Increment();
}

void JobMetrics::ObserveDuration(std::string_view queue,
                                 std::string_view type,
                                 std::chrono::microseconds duration) {
    duration_.Add({{"queue", std::string(queue)}, {"type", std::string(type)}}, DurationBuckets())
        .Observe(std::chrono::duration<double>(duration).count());
}

void JobMetrics::RecordQueueStats(std::string_view queue, const QueueStats& stats) {
    const std::string label(queue);
    messages_.Add({{"queue", label}, {"state", "visible"}}).Set(static_cast<double>(stats.visible));
    messages_.Add({{"queue", label}, {"state", "in_flight"}})
        .Set(static_cast<double>(stats.in_flight));
    messages_.Add({{"queue", label}, {"state", "dead_letters"}})
        .Set(static_cast<double>(stats.dead_letters));
    if (stats.oldest_age) {
        oldest_age_.Add({{"queue", label}}).Set(Seconds(*stats.oldest_age));
    }
}

}  // namespace scs
