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

// The sync job's metrics: scs_sync_orders_total{platform,result} (result: created, updated,
// unchanged, failed) and scs_orders_recovered_by_poll_total{platform} (orders a reconcile run
// created: no webhook had delivered them). Borrows families owned by the Metrics, which must
// outlive it. Thread-safe.
class SyncMetrics {
public:
    explicit SyncMetrics(Metrics& metrics);

    void CountOrders(std::string_view platform, std::string_view result, int64_t count);
    void CountRecovered(std::string_view platform, int64_t count);

private:
    prometheus::Family<prometheus::Counter>& orders_;
    prometheus::Family<prometheus::Counter>& recovered_;
};

}  // namespace scs
