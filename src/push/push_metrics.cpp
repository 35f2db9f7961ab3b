#include "push/push_metrics.hpp"

#include <string>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

namespace scs {

PushMetrics::PushMetrics(Metrics& metrics)
    : pushes_(prometheus::BuildCounter()
                  .Name("scs_pushes_total")
                  .Help("Push attempts to the stores, by kind and outcome.")
                  .Register(metrics.Registry())),
      items_(prometheus::BuildCounter()
                 .Name("scs_push_items_total")
                 .Help("Inventory push items settled, by state.")
                 .Register(metrics.Registry())) {}

void PushMetrics::CountPush(std::string_view kind, std::string_view outcome) {
    pushes_.Add({{"kind", std::string(kind)}, {"outcome", std::string(outcome)}}).Increment();
}

void PushMetrics::CountItems(std::string_view state, int64_t count) {
    if (count <= 0) {
        return;
    }
    items_.Add({{"state", std::string(state)}}).Increment(static_cast<double>(count));
}

}  // namespace scs
