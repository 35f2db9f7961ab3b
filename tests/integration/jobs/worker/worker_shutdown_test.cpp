// WorkerPool over both backends: the visibility heartbeat, Stop (grace, returned messages,
// detached threads) and receive failures.
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "jobs/worker/job.hpp"
#include "worker_fixture.hpp"

namespace scs::testing {
namespace {

const std::string kProcessed = R"(scs_jobs_processed_total{queue="jobs.fifo",type="work"})";

using WorkerShutdownTest = WorkerTest;

milliseconds Since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
}

TEST_P(WorkerShutdownTest, HeartbeatKeepsALongJobFromBeingDeliveredAgain) {
    Queue& queue = OpenQueue();
    std::atomic<bool> manual_beat_ok{false};
    const StopPoolOnExit stop_first(pool_);
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        const size_t call = calls_.Start(job, context);
        // The job's work: three times the visibility timeout.
        std::this_thread::sleep_for(milliseconds(1500));
        manual_beat_ok = context.Heartbeat().has_value();
        std::this_thread::sleep_for(milliseconds(1500));
        calls_.Finish(call);
        return {};
    });
    SendJob(queue, "work", "{}", "g");
    ConsumerOptions consumer = Consumer(queue, 2);
    consumer.visibility_timeout = seconds(1);
    StartPool({consumer});
    ASSERT_TRUE(WaitForMetric(kProcessed, 1));
    EXPECT_EQ(pool_->Stop(), 0);

    // Without the heartbeat the second thread would have received the message after 1 s.
    ASSERT_EQ(calls_.Count(), 1U);
    EXPECT_EQ(calls_.Calls()[0].attempt, 1);
    EXPECT_TRUE(manual_beat_ok);
    const QueueStats stats = StatsOf(queue);
    EXPECT_EQ(stats.visible + stats.in_flight, 0);
}

TEST_P(WorkerShutdownTest, StopReturnsAnUnfinishedJobToTheQueue) {
    Queue& queue = OpenQueue();
    Event started;
    const StopPoolOnExit stop_first(pool_);
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        started.Set();
        // A long job checking between its steps.
        while (!context.StopRequested()) {
            std::this_thread::sleep_for(milliseconds(10));
        }
        return Fail(ErrorCode::kUnavailable, "interrupted");
    });
    SendJob(queue, "work", "{}", "g");
    StartPool({Consumer(queue)}, milliseconds(300));
    ASSERT_TRUE(started.Wait());
    const auto stopping = std::chrono::steady_clock::now();
    EXPECT_EQ(pool_->Stop(), 1);
    EXPECT_LT(Since(stopping), seconds(3));
    EXPECT_EQ(pool_->DetachedThreads(), 0);

    // Not a failure: nothing counted, no retry delay, the message is deliverable at once.
    EXPECT_EQ(Metric(R"(scs_jobs_failed_total{code="UNAVAILABLE",queue="jobs.fifo",type="work"})"),
              std::nullopt);
    EXPECT_EQ(Metric(R"(scs_jobs_retried_total{queue="jobs.fifo"})"), std::nullopt);
    const auto again = ReceiveUntil(queue, 1, seconds(5), seconds(30));
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].body, EncodeJob("work", "{}"));
    EXPECT_EQ(again[0].receive_count, 2);
}

TEST_P(WorkerShutdownTest, StopDetachesAHandlerThatIgnoresTheDeadline) {
    Queue& queue = OpenQueue();
    Event started;
    Event release;
    Event returned;
    handlers_.Add("work", [&](const Job&, JobContext&) -> Status {
        started.Set();
        release.Wait();
        returned.Set();
        return {};
    });
    SendJob(queue, "work", "{}", "g");
    StartPool({Consumer(queue)}, milliseconds(100));
    ASSERT_TRUE(started.Wait());
    EXPECT_EQ(pool_->Stop(), 1);
    EXPECT_EQ(pool_->DetachedThreads(), 1);
    const auto again = ReceiveUntil(queue, 1, seconds(5), seconds(30));
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].receive_count, 2);

    // The detached thread must not touch the pool once its handler returns (ASan checks).
    pool_.reset();
    release.Set();
    ASSERT_TRUE(returned.Wait());
    EXPECT_EQ(Metric(kProcessed), std::nullopt);
}

TEST_P(WorkerShutdownTest, AMessageReceivedWhileStoppingIsReturnedUnrun) {
    Queue& real = OpenQueue();
    HookedQueue queue(real);
    Event received_one;
    const StopPoolOnExit stop_first(pool_);
    queue.after_receive = [&](const std::vector<ReceivedMessage>& received) {
        if (!received.empty()) {
            pool_->RequestStop();  // the stop lands between the receive and the run
            received_one.Set();
        }
    };
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        return {};
    });
    SendJob(real, "work", "{}", "g");
    StartPool({Consumer(queue)});
    ASSERT_TRUE(received_one.Wait());
    EXPECT_EQ(pool_->Stop(), 0);

    EXPECT_EQ(calls_.Count(), 0U);
    const auto again = ReceiveUntil(real, 1, seconds(5), seconds(30));
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].receive_count, 2);
}

TEST_P(WorkerShutdownTest, ReceiveFailuresBackOffAndRecover) {
    Queue& real = OpenQueue();
    HookedQueue queue(real);
    std::atomic<int> receives{0};
    const StopPoolOnExit stop_first(pool_);
    queue.before_receive = [&receives]() -> Status {
        if (++receives <= 3) {
            return Fail(ErrorCode::kUnavailable, "backend down");
        }
        return {};
    };
    handlers_.Add("work", [&](const Job& job, JobContext& context) -> Status {
        calls_.Finish(calls_.Start(job, context));
        return {};
    });
    SendJob(real, "work", "{}", "g");
    const auto start = std::chrono::steady_clock::now();
    StartPool({Consumer(queue)});
    ASSERT_TRUE(WaitForMetric(kProcessed, 1));
    // 100 + 200 + 400 ms of backoff before the fourth receive.
    EXPECT_GE(Since(start), milliseconds(700));
    EXPECT_EQ(pool_->Stop(), 0);
    EXPECT_GE(receives.load(), 4);
}

TEST_P(WorkerShutdownTest, StopInterruptsTheReceiveBackoff) {
    Queue& real = OpenQueue();
    HookedQueue queue(real);
    std::atomic<int> receives{0};
    const StopPoolOnExit stop_first(pool_);
    queue.before_receive = [&receives]() -> Status {
        ++receives;
        return Fail(ErrorCode::kUnavailable, "backend down");
    };
    StartPool({Consumer(queue)});
    // After the fifth failure the pool backs off for 1.6 s.
    ASSERT_TRUE(WaitUntil([&] { return receives.load() >= 5; }));
    const auto stopping = std::chrono::steady_clock::now();
    EXPECT_EQ(pool_->Stop(), 0);
    EXPECT_LT(Since(stopping), milliseconds(500));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WorkerShutdownTest,
                         ::testing::Values(QueueBackend::kSqlite, QueueBackend::kSqs),
                         QueueBackendName);

}  // namespace
}  // namespace scs::testing
