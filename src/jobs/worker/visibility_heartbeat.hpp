#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/result.hpp"
#include "jobs/queue.hpp"
#include "observability/log.hpp"
#include "observability/log_limiter.hpp"

namespace scs {

// Keeps the messages of running jobs invisible: one thread for a whole WorkerPool extends each
// registered delivery by its visibility timeout every third of that timeout, so a job may run
// longer than the timeout without being delivered twice. At the shutdown deadline ReturnAll
// hands every registered message back to its queue. A delivery whose receipt went stale (the
// timeout passed anyway) is logged and no longer extended. Owned by the pool; the queues must
// outlive it. Thread-safe.
class VisibilityHeartbeat {
public:
    using Token = uint64_t;

    VisibilityHeartbeat() = default;
    ~VisibilityHeartbeat();
    VisibilityHeartbeat(const VisibilityHeartbeat&) = delete;
    VisibilityHeartbeat& operator=(const VisibilityHeartbeat&) = delete;
    VisibilityHeartbeat(VisibilityHeartbeat&&) = delete;
    VisibilityHeartbeat& operator=(VisibilityHeartbeat&&) = delete;

    void Start();

    // Waits for a beat in progress; registered deliveries are no longer extended.
    void Stop();

    // Registers a delivery received with `visibility`; the first extension is due after a
    // third of it. nullopt after ReturnAll: the caller must return the message itself.
    std::optional<Token> Add(Queue& queue,
                             std::string label,
                             std::string receipt,
                             std::chrono::milliseconds visibility);

    // Extends the delivery now (JobContext::Heartbeat). Fails when the message was returned at
    // shutdown or is no longer in flight.
    [[nodiscard]] Status Beat(Token token);

    // Unregisters the delivery, after any beat or return of it in progress. True when
    // ReturnAll returned its message to the queue.
    bool Remove(Token token);

    // Sets `stop_requested` and, in the same step, marks every registered delivery returned
    // (so a job that sees the flag always has its message returned), then makes their
    // messages visible again at once. Returns how many deliveries it returned.
    int ReturnAll(std::atomic<bool>& stop_requested);

private:
    using SteadyTime = std::chrono::steady_clock::time_point;

    struct Entry {
        Queue* queue = nullptr;
        std::string label;
        std::string receipt;
        std::chrono::milliseconds visibility{0};
        SteadyTime next_due;
        int busy = 0;           // beats or returns in progress
        bool returned = false;  // by ReturnAll
        bool lost = false;      // the receipt went stale: nothing more to extend
    };

    using Entries = std::map<Token, Entry>;

    void Run();
    Entries::iterator NextDue();
    Status BeatLocked(std::unique_lock<std::mutex>& lock, Entry& entry);
    void NoteFailure(Entry& entry, const Error& error);
    void ReturnMessage(const Entry& entry) const;

    const log::Logger logger_{"worker"};
    log::LogLimiter limiter_{1, std::chrono::seconds(10)};
    std::mutex mutex_;
    std::condition_variable changed_;
    Entries entries_;        // guarded by mutex_
    Token next_token_ = 1;   // guarded by mutex_
    bool closed_ = false;    // guarded by mutex_; set by ReturnAll
    bool stopping_ = false;  // guarded by mutex_
    std::thread thread_;
};

}  // namespace scs
