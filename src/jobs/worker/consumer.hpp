#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "jobs/queue.hpp"
#include "jobs/worker/job.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "jobs/worker/job_metrics.hpp"
#include "jobs/worker/pool_gate.hpp"
#include "jobs/worker/retry_policy.hpp"
#include "jobs/worker/visibility_heartbeat.hpp"
#include "jobs/worker/worker_pool.hpp"
#include "observability/log.hpp"
#include "observability/log_limiter.hpp"

namespace scs {

// What the consumers of one WorkerPool share; all of it is owned by the pool or its caller.
struct ConsumerDeps {
    const JobHandlers& handlers;
    JobMetrics& metrics;
    VisibilityHeartbeat& heartbeat;
    const RetryPolicy& retry;
    log::LogLimiter& limiter;
};

// The receive / run / settle loop of one queue, run by each of its WorkerPool threads. Owned by
// the pool. Thread-safe: its own state is immutable, and each thread keeps its loop state on its
// stack. A thread touches the consumer only inside a pool section (PoolGate), so a thread the
// pool detached never touches it again once its handler returns.
class Consumer {
public:
    Consumer(ConsumerOptions options, ConsumerDeps deps);

    // Runs until the gate stops or abandons the pool.
    void RunThread(const std::shared_ptr<PoolGate>& gate);

private:
    // One delivery on its way from Receive to settlement; lives on the thread's stack.
    struct Delivery {
        ReceivedMessage message;
        Job job;
        const JobHandler* handler = nullptr;
        VisibilityHeartbeat::Token token = 0;
    };

    std::optional<Delivery> ReceiveAndPrepare(PoolGate& gate, int& failures);
    void BackOff(PoolGate& gate, const Error& error, int failures);
    std::optional<Delivery> Prepare(ReceivedMessage&& message);
    // Runs the handler outside any pool section: touches only `delivery`, the gate and
    // heartbeat (both through sections), never `this`.
    static Status RunHandler(const Delivery& delivery,
                             std::string label,
                             const std::shared_ptr<PoolGate>& gate,
                             VisibilityHeartbeat& heartbeat);
    void Settle(const Delivery& delivery,
                const Status& result,
                std::chrono::microseconds duration,
                std::mt19937_64& random);
    void Complete(const Delivery& delivery, std::vector<log::Field> fields);
    void HandleFailure(const Delivery& delivery,
                       const Error& error,
                       std::vector<log::Field> fields,
                       std::mt19937_64& random);
    void Retry(const Delivery& delivery,
               const Error& error,
               const std::string& text,
               std::vector<log::Field> fields,
               std::mt19937_64& random);
    void DeadLetter(const ReceivedMessage& message,
                    std::string reason,
                    DeadLetterCause cause,
                    std::vector<log::Field> fields);
    void ReturnToQueue(const ReceivedMessage& message, std::string_view type);
    std::vector<log::Field> Fields(const ReceivedMessage& message, std::string_view type) const;

    const ConsumerOptions options_;
    const ConsumerDeps deps_;
    const log::Logger logger_{"worker"};
};

}  // namespace scs
