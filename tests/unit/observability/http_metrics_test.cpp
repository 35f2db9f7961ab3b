#include "observability/http_metrics.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::microseconds;

bool Has(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos;
}

TEST(HttpMetrics, CountsRequestsByRouteMethodAndStatus) {
    Metrics metrics("1.0.0", "c");
    HttpMetrics http(metrics);
    http.Record("/api/v1/sellers/{seller_id}/orders", "GET", 200, microseconds(1500));
    http.Record("/api/v1/sellers/{seller_id}/orders", "GET", 200, microseconds(2500));
    http.Record("/api/v1/sellers/{seller_id}/orders", "GET", 404, microseconds(100));
    const std::string text = metrics.Serialize();
    EXPECT_TRUE(Has(
        text,
        R"(scs_http_requests_total{method="GET",route="/api/v1/sellers/{seller_id}/orders",status="200"} 2)"))
        << text;
    EXPECT_TRUE(Has(
        text,
        R"(scs_http_requests_total{method="GET",route="/api/v1/sellers/{seller_id}/orders",status="404"} 1)"));
}

TEST(HttpMetrics, RecordsLatencyHistogramInSeconds) {
    Metrics metrics("1.0.0", "c");
    HttpMetrics http(metrics);
    http.Record("/health", "GET", 200, microseconds(3000));
    http.Record("/health", "GET", 503, microseconds(2'000'000));
    const std::string text = metrics.Serialize();
    EXPECT_NE(text.find("# TYPE scs_http_request_duration_seconds histogram"), std::string::npos);
    EXPECT_TRUE(
        Has(text, R"(scs_http_request_duration_seconds_count{method="GET",route="/health"} 2)"))
        << text;
    EXPECT_TRUE(
        Has(text, R"(scs_http_request_duration_seconds_sum{method="GET",route="/health"} 2.003)"));
    EXPECT_TRUE(Has(
        text,
        R"(scs_http_request_duration_seconds_bucket{method="GET",route="/health",le="0.005"} 1)"));
    EXPECT_TRUE(Has(
        text,
        R"(scs_http_request_duration_seconds_bucket{method="GET",route="/health",le="2.5"} 2)"));
}

TEST(HttpMetrics, BoundsLabelValues) {
    Metrics metrics("1.0.0", "c");
    HttpMetrics http(metrics);
    http.Record("", "GET", 404, microseconds(10));
    http.Record("/health", "BREW", 405, microseconds(10));
    const std::string text = metrics.Serialize();
    EXPECT_TRUE(
        Has(text, R"(scs_http_requests_total{method="GET",route="unmatched",status="404"} 1)"))
        << text;
    EXPECT_TRUE(
        Has(text, R"(scs_http_requests_total{method="OTHER",route="/health",status="405"} 1)"));
    EXPECT_EQ(text.find("BREW"), std::string::npos);
}

}  // namespace
}  // namespace scs
