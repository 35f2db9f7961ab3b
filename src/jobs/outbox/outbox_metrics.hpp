#pragma once

#include <cstdint>
#include <string_view>

#include "observability/metrics.hpp"

namespace prometheus {
class Counter;
class Gauge;
template <typename T>
class Family;
}  // namespace prometheus

namespace scs {

// The relay's metrics: scs_outbox_published_total{queue}, scs_outbox_publish_failures_total{queue}
// and scs_outbox_pending (rows not yet sent, as of the latest pass). Borrows families owned by
// the Metrics, which must outlive it; several relays on one Metrics share them. Thread-safe.
class OutboxMetrics {
public:
    explicit OutboxMetrics(Metrics& metrics);

    void Published(std::string_view queue);
    void Failed(std::string_view queue);
    void SetPending(int64_t rows);

private:
    prometheus::Family<prometheus::Counter>& published_;
    prometheus::Family<prometheus::Counter>& failures_;
    prometheus::Family<prometheus::Gauge>& pending_;
};

}  // namespace scs
