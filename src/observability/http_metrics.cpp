#include "observability/http_metrics.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace scs {
namespace {

constexpr std::array<std::string_view, 7> kKnownMethods = {
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

std::string MethodLabel(std::string_view method) {
    const bool known =
        std::find(kKnownMethods.begin(), kKnownMethods.end(), method) != kKnownMethods.end();
    return known ? std::string(method) : "OTHER";
}

std::string RouteLabel(std::string_view route) {
    return route.empty() ? "unmatched" : std::string(route);
}

// From 5 ms for a cached read to 10 s for a request stuck on a dependency.
prometheus::Histogram::BucketBoundaries DurationBuckets() {
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace

HttpMetrics::HttpMetrics(Metrics& metrics)
    : requests_(prometheus::BuildCounter()
                    .Name("scs_http_requests_total")
                    .Help("HTTP requests served, by matched route, method and status.")
                    .Register(metrics.Registry())),
      duration_(prometheus::BuildHistogram()
                    .Name("scs_http_request_duration_seconds")
                    .Help("HTTP request latency in seconds, by matched route and method.")
                    .Register(metrics.Registry())) {}

void HttpMetrics::Record(std::string_view route,
                         std::string_view method,
                         int status,
                         std::chrono::microseconds latency) {
    const std::string route_label = RouteLabel(route);
    const std::string method_label = MethodLabel(method);
    requests_
        .Add({{"route", route_label}, {"method", method_label}, {"status", std::to_string(status)}})
        .Increment();
    duration_.Add({{"route", route_label}, {"method", method_label}}, DurationBuckets())
        .Observe(std::chrono::duration<double>(latency).count());
}

}  // namespace scs
