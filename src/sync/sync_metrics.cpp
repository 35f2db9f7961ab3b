#include "sync/sync_metrics.hpp"

#include <string>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

namespace scs {

SyncMetrics::SyncMetrics(Metrics& metrics)
    : orders_(prometheus::BuildCounter()
                  .Name("scs_sync_orders_total")
                  .Help("Orders handled by sync runs, by platform and result.")
                  .Register(metrics.Registry())),
      recovered_(prometheus::BuildCounter()
                     .Name("scs_orders_recovered_by_poll_total")
                     .Help("Orders found by reconciliation that no webhook had delivered.")
                     .Register(metrics.Registry())) {}

void SyncMetrics::CountOrders(std::string_view platform, std::string_view result, int64_t count) {
    if (count <= 0) {
        return;
    }
    orders_.Add({{"platform", std::string(platform)}, {"result", std::string(result)}})
        .Increment(static_cast<double>(count));
}

void SyncMetrics::CountRecovered(std::string_view platform, int64_t count) {
    if (count <= 0) {
        return;
    }
    recovered_.Add({{"platform", std::string(platform)}}).Increment(static_cast<double>(count));
}

}  // namespace scs
