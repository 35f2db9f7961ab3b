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

// What the ingress did with one delivery: the `result` label of scs_webhooks_received_total.
enum class WebhookIngestResult {
    kAccepted,         // stored and enqueued: 200
    kDuplicate,        // already stored: 200, nothing new
    kBadSignature,     // the signature did not verify: 401
    kUnknownStore,     // no live connection for the store: 401
    kBadRequest,       // identifying headers missing: 400
    kUnavailable,      // the database or outbox failed: 503
    kUnknownPlatform,  // no webhook support for that platform tag: 404
    kPing,             // a platform's test delivery (WooCommerce's creation ping): 200, not stored
};

std::string_view WebhookIngestResultName(WebhookIngestResult result);

// The ingress metrics: scs_webhooks_received_total{platform,result} and
// scs_webhook_ingest_seconds{platform} (request handling time, verification and the database
// commit included). Labels stay bounded: unknown platform tags count as "unknown". Borrows
// families owned by the Metrics, which must outlive it. Thread-safe.
class WebhookMetrics {
public:
    explicit WebhookMetrics(Metrics& metrics);

    void Record(std::string_view platform,
                WebhookIngestResult result,
                std::chrono::microseconds latency);

private:
    prometheus::Family<prometheus::Counter>& received_;
    prometheus::Family<prometheus::Histogram>& ingest_;
};

}  // namespace scs
