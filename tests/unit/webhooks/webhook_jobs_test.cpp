#include "webhooks/webhook_jobs.hpp"

#include <gtest/gtest.h>

#include "jobs/queue_names.hpp"
#include "jobs/worker/job.hpp"

namespace scs {
namespace {

TEST(WebhookJobsTest, JobMessageGoesToTheWebhooksQueueGroupedByConnection) {
    const auto message = WebhookJobMessage(42, 7);
    EXPECT_EQ(message.queue, kWebhooksQueue);
    EXPECT_EQ(message.group_id, "7");
    EXPECT_EQ(message.dedup_id, "webhook-42");
    auto job = ParseJob(message.body);
    ASSERT_TRUE(job) << job.error().message;
    EXPECT_EQ(job->type, kWebhookProcessJobType);
    EXPECT_EQ(ParseWebhookJobPayload(job->payload_json).value_or(0), 42);
}

TEST(WebhookJobsTest, ReplayDedupIdDiffersFromTheFirstJob) {
    EXPECT_EQ(WebhookJobMessage(42, 7, "-replay-9").dedup_id, "webhook-42-replay-9");
}

TEST(WebhookJobsTest, PayloadNeedsAPositiveEventId) {
    for (const auto* payload : {"{}", R"({"event_id":0})", R"({"event_id":"5"})", "[]", "nope"}) {
        auto id = ParseWebhookJobPayload(payload);
        ASSERT_FALSE(id) << payload;
        EXPECT_EQ(id.error().code, ErrorCode::kInvalidPayload);
    }
}

}  // namespace
}  // namespace scs
