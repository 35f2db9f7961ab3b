#include "jobs/worker/worker_pool.hpp"

#include <stdexcept>
#include <thread>

#include "jobs/queue_limits.hpp"
#include "jobs/worker/consumer.hpp"
#include "jobs/worker/pool_gate.hpp"
#include "jobs/worker/visibility_heartbeat.hpp"
#include "observability/log.hpp"
#include "observability/log_limiter.hpp"

namespace scs {
namespace {

// After the grace, how long returned jobs get to notice StopRequested before being detached.
constexpr std::chrono::milliseconds kJoinGrace = std::chrono::seconds(2);

Status ValidateConsumer(const ConsumerOptions& consumer, const std::string& field) {
    if (consumer.label.empty()) {
        return FailField(field + ".label", "a consumer needs a label (the queue name)");
    }
    if (consumer.queue == nullptr) {
        return FailField(field + ".queue", "a consumer needs a queue");
    }
    if (consumer.concurrency < 1) {
        return FailField(field + ".concurrency", "concurrency must be at least 1");
    }
    if (consumer.max_receives < 1) {
        return FailField(field + ".max_receives", "max_receives must be at least 1");
    }
    if (consumer.visibility_timeout.count() < 1 || consumer.visibility_timeout > kMaxVisibility) {
        return FailField(field + ".visibility_timeout", "visibility_timeout must be 1 ms-12 h");
    }
    if (consumer.receive_wait.count() < 0 || consumer.receive_wait > kMaxReceiveWait) {
        return FailField(field + ".receive_wait", "receive_wait must be 0-20 s");
    }
    return {};
}

WorkerOptions Validated(WorkerOptions options) {
    if (auto valid = ValidateWorkerOptions(options); !valid) {
        throw std::invalid_argument("WorkerPool: " + valid.error().message + " (" +
                                    valid.error().field + ")");
    }
    return options;
}

}  // namespace

Status ValidateWorkerOptions(const WorkerOptions& options) {
    for (size_t i = 0; i < options.consumers.size(); ++i) {
        const std::string field = options.consumers[i].label.empty()
                                      ? "consumers[" + std::to_string(i) + "]"
                                      : options.consumers[i].label;
        if (auto valid = ValidateConsumer(options.consumers[i], field); !valid) {
            return valid;
        }
    }
    if (options.shutdown_grace.count() < 0) {
        return FailField("shutdown_grace", "shutdown_grace must not be negative");
    }
    return {};
}

struct WorkerPool::Runtime {
    Runtime(WorkerOptions options_in, const JobHandlers& handlers, JobMetrics& metrics)
        : options(Validated(std::move(options_in))) {
        size_t thread_count = 0;
        for (const ConsumerOptions& consumer : options.consumers) {
            consumers.push_back(std::make_unique<Consumer>(
                consumer, ConsumerDeps{handlers, metrics, heartbeat, options.retry, limiter}));
            thread_count += static_cast<size_t>(consumer.concurrency);
        }
        gate = std::make_shared<PoolGate>(thread_count);
    }

    void Start();
    int Stop();
    int JoinOrDetach();

    const WorkerOptions options;
    const log::Logger logger{"worker"};
    log::LogLimiter limiter{1, std::chrono::seconds(10)};
    VisibilityHeartbeat heartbeat;
    std::vector<std::unique_ptr<Consumer>> consumers;
    std::shared_ptr<PoolGate> gate;
    std::vector<std::thread> threads;
    bool started = false;
    bool stopped = false;
    int detached = 0;
};

void WorkerPool::Runtime::Start() {
    if (started) {
        throw std::logic_error("WorkerPool::Start: the pool was started before");
    }
    started = true;
    heartbeat.Start();
    size_t index = 0;
    for (size_t c = 0; c < consumers.size(); ++c) {
        for (int i = 0; i < options.consumers[c].concurrency; ++i) {
            // The thread keeps its own reference to the gate: it may outlive the pool.
            threads.emplace_back([consumer = consumers[c].get(), gate = gate, index] {
                consumer->RunThread(gate);
                gate->MarkDone(index);
            });
            ++index;
        }
    }
    logger.Info("workers started", {log::F("threads", threads.size())});
}

int WorkerPool::Runtime::Stop() {
    if (!started || stopped) {
        return 0;
    }
    stopped = true;
    gate->RequestStop();
    int returned = 0;
    if (!gate->WaitAllDone(std::chrono::steady_clock::now() + options.shutdown_grace)) {
        returned = heartbeat.ReturnAll(gate->StopRequested());
        logger.Warn("shutdown grace passed; returned the messages of running jobs",
                    {log::F("jobs", returned)});
        gate->WaitAllDone(std::chrono::steady_clock::now() + kJoinGrace);
    }
    gate->Abandon();
    detached = JoinOrDetach();
    heartbeat.Stop();
    if (detached > 0) {
        logger.Error("worker threads did not stop; the process must exit",
                     {log::F("threads", detached)});
    }
    return returned;
}

int WorkerPool::Runtime::JoinOrDetach() {
    int still_running = 0;
    for (size_t i = 0; i < threads.size(); ++i) {
        if (gate->IsDone(i)) {
            threads[i].join();
        } else {
            threads[i].detach();
            ++still_running;
        }
    }
    threads.clear();
    return still_running;
}

WorkerPool::WorkerPool(WorkerOptions options, const JobHandlers& handlers, JobMetrics& metrics)
    : runtime_(std::make_unique<Runtime>(std::move(options), handlers, metrics)) {}

WorkerPool::~WorkerPool() {
    Stop();
}

void WorkerPool::Start() {
    runtime_->Start();
}

void WorkerPool::RequestStop() {
    runtime_->gate->RequestStop();
}

int WorkerPool::Stop() {
    return runtime_->Stop();
}

int WorkerPool::DetachedThreads() const {
    return runtime_->detached;
}

}  // namespace scs
