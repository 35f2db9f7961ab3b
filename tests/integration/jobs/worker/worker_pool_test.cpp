// WorkerPool over both backends (/sqlite always, /sqs with TEST_SQS_ENDPOINT): delivery, order,
// retries, dead letters and metrics. Shutdown and heartbeats: worker_shutdown_test.cpp.
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "jobs/worker/job.hpp"
#include "worker_fixture.hpp"

namespace scs::testing {
namespace {

const std::string kProcessed = R"(scs_jobs_processed_total{queue="jobs.fifo",type="work"})";
const std::string kRetried = R"(scs_jobs_retried_total{queue="jobs.fifo"})";

std::string Failed(const std::string& code) {
    return R"(scs_jobs_failed_total{code=")" + code + R"(",queue="jobs.fifo",type="work"})";
}

std::string DeadLettered(const std::string& reason) {
    return R"(scs_jobs_dead_lettered_total{queue="jobs.fifo",reason=")" + reason + R"("})";
}

std::string Seq(int seq) {
    return R"({"seq":)" + std::to_string(seq) + "}";
}

using WorkerPoolTest = WorkerTest;

TEST_P(WorkerPoolTest, RunsEveryJobOnceInGroupOrder) {
    constexpr size_t kGroups = 3;
    constexpr size_t kPerGroup = 4;
    Queue& queue = OpenQueue();
    std::mutex mutex;
    std::set<std::string> running;  // groups with a job in a handler right now
    int overlaps = 0;
    const StopPoolOnExit stop_first(pool_);
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        const std::string group = context.Message().group_id;
        {
            std::lock_guard lock(mutex);
            overlaps += running.insert(group).second ? 0 : 1;
        }
        const size_t call = calls_.Start(job, context);
        // Long enough for another thread to pick up a later message of the group if it could.
        std::this_thread::sleep_for(milliseconds(20));
        calls_.Finish(call);
        std::lock_guard lock(mutex);
        running.erase(group);
        return {};
    });
    for (size_t seq = 0; seq < kPerGroup; ++seq) {
        for (size_t group = 0; group < kGroups; ++group) {
            SendJob(queue, "work", Seq(static_cast<int>(seq)), "g" + std::to_string(group));
        }
    }
    StartPool({Consumer(queue, 4)});
    ASSERT_TRUE(calls_.WaitForCount(kGroups * kPerGroup));
    ASSERT_TRUE(WaitForMetric(kProcessed, static_cast<double>(kGroups * kPerGroup)));
    EXPECT_EQ(pool_->Stop(), 0);

    std::map<std::string, std::vector<std::string>> by_group;
    for (const Call& call : calls_.Calls()) {
        by_group[call.group].push_back(call.payload);
        EXPECT_EQ(call.attempt, 1);
    }
    const std::vector<std::string> in_order = {Seq(0), Seq(1), Seq(2), Seq(3)};
    ASSERT_EQ(by_group.size(), kGroups);
    for (const auto& [group, payloads] : by_group) {
        EXPECT_EQ(payloads, in_order) << group;
    }
    EXPECT_EQ(overlaps, 0);
    const QueueStats stats = StatsOf(queue);
    EXPECT_EQ(stats.visible, 0);
    EXPECT_EQ(stats.in_flight, 0);
}

TEST_P(WorkerPoolTest, RetriesAFailingJobAfterItsDelay) {
    Queue& queue = OpenQueue();
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        const size_t call = calls_.Start(job, context);
        calls_.Finish(call);
        switch (context.Message().receive_count) {
            case 1:
                return FailRetryAfter(ErrorCode::kRateLimited, "slow down", seconds(1));
            case 2:
                return Fail(ErrorCode::kUnavailable, "db down");
            default:
                return {};
        }
    });
    SendJob(queue, "work", Seq(1), "g");
    StartPool({Consumer(queue)});
    ASSERT_TRUE(calls_.WaitForCount(3));
    ASSERT_TRUE(WaitForMetric(kProcessed, 1));
    pool_->Stop();

    const std::vector<Call> calls = calls_.Calls();
    ASSERT_EQ(calls.size(), 3U);
    EXPECT_EQ(calls[0].attempt, 1);
    EXPECT_EQ(calls[1].attempt, 2);
    EXPECT_EQ(calls[2].attempt, 3);
    // The rate limit's retry_after wins over the 20 ms backoff.
    EXPECT_GE(calls[1].started - calls[0].ended, milliseconds(950));
    EXPECT_EQ(Metric(Failed("RATE_LIMIT_EXCEEDED")), 1);
    EXPECT_EQ(Metric(Failed("UNAVAILABLE")), 1);
    EXPECT_EQ(Metric(kRetried), 2);
    EXPECT_EQ(Metric(DeadLettered("attempts_exhausted")), std::nullopt);
    EXPECT_EQ(StatsOf(queue).visible + StatsOf(queue).in_flight, 0);
}

TEST_P(WorkerPoolTest, DeadLettersWithTheLastErrorWhenAttemptsRunOut) {
    Queue& queue = OpenQueue(2);
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        return Fail(ErrorCode::kUnavailable,
                    "attempt " + std::to_string(context.Message().receive_count) + " failed");
    });
    SendJob(queue, "work", Seq(1), "g");
    StartPool({Consumer(queue, 2, 2)});
    ASSERT_TRUE(WaitForMetric(DeadLettered("attempts_exhausted"), 1));
    pool_->Stop();

    EXPECT_EQ(calls_.Count(), 2U);
    EXPECT_EQ(Metric(Failed("UNAVAILABLE")), 2);
    EXPECT_EQ(Metric(kRetried), 1);
    const auto letters = DeadLettersOf(queue);
    ASSERT_EQ(letters.size(), 1U);
    EXPECT_EQ(letters[0].body, EncodeJob("work", Seq(1)));
    EXPECT_EQ(letters[0].reason, "failed after 2 attempts: UNAVAILABLE: attempt 2 failed");
    if (GetParam() == QueueBackend::kSqlite) {
        // SQS cannot attach the RetryLater error to a message (sqs/README.md).
        EXPECT_EQ(letters[0].last_error, "UNAVAILABLE: attempt 1 failed");
    }
    EXPECT_EQ(StatsOf(queue).visible, 0);
}

TEST_P(WorkerPoolTest, DeadLettersAPermanentErrorAtOnce) {
    Queue& queue = OpenQueue();
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        return Fail(ErrorCode::kInvalidPayload, "unknown sku A-1");
    });
    SendJob(queue, "work", Seq(1), "g");
    StartPool({Consumer(queue)});
    ASSERT_TRUE(WaitForMetric(DeadLettered("permanent_error"), 1));
    pool_->Stop();

    EXPECT_EQ(calls_.Count(), 1U);
    EXPECT_EQ(Metric(Failed("INVALID_PAYLOAD")), 1);
    EXPECT_EQ(Metric(kRetried), std::nullopt);
    const auto letters = DeadLettersOf(queue);
    ASSERT_EQ(letters.size(), 1U);
    EXPECT_EQ(letters[0].reason, "permanent error: INVALID_PAYLOAD: unknown sku A-1");
}

TEST_P(WorkerPoolTest, DeadLettersPoisonAndUnknownTypesWithoutRunningThem) {
    Queue& queue = OpenQueue();
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        return {};
    });
    SendBody(queue, "this is not json", "g1");
    SendBody(queue, R"({"payload":{}})", "g2");
    SendJob(queue, "nope", "{}", "g3");
    SendJob(queue, "work", Seq(1), "g4");
    StartPool({Consumer(queue, 2)});
    ASSERT_TRUE(WaitForMetric(DeadLettered("unparseable"), 2));
    ASSERT_TRUE(WaitForMetric(DeadLettered("unknown_type"), 1));
    ASSERT_TRUE(WaitForMetric(kProcessed, 1));
    pool_->Stop();

    ASSERT_EQ(calls_.Count(), 1U);
    EXPECT_EQ(calls_.Calls()[0].payload, Seq(1));
    const auto letters = DeadLettersOf(queue);
    EXPECT_EQ(letters.size(), 3U);
    EXPECT_EQ(WithReasonPrefix(letters, "unparseable: job body is not valid JSON").body,
              "this is not json");
    EXPECT_EQ(WithReasonPrefix(letters, "unparseable: job body has no").group_id, "g2");
    EXPECT_EQ(WithReasonPrefix(letters, "unknown job type: nope").group_id, "g3");
}

TEST_P(WorkerPoolTest, TreatsAThrowingHandlerAsAnInternalError) {
    Queue& queue = OpenQueue(1);
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        throw std::runtime_error("kaboom");
    });
    SendJob(queue, "work", Seq(1), "g");
    StartPool({Consumer(queue, 1, 1)});
    ASSERT_TRUE(WaitForMetric(DeadLettered("attempts_exhausted"), 1));
    pool_->Stop();

    EXPECT_EQ(Metric(Failed("INTERNAL")), 1);
    const auto letters = DeadLettersOf(queue);
    ASSERT_EQ(letters.size(), 1U);
    EXPECT_EQ(letters[0].reason, "failed after 1 attempt: INTERNAL: the handler threw: kaboom");
}

TEST_P(WorkerPoolTest, ServesSeveralQueuesAndRecordsDurations) {
    Queue& first = OpenQueue();
    Queue& second = OpenQueue();
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        return {};
    });
    SendJob(first, "work", Seq(1), "g");
    SendJob(second, "work", Seq(2), "g");
    ConsumerOptions other = Consumer(second);
    other.label = "other";
    StartPool({Consumer(first), other});
    ASSERT_TRUE(WaitForMetric(kProcessed, 1));
    ASSERT_TRUE(WaitForMetric(R"(scs_jobs_processed_total{queue="other",type="work"})", 1));
    pool_->Stop();

    EXPECT_EQ(Metric(R"(scs_job_duration_seconds_count{queue="jobs.fifo",type="work"})"), 1);
    EXPECT_EQ(Metric(R"(scs_job_duration_seconds_count{queue="other",type="work"})"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WorkerPoolTest,
                         ::testing::Values(QueueBackend::kSqlite, QueueBackend::kSqs),
                         QueueBackendName);

}  // namespace
}  // namespace scs::testing
