// QueueStatsSampler over both backends: gauges from Queue::Stats(), prompt stop, failures.
#include "jobs/worker/queue_stats_sampler.hpp"

#include <atomic>

#include <gtest/gtest.h>

#include "worker_fixture.hpp"

namespace scs::testing {
namespace {

const std::string kVisible = R"(scs_queue_messages{queue="jobs.fifo",state="visible"})";
const std::string kInFlight = R"(scs_queue_messages{queue="jobs.fifo",state="in_flight"})";
const std::string kDead = R"(scs_queue_messages{queue="jobs.fifo",state="dead_letters"})";
const std::string kAge = R"(scs_queue_oldest_message_age_seconds{queue="jobs.fifo"})";

using QueueStatsSamplerTest = WorkerTest;

TEST_P(QueueStatsSamplerTest, SamplesEveryQueueIntoGauges) {
    Queue& queue = OpenQueue();
    Queue& other = OpenQueue();
    for (const char* group : {"a", "b", "c"}) {
        SendBody(queue, std::string("body-") + group, group);
    }
    const auto received = ReceiveUntil(queue, 2, seconds(5), seconds(30));
    ASSERT_EQ(received.size(), 2U);
    ASSERT_TRUE(Succeeded(queue.DeadLetterNow(received[0].receipt, "test")));
    SendBody(other, "body", "g");

    QueueStatsSampler sampler(
        {{kLabel, &queue}, {"other", &other}}, job_metrics_, milliseconds(20));
    sampler.Start();
    EXPECT_TRUE(WaitForMetric(kVisible, 1));
    EXPECT_TRUE(WaitForMetric(kInFlight, 1));
    EXPECT_TRUE(WaitForMetric(kDead, 1));
    EXPECT_TRUE(WaitForMetric(R"(scs_queue_messages{queue="other",state="visible"})", 1));
    sampler.Stop();

    if (GetParam() == QueueBackend::kSqlite) {
        EXPECT_GE(Metric(kAge).value_or(-1), 0);
    } else {
        // SQS reports no age (CloudWatch only): the gauge stays absent rather than a false 0.
        EXPECT_EQ(Metric(kAge), std::nullopt);
    }
}

TEST_P(QueueStatsSamplerTest, SamplesAtStartAndStopsWithoutWaitingForTheInterval) {
    Queue& queue = OpenQueue();
    QueueStatsSampler sampler({{kLabel, &queue}}, job_metrics_, std::chrono::hours(1));
    sampler.Start();
    ASSERT_TRUE(WaitForMetric(kVisible, 0));
    const auto stopping = std::chrono::steady_clock::now();
    sampler.Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - stopping, milliseconds(500));
}

TEST_P(QueueStatsSamplerTest, AFailingQueueDoesNotStopTheOthers) {
    Queue& real = OpenQueue();
    HookedQueue failing(real);
    std::atomic<int> failures{1};
    failing.before_stats = [&failures]() -> Status {
        if (failures.fetch_sub(1) > 0) {
            return Fail(ErrorCode::kUnavailable, "backend down");
        }
        return {};
    };
    Queue& healthy = OpenQueue();
    QueueStatsSampler sampler(
        {{"failing", &failing}, {kLabel, &healthy}}, job_metrics_, std::chrono::hours(1));
    sampler.SampleOnce();
    EXPECT_EQ(Metric(R"(scs_queue_messages{queue="failing",state="visible"})"), std::nullopt);
    EXPECT_EQ(Metric(kVisible), 0);
    sampler.SampleOnce();
    EXPECT_EQ(Metric(R"(scs_queue_messages{queue="failing",state="visible"})"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         QueueStatsSamplerTest,
                         ::testing::Values(QueueBackend::kSqlite, QueueBackend::kSqs),
                         QueueBackendName);

}  // namespace
}  // namespace scs::testing
