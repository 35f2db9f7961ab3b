#include "webhooks/webhook_metrics.hpp"

#include <array>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace scs {
namespace {

constexpr std::array<std::string_view, 8> kResultNames = {"accepted",
                                                          "duplicate",
                                                          "bad_signature",
                                                          "unknown_store",
                                                          "bad_request",
                                                          "unavailable",
                                                          "unknown_platform",
                                                          "ping"};

// Shopify gives up after 5 s; most deliveries should finish within a few milliseconds.
prometheus::Histogram::BucketBoundaries IngestBuckets() {
    return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
}

}  // namespace

std::string_view WebhookIngestResultName(WebhookIngestResult result) {
    return kResultNames.at(static_cast<size_t>(result));
}

WebhookMetrics::WebhookMetrics(Metrics& metrics)
    : received_(prometheus::BuildCounter()
                    .Name("scs_webhooks_received_total")
                    .Help("Webhook deliveries received, by platform and what the ingress did.")
                    .Register(metrics.Registry())),
      ingest_(prometheus::BuildHistogram()
                  .Name("scs_webhook_ingest_seconds")
                  .Help("Time to verify, store and enqueue one webhook delivery, by platform.")
                  .Register(metrics.Registry())) {}

void WebhookMetrics::Record(std::string_view platform,
                            WebhookIngestResult result,
                            std::chrono::microseconds latency) {
    const std::string platform_label(platform);
    received_
        .Add({{"platform", platform_label},
              {"result", std::string(WebhookIngestResultName(result))}})
        .Increment();
    ingest_.Add({{"platform", platform_label}}, IngestBuckets())
        .Observe(std::chrono::duration<double>(latency).count());
}

}  // namespace scs
