#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <vector>

namespace scs {

// The part of a WorkerPool that its threads share by shared_ptr, so that a thread the pool had
// to detach at shutdown can still consult it after the pool is gone: the stop flags, how many
// threads are inside a pool section, and which threads have finished. A pool section is any
// code that touches the pool or the caller's queues, handlers table or metrics; running a
// handler is outside. Thread-safe.
class PoolGate {
public:
    explicit PoolGate(size_t threads) : done_(threads, false) {}

    // Enters a pool section; false once the pool abandoned its threads (the caller must then
    // return without touching anything but the gate).
    [[nodiscard]] bool Enter();
    void Leave();

    // No new receives from now on.
    void RequestStop();
    bool Stopping() const;

    // Waits up to `timeout`, returning early when stopping.
    void WaitUnlessStopping(std::chrono::milliseconds timeout);

    // Thread `index` has returned from its loop.
    void MarkDone(size_t index);
    bool IsDone(size_t index) const;

    // Whether every thread was done by `deadline`.
    bool WaitAllDone(std::chrono::steady_clock::time_point deadline);

    // Refuses every later Enter and waits for the sections in progress to end.
    void Abandon();

    // JobContext::StopRequested: the shutdown deadline passed (set by VisibilityHeartbeat).
    std::atomic<bool>& StopRequested() { return stop_requested_; }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;   // guarded by mutex_
    bool abandoned_ = false;  // guarded by mutex_
    int inside_ = 0;          // guarded by mutex_
    std::vector<bool> done_;  // guarded by mutex_
    std::atomic<bool> stop_requested_{false};
};

// A pool section for the scope (see PoolGate). Test it before use: false means abandoned.
class GateSection {
public:
    explicit GateSection(PoolGate& gate) : gate_(gate), entered_(gate.Enter()) {}

    ~GateSection() { Leave(); }

    GateSection(const GateSection&) = delete;
    GateSection& operator=(const GateSection&) = delete;
    GateSection(GateSection&&) = delete;
    GateSection& operator=(GateSection&&) = delete;

    explicit operator bool() const { return entered_; }

    void Leave() {
        if (entered_) {
            entered_ = false;
            gate_.Leave();
        }
    }

private:
    PoolGate& gate_;
    bool entered_;
};

}  // namespace scs
