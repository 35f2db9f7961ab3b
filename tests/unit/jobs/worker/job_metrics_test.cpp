#include "jobs/worker/job_metrics.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;

bool Has(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos;
}

class JobMetricsTest : public ::testing::Test {
protected:
    Metrics metrics_{"1.0.0", "c"};
    JobMetrics jobs_{metrics_};
};

TEST_F(JobMetricsTest, CountsProcessedFailedAndRetriedJobs) {
    jobs_.RecordProcessed("fetch-orders.fifo", "sync_orders");
    jobs_.RecordProcessed("fetch-orders.fifo", "sync_orders");
    jobs_.RecordFailed("fetch-orders.fifo", "sync_orders", ErrorCode::kRateLimited);
    jobs_.RecordRetried("fetch-orders.fifo");
    const std::string text = metrics_.Serialize();
    EXPECT_TRUE(
        Has(text, R"(scs_jobs_processed_total{queue="fetch-orders.fifo",type="sync_orders"} 2)"))
        << text;
    EXPECT_TRUE(Has(
        text,
        R"(scs_jobs_failed_total{code="RATE_LIMIT_EXCEEDED",queue="fetch-orders.fifo",type="sync_orders"} 1)"));
    EXPECT_TRUE(Has(text, R"(scs_jobs_retried_total{queue="fetch-orders.fifo"} 1)"));
}

TEST_F(JobMetricsTest, CountsDeadLettersByReason) {
    jobs_.RecordDeadLettered("webhooks", DeadLetterCause::kAttemptsExhausted);
    jobs_.RecordDeadLettered("webhooks", DeadLetterCause::kPermanentError);
    jobs_.RecordDeadLettered("webhooks", DeadLetterCause::kUnparseable);
    jobs_.RecordDeadLettered("webhooks", DeadLetterCause::kUnknownType);
    jobs_.RecordDeadLettered("webhooks", DeadLetterCause::kUnknownType);
    const std::string text = metrics_.Serialize();
    for (const char* reason : {"attempts_exhausted", "permanent_error", "unparseable"}) {
        EXPECT_TRUE(Has(text,
                        std::string(R"(scs_jobs_dead_lettered_total{queue="webhooks",reason=")") +
                            reason + R"("} 1)"))
            << reason << "\n"
            << text;
    }
    EXPECT_TRUE(
        Has(text, R"(scs_jobs_dead_lettered_total{queue="webhooks",reason="unknown_type"} 2)"));
}

TEST_F(JobMetricsTest, ObservesDurationsInSecondsUpToFiveMinutes) {
    jobs_.ObserveDuration("webhooks", "order_webhook", milliseconds(3));
    jobs_.ObserveDuration("webhooks", "order_webhook", milliseconds(200'000));
    const std::string text = metrics_.Serialize();
    EXPECT_TRUE(
        Has(text, R"(scs_job_duration_seconds_count{queue="webhooks",type="order_webhook"} 2)"))
        << text;
    EXPECT_TRUE(Has(
        text, R"(scs_job_duration_seconds_sum{queue="webhooks",type="order_webhook"} 200.003)"));
    EXPECT_TRUE(Has(
        text,
        R"(scs_job_duration_seconds_bucket{queue="webhooks",type="order_webhook",le="0.005"} 1)"));
    EXPECT_TRUE(Has(
        text,
        R"(scs_job_duration_seconds_bucket{queue="webhooks",type="order_webhook",le="120"} 1)"));
    EXPECT_TRUE(Has(
        text,
        R"(scs_job_duration_seconds_bucket{queue="webhooks",type="order_webhook",le="300"} 2)"));
}

TEST_F(JobMetricsTest, SetsQueueGauges) {
    jobs_.RecordQueueStats("oms-orders", QueueStats{7, 2, 1, milliseconds(1500)});
    std::string text = metrics_.Serialize();
    EXPECT_TRUE(Has(text, R"(scs_queue_messages{queue="oms-orders",state="visible"} 7)")) << text;
    EXPECT_TRUE(Has(text, R"(scs_queue_messages{queue="oms-orders",state="in_flight"} 2)"));
    EXPECT_TRUE(Has(text, R"(scs_queue_messages{queue="oms-orders",state="dead_letters"} 1)"));
    EXPECT_TRUE(Has(text, R"(scs_queue_oldest_message_age_seconds{queue="oms-orders"} 1.5)"));
    jobs_.RecordQueueStats("oms-orders", QueueStats{0, 0, 0, milliseconds(0)});
    text = metrics_.Serialize();
    EXPECT_TRUE(Has(text, R"(scs_queue_messages{queue="oms-orders",state="visible"} 0)")) << text;
    EXPECT_TRUE(Has(text, R"(scs_queue_oldest_message_age_seconds{queue="oms-orders"} 0)"));
}

TEST_F(JobMetricsTest, LeavesTheAgeGaugeUnsetWhenTheBackendCannotTell) {
    jobs_.RecordQueueStats("fetch-orders.fifo", QueueStats{3, 0, 0, std::nullopt});
    const std::string text = metrics_.Serialize();
    EXPECT_TRUE(Has(text, R"(scs_queue_messages{queue="fetch-orders.fifo",state="visible"} 3)"))
        << text;
    EXPECT_EQ(text.find(R"(scs_queue_oldest_message_age_seconds{queue="fetch-orders.fifo"})"),
              std::string::npos);
}

}  // namespace
}  // namespace scs
