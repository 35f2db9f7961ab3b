#pragma once

#include <cstdint>
#include <string_view>

#include "observability/metrics.hpp"

namespace prometheus {
class Counter;
template <typename T>
class Family;
}  // namespace prometheus

namespace scs {

// The push jobs' metrics: scs_pushes_total{kind,outcome} (kind: inventory, fulfillment, status;
// outcome: done, failed, skipped, retried) and scs_push_items_total{state} (inventory items
// settled: done, skipped, failed). Borrows families owned by the Metrics, which must outlive it.
// Thread-safe.
class PushMetrics {
public:
    explicit PushMetrics(Metrics& metrics);

    void CountPush(std::string_view kind, std::string_view outcome);
    void CountItems(std::string_view state, int64_t count);

private:
    prometheus::Family<prometheus::Counter>& pushes_;
    prometheus::Family<prometheus::Counter>& items_;
};

}  // namespace scs
