#include "jobs/outbox/outbox_metrics.hpp"

#include <string>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

namespace scs {

OutboxMetrics::OutboxMetrics(Metrics& metrics)
    : published_(prometheus::BuildCounter()
                     .Name("scs_outbox_published_total")
                     .Help("Outbox messages published to their queue, by queue.")
                     .Register(metrics.Registry())),
      failures_(prometheus::BuildCounter()
                    .Name("scs_outbox_publish_failures_total")
                    .Help("Failed outbox publish attempts (unknown queue included), by queue.")
                    .Register(metrics.Registry())),
      pending_(prometheus::BuildGauge()
                   .Name("scs_outbox_pending")
                   .Help("Outbox messages not yet published, as of the relay's latest pass.")
                   .Register(metrics.Registry())) {}

void OutboxMetrics::Published(std::string_view queue) {
    published_.Add({{"queue", std::string(queue)}}).Increment();
}

void OutboxMetrics::Failed(std::string_view queue) {
    failures_.Add({{"queue", std::string(queue)}}).Increment();
}

void OutboxMetrics::SetPending(int64_t rows) {
    pending_.Add({}).Set(static_cast<double>(rows));
}

}  // namespace scs
