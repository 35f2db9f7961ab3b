#pragma once

#include <memory>
#include <string>

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace scs {

// Owns the Prometheus registry of the process. Components take a Metrics& and build their own
// families in their constructors (prometheus::BuildCounter()...Register(metrics.Registry())).
// Created by the composition root and outlives every component. Thread-safe: registration and
// Serialize may run concurrently (prometheus::Registry locks internally).
class Metrics {
public:
    // Registers scs_build_info{version,commit} = 1.
    Metrics(std::string version, std::string commit);
    ~Metrics();
    Metrics(const Metrics&) = delete;
    Metrics& operator=(const Metrics&) = delete;
    Metrics(Metrics&&) = delete;
    Metrics& operator=(Metrics&&) = delete;

    prometheus::Registry& Registry() { return *registry_; }

    // Prometheus text exposition format of everything registered, plus the process metrics
    // (CPU, memory, file descriptors, start time) read from /proc/self at call time.
    std::string Serialize() const;

private:
    std::unique_ptr<prometheus::Registry> registry_;
};

}  // namespace scs
