#include "observability/metrics.hpp"

#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "observability/process_stats.hpp"

namespace scs {

Metrics::Metrics(std::string version, std::string commit)
    : registry_(std::make_unique<prometheus::Registry>()) {
    prometheus::BuildGauge()
        .Name("scs_build_info")
        .Help("Version and commit of the running build; always 1.")
        .Register(*registry_)
        .Add({{"version", std::move(version)}, {"commit", std::move(commit)}})
        .Set(1);
}

Metrics::~Metrics() = default;

std::string Metrics::Serialize() const {
    auto families = registry_->Collect();
    auto process = ProcessMetricFamilies(ReadProcessStats());
    families.insert(families.end(),
                    std::make_move_iterator(process.begin()),
                    std::make_move_iterator(process.end()));
    return prometheus::TextSerializer().Serialize(families);
}

}  // namespace scs
