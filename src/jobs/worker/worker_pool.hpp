#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "jobs/queue.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "jobs/worker/job_metrics.hpp"
#include "jobs/worker/retry_policy.hpp"

namespace scs {

// How one queue is consumed. Plain data; app/config.cpp fills it.
struct ConsumerOptions {
    std::string label;       // the unprefixed queue name, for metrics and logs
    Queue* queue = nullptr;  // the caller's; must outlive the pool
    int concurrency = 1;     // threads receiving from this queue
    int max_receives = 5;    // the queue's own limit: the last receive dead-letters on failure
    std::chrono::milliseconds visibility_timeout{30000};
    std::chrono::milliseconds receive_wait{1000};  // long poll; a Stop may wait this long for it
};

struct WorkerOptions {
    std::vector<ConsumerOptions> consumers;
    RetryPolicy retry;
    std::chrono::milliseconds shutdown_grace{30000};
};

// kBadRequest naming the field unless every consumer has a label, a queue, concurrency >= 1,
// max_receives >= 1, a visibility timeout of 1 ms-12 h and a receive wait of 0-20 s, and the
// shutdown grace is not negative.
[[nodiscard]] Status ValidateWorkerOptions(const WorkerOptions& options);

// Runs jobs from queues: `concurrency` threads per consumer, each receiving one message at a
// time. Per message: an unparseable body or unknown job type is dead-lettered at once; the
// handler runs while a shared heartbeat thread keeps the message invisible; success deletes
// it; a failure is dead-lettered when permanent (IsRetryable) or on the last receive, and is
// otherwise retried after RetryDelay. Receive errors are logged and backed off. Logs carry
// queue, type, message id, group, attempt and duration, never message bodies.
//
// Built and owned by the composition root; handlers, metrics and queues are the caller's and
// must outlive the pool. Start and Stop are for the owning thread. If a handler ignores
// StopRequested past the shutdown deadline, Stop detaches its thread (see DetachedThreads):
// the process must then exit soon, because that handler may still use the caller's objects.
class WorkerPool {
public:
    // Throws std::invalid_argument when ValidateWorkerOptions fails (a startup bug: the
    // composition root validates config first).
    WorkerPool(WorkerOptions options, const JobHandlers& handlers, JobMetrics& metrics);
    ~WorkerPool();  // stops
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;
    WorkerPool(WorkerPool&&) = delete;
    WorkerPool& operator=(WorkerPool&&) = delete;

    // Starts the threads. Once only; a stopped pool does not start again.
    void Start();

    // Asks the threads to stop receiving and returns at once (e.g. from a signal-watching
    // thread); Stop still has to be called to wait for them.
    void RequestStop();

    // Stops receiving at once (a receive in progress may finish; a message it brings back is
    // returned to the queue unrun), waits up to shutdown_grace for running handlers, then sets
    // StopRequested for the rest, returns their messages to the queue (visible at once) and
    // waits up to 2 s more before detaching the threads still running. Returns how many jobs
    // were still running at the deadline. Later calls return 0.
    int Stop();

    // Threads the last Stop had to detach because their handler did not return.
    int DetachedThreads() const;

private:
    struct Runtime;

    std::unique_ptr<Runtime> runtime_;
};

}  // namespace scs
