#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "sandbox/kit/webhook_http.hpp"

// The outbound side every emulator's webhooks share: jobs queued with a due time, and one
// background thread that hands each due job to `send` (which POSTs it, and may queue a retry),
// earliest due first, first queued among equals so deliveries keep event order. Owned by a
// platform's sender; Push is thread-safe and never blocks on the network; jobs still queued at
// Stop are abandoned. Start and Stop are idempotent.
namespace scs::sandbox {

template <class Job>
class DueQueue {
public:
    using Clock = std::chrono::steady_clock;

    explicit DueQueue(std::function<void(Job)> send) : send_(std::move(send)) {}

    ~DueQueue() { Stop(); }

    DueQueue(const DueQueue&) = delete;
    DueQueue& operator=(const DueQueue&) = delete;
    DueQueue(DueQueue&&) = delete;
    DueQueue& operator=(DueQueue&&) = delete;

    void Start() {
        InitWebhookHttp();
        const std::lock_guard lock(mutex_);
        if (!thread_.joinable() && !stopping_) {
            thread_ = std::thread([this] { Run(); });
        }
    }

    void Stop() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable()) {
            thread_.join();
        }
    }

    // Queues `job` unless `folds(pending)` is true for a job already waiting (which then stands
    // for it): false in that case.
    template <class Folds>
    bool Push(Job job, Clock::time_point due, Folds folds) {
        {
            const std::lock_guard lock(mutex_);
            const bool folded =
                std::any_of(pending_.begin(), pending_.end(), [&folds](const Entry& entry) {
                    return folds(entry.job);
                });
            if (folded) {
                return false;
            }
            pending_.push_back(Entry{std::move(job), due});
        }
        wake_.notify_all();
        return true;
    }

    void Push(Job job, Clock::time_point due) {
        Push(std::move(job), due, [](const Job& /*pending*/) { return false; });
    }

private:
    struct Entry {
        Job job;
        Clock::time_point due;
    };

    bool TakeDue(std::unique_lock<std::mutex>& lock, Job& out) {
        while (!stopping_) {
            if (pending_.empty()) {
                wake_.wait(lock);
                continue;
            }
            const auto next = std::min_element(
                pending_.begin(), pending_.end(), [](const Entry& a, const Entry& b) {
                    return a.due < b.due;
                });
            if (next->due <= Clock::now()) {
                out = std::move(next->job);
                pending_.erase(next);
                return true;
            }
            // A copy: pending_ may grow (and move its elements) while the lock is released.
            const auto due = next->due;
            wake_.wait_until(lock, due);
        }
        return false;
    }

    void Run() {
        while (true) {
            Job job;
            {
                std::unique_lock lock(mutex_);
                if (!TakeDue(lock, job)) {
                    return;
                }
            }
            send_(std::move(job));
        }
    }

    const std::function<void(Job)> send_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Entry> pending_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace scs::sandbox
