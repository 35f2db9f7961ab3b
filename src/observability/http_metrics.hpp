#pragma once

#include <chrono>
#include <string_view>

#include "observability/metrics.hpp"

namespace prometheus {
class Counter;
class Histogram;
template <typename T>
class Family;
}  // namespace prometheus

namespace scs {

// Request counts and latencies of the HTTP server, recorded by the server's observer:
// scs_http_requests_total{route,method,status} and
// scs_http_request_duration_seconds{route,method}. Labels stay bounded: the route is the
// matched pattern ("unmatched" when none matched) and unknown methods count as "OTHER".
// Built by the composition root; borrows families owned by the Metrics, which must outlive it.
// Thread-safe.
class HttpMetrics {
public:
    explicit HttpMetrics(Metrics& metrics);

    void Record(std::string_view route,
                std::string_view method,
                int status,
                std::chrono::microseconds latency);

private:
    prometheus::Family<prometheus::Counter>& requests_;
    prometheus::Family<prometheus::Histogram>& duration_;
};

}  // namespace scs
