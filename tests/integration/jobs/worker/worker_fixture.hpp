#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "jobs/queue.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "jobs/worker/job_metrics.hpp"
#include "jobs/worker/worker_pool.hpp"
#include "observability/metrics.hpp"
#include "queue_backend.hpp"

// Shared by the worker integration tests. Timing: the pool runs on real time (heartbeats, long
// polls, the shutdown grace), so the SQLite queues here are opened on the wall clock rather than
// TestQueues' manual clock: a manual clock would never let a visibility timeout lapse (the
// heartbeat test would prove nothing) nor a retry delay pass without the test racing the
// workers to advance it. Tests wait for conditions with generous deadlines, and visibility
// timeouts stay long (30 s) except where their expiry is the point.
namespace scs::testing {

using std::chrono::milliseconds;
using std::chrono::seconds;

inline constexpr char kLabel[] = "jobs.fifo";
inline constexpr milliseconds kPatience = seconds(20);  // for what must happen

// Waits until `done` holds or `timeout` passes, checking every 10 ms; returns the last answer.
bool WaitUntil(const std::function<bool()>& done, milliseconds timeout = kPatience);

// The value of one series in `metrics`, e.g. `scs_jobs_retried_total{queue="jobs.fifo"}`;
// nullopt when it is absent.
std::optional<double> MetricValue(const Metrics& metrics, const std::string& series);

// A one-shot event a handler and the test thread can wait for. Thread-safe.
class Event {
public:
    void Set();
    bool IsSet() const;
    bool Wait(milliseconds timeout = kPatience) const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool set_ = false;
};

// One handler call as the handler saw it.
struct Call {
    std::string group;
    std::string payload;
    int attempt = 0;
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point ended;
};

// Handler calls, in the order they started. Thread-safe.
class CallLog {
public:
    // Records the start of a call; returns its index for Finish.
    size_t Start(const Job& job, const JobContext& context);
    void Finish(size_t index);
    std::vector<Call> Calls() const;
    size_t Count() const;
    bool WaitForCount(size_t count, milliseconds timeout = kPatience) const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<Call> calls_;
};

// A real queue with test hooks around Receive and Stats, so a test can fail a call or act at an
// exact point while the pool still talks to the backend. Set the hooks before the pool starts.
class HookedQueue final : public Queue {
public:
    explicit HookedQueue(Queue& inner) : inner_(inner) {}

    std::function<Status()> before_receive;  // an error fails the receive
    std::function<void(const std::vector<ReceivedMessage>&)> after_receive;
    std::function<Status()> before_stats;  // an error fails Stats

    const std::string& Name() const override { return inner_.Name(); }

    Result<SendResult> Send(const OutgoingMessage& message) override;
    Result<std::vector<ReceivedMessage>> Receive(int max_messages,
                                                 milliseconds wait,
                                                 milliseconds visibility_timeout) override;
    Status Delete(const std::string& receipt) override;
    Status ChangeVisibility(const std::string& receipt, milliseconds timeout) override;
    Status RetryLater(const std::string& receipt, milliseconds delay, std::string error) override;
    Status DeadLetterNow(const std::string& receipt, std::string reason) override;
    Result<QueueStats> Stats() override;
    Result<std::vector<DeadLetter>> ListDeadLetters(int limit) override;
    Status RetryDeadLetter(const std::string& id) override;

private:
    Queue& inner_;
};

// Stops the pool when it goes out of scope. Declare it after the locals a test's handlers and
// hooks use, so that a failed ASSERT cannot leave the pool running on destroyed locals.
class StopPoolOnExit {
public:
    explicit StopPoolOnExit(std::unique_ptr<WorkerPool>& pool) : pool_(pool) {}

    ~StopPoolOnExit() {
        if (pool_) {
            pool_->Stop();
        }
    }

    StopPoolOnExit(const StopPoolOnExit&) = delete;
    StopPoolOnExit& operator=(const StopPoolOnExit&) = delete;
    StopPoolOnExit(StopPoolOnExit&&) = delete;
    StopPoolOnExit& operator=(StopPoolOnExit&&) = delete;

private:
    std::unique_ptr<WorkerPool>& pool_;
};

// Queues of one backend on real time, a Metrics registry, a handler table and the pool under
// test. Members are declared so the pool goes first, then the queues, then their backend.
class WorkerTest : public ::testing::TestWithParam<QueueBackend> {
protected:
    void SetUp() override;
    void TearDown() override;

    // A fresh queue that dead-letters after `max_receives`.
    Queue& OpenQueue(int max_receives = 5);

    // Consumer options for `queue` with a 30 s visibility and a short receive wait.
    static ConsumerOptions Consumer(Queue& queue, int concurrency = 1, int max_receives = 5);

    // A pool over `consumers` with a fast retry policy (base 20 ms, cap 100 ms).
    WorkerPool& StartPool(std::vector<ConsumerOptions> consumers,
                          milliseconds shutdown_grace = seconds(10));

    static void SendJob(Queue& queue,
                        const std::string& type,
                        const std::string& payload,
                        const std::string& group);
    static void SendBody(Queue& queue, const std::string& body, const std::string& group);

    std::optional<double> Metric(const std::string& series) const {
        return MetricValue(metrics_, series);
    }

    // Waits until `series` reaches `value`.
    bool WaitForMetric(const std::string& series, double value);

    static std::vector<DeadLetter> DeadLettersOf(Queue& queue);

    // The dead letter whose reason starts with `prefix`; fails the test when there is none.
    static DeadLetter WithReasonPrefix(const std::vector<DeadLetter>& letters,
                                       const std::string& prefix);

    static QueueStats StatsOf(Queue& queue);

    std::unique_ptr<TestQueues> queues_;
    SystemTimeSource wall_clock_;
    std::vector<std::unique_ptr<Queue>> opened_;
    Metrics metrics_{"test", "c"};
    JobMetrics job_metrics_{metrics_};
    JobHandlers handlers_;
    CallLog calls_;
    std::unique_ptr<WorkerPool> pool_;
};

}  // namespace scs::testing
