#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "jobs/queue.hpp"
#include "jobs/worker/job.hpp"

namespace scs {

// What a running handler may ask of the worker about its delivery. The worker builds one per
// delivery, valid only during the handler call; tests may build one directly. Used by the
// handler's thread only; StopRequested may be read while the pool sets it.
class JobContext {
public:
    // Extends the delivery's visibility; may be empty (then Heartbeat succeeds doing nothing).
    using HeartbeatFn = std::function<Status()>;

    // `stop_requested` must outlive the context.
    JobContext(std::string queue,
               ReceivedMessage message,
               const std::atomic<bool>& stop_requested,
               HeartbeatFn heartbeat);

    // The queue's name without the deployment prefix, e.g. "fetch-orders.fifo".
    const std::string& Queue() const { return queue_; }

    const ReceivedMessage& Message() const { return message_; }

    // The shutdown deadline passed and the message went back to the queue: a long handler
    // should stop between steps and return an error (it is not counted as a failure).
    bool StopRequested() const { return stop_requested_.load(); }

    // Keeps the message invisible for another visibility timeout now. The worker already does
    // this every third of the timeout; call it before a step that may block longer than that.
    [[nodiscard]] Status Heartbeat() const;

private:
    std::string queue_;
    ReceivedMessage message_;
    const std::atomic<bool>& stop_requested_;
    HeartbeatFn heartbeat_;
};

// Runs one job. An error is retried or dead-lettered by IsRetryable(code); an exception is
// caught by the worker and treated as kInternal.
using JobHandler = std::function<Status(const Job&, JobContext&)>;

// The explicit table of job types and their handlers, built by the composition root before
// the workers start and read-only afterwards (then safe to share between threads).
class JobHandlers {
public:
    // Throws std::logic_error for an empty type, an empty handler or a type added twice: each
    // is a programming error in the composition root.
    void Add(std::string type, JobHandler handler);

    // nullptr when `type` has no handler.
    const JobHandler* Find(std::string_view type) const;

    // The registered types, sorted.
    std::vector<std::string> Types() const;

private:
    std::map<std::string, JobHandler, std::less<>> handlers_;
};

}  // namespace scs
