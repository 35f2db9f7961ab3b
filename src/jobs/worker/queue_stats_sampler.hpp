#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "jobs/queue.hpp"
#include "jobs/worker/job_metrics.hpp"
#include "observability/log.hpp"

namespace scs {

// Samples Queue::Stats() of each queue into the scs_queue_* gauges of JobMetrics, on a
// background thread every `interval` (first sample at Start), logging a warning when a queue
// cannot be read. The queues and metrics are the caller's and must outlive the sampler.
// Start and Stop are for the owning thread; SampleOnce may run on any thread. The destructor
// stops.
class QueueStatsSampler {
public:
    // Each queue with its label: the queue name without the deployment prefix.
    using LabelledQueues = std::vector<std::pair<std::string, Queue*>>;

    QueueStatsSampler(LabelledQueues queues,
                      JobMetrics& metrics,
                      std::chrono::milliseconds interval);
    ~QueueStatsSampler();
    QueueStatsSampler(const QueueStatsSampler&) = delete;
    QueueStatsSampler& operator=(const QueueStatsSampler&) = delete;
    QueueStatsSampler(QueueStatsSampler&&) = delete;
    QueueStatsSampler& operator=(QueueStatsSampler&&) = delete;

    // Starts the sampling thread; does nothing when it runs already.
    void Start();

    // Wakes the thread and waits for it; a Stats() call in progress finishes first.
    void Stop();

    // Samples every queue once, now, on the calling thread.
    void SampleOnce();

private:
    void Run();

    const LabelledQueues queues_;
    JobMetrics& metrics_;
    const log::Logger logger_{"worker.queue_stats"};
    const std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;  // guarded by mutex_
    std::thread thread_;
};

}  // namespace scs
