#include "jobs/worker/queue_stats_sampler.hpp"

namespace scs {

QueueStatsSampler::QueueStatsSampler(LabelledQueues queues,
                                     JobMetrics& metrics,
                                     std::chrono::milliseconds interval)
    : queues_(std::move(queues)), metrics_(metrics), interval_(interval) {}

QueueStatsSampler::~QueueStatsSampler() {
    Stop();
}

void QueueStatsSampler::Start() {
    if (thread_.joinable()) {
        return;
    }
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    thread_ = std::thread([this] { Run(); });
}

void QueueStatsSampler::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void QueueStatsSampler::SampleOnce() {
    for (const auto& [label, queue] : queues_) {
        auto stats = queue->Stats();
        if (!stats) {
            logger_.Warn("cannot read queue stats",
                         {log::F("queue", label),
                          log::F("code", ErrorCodeName(stats.error().code)),
                          log::F("error", stats.error().message)});
            continue;
        }
        metrics_.RecordQueueStats(label, *stats);
    }
}

void QueueStatsSampler::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        SampleOnce();
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace scs
