#include "jobs/worker/pool_gate.hpp"

#include <algorithm>

namespace scs {

bool PoolGate::Enter() {
    std::lock_guard lock(mutex_);
    if (abandoned_) {
        return false;
    }
    ++inside_;
    return true;
}

void PoolGate::Leave() {
    {
        std::lock_guard lock(mutex_);
        --inside_;
    }
    changed_.notify_all();
}

void PoolGate::RequestStop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
}

bool PoolGate::Stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void PoolGate::WaitUnlessStopping(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, timeout, [this] { return stopping_; });
}

void PoolGate::MarkDone(size_t index) {
    {
        std::lock_guard lock(mutex_);
        done_.at(index) = true;
    }
    changed_.notify_all();
}

bool PoolGate::IsDone(size_t index) const {
    std::lock_guard lock(mutex_);
    return done_.at(index);
}

bool PoolGate::WaitAllDone(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return changed_.wait_until(lock, deadline, [this] {
        return std::all_of(done_.begin(), done_.end(), [](bool done) { return done; });
    });
}

void PoolGate::Abandon() {
    std::unique_lock lock(mutex_);
    abandoned_ = true;
    changed_.wait(lock, [this] { return inside_ == 0; });
}

}  // namespace scs
