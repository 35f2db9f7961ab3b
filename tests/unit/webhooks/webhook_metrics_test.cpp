#include "webhooks/webhook_metrics.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(WebhookMetricsTest, CountsByPlatformAndResultAndObservesLatency) {
    Metrics metrics("test", "abc");
    WebhookMetrics webhooks(metrics);
    webhooks.Record("shopify", WebhookIngestResult::kAccepted, std::chrono::microseconds(1500));
    webhooks.Record("shopify", WebhookIngestResult::kAccepted, std::chrono::microseconds(800));
    webhooks.Record("shopify", WebhookIngestResult::kBadSignature, std::chrono::microseconds(10));
    const auto text = metrics.Serialize();
    EXPECT_NE(text.find(R"(scs_webhooks_received_total{platform="shopify",result="accepted"} 2)"),
              std::string::npos)
        << text;
    EXPECT_NE(
        text.find(R"(scs_webhooks_received_total{platform="shopify",result="bad_signature"} 1)"),
        std::string::npos);
    EXPECT_NE(text.find(R"(scs_webhook_ingest_seconds_count{platform="shopify"} 3)"),
              std::string::npos);
}

TEST(WebhookMetricsTest, ResultNamesAreTheDocumentedLabels) {
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kAccepted), "accepted");
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kDuplicate), "duplicate");
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kBadSignature), "bad_signature");
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kUnknownStore), "unknown_store");
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kBadRequest), "bad_request");
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kUnavailable), "unavailable");
    EXPECT_EQ(WebhookIngestResultName(WebhookIngestResult::kUnknownPlatform), "unknown_platform");
}

}  // namespace
}  // namespace scs
