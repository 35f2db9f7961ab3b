#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace scs {

// A message to enqueue. group_id orders messages (FIFO within a group, e.g. the connection id);
// dedup_id drops a repeat sent within five minutes (e.g. order id + version). Both are required,
// at most 128 printable ASCII characters; the body is at most 256 KiB of text.
struct OutgoingMessage {
    std::string body;
    std::string group_id;
    std::string dedup_id;
};

struct SendResult {
    std::string id;          // the message id (the original one for a duplicate, when known)
    bool duplicate = false;  // the dedup_id was seen within five minutes: nothing was enqueued
};

// A message handed to one receiver. It stays invisible to other receivers until its visibility
// timeout passes; the receiver then Deletes it (done) or lets it come back (retry).
struct ReceivedMessage {
    std::string id;
    std::string receipt;  // proves this receive; only the latest receive's receipt is valid
    std::string body;
    std::string group_id;
    int receive_count = 0;  // 1 on the first delivery
    TimePoint sent_at{};
};

// Approximate counts, for metrics and /health.
struct QueueStats {
    int64_t visible = 0;       // waiting to be received (including behind a busy group)
    int64_t in_flight = 0;     // received and not yet deleted or visible again
    int64_t dead_letters = 0;  // in the queue's dead-letter queue
    // How long the oldest message has waited: zero when the queue is empty, nullopt when the
    // backend cannot tell (SQS reports it only through CloudWatch).
    std::optional<std::chrono::milliseconds> oldest_age;
};

// A message in a dead-letter queue, for the ops API.
struct DeadLetter {
    std::string id;  // pass to RetryDeadLetter
    std::string body;
    std::string group_id;
    std::string source_queue;
    std::string reason;      // why it died: a DeadLetterNow reason or "received more than N times"
    std::string last_error;  // the last RetryLater error, where the backend keeps it
    int receive_count = 0;   // receives before it died (approximate on SQS)
    TimePoint sent_at{};
    std::optional<TimePoint> dead_at;  // nullopt when unknown (SQS's own redrive)
};

// What every backend is built from. Plain data; app/config.cpp fills it.
struct QueueOptions {
    std::string name;      // the full name, prefix included, e.g. "prod-fetch-orders.fifo"
    int max_receives = 5;  // receives before a message goes to the dead-letter queue (>= 1)
};

// One durable queue with the semantics of an SQS FIFO queue. Within a group, messages are
// delivered one at a time and in order: while a group has a message in flight (received, not
// deleted, not visible again), no later message of that group is delivered; different groups
// are delivered in parallel. A message received more than max_receives times goes to the
// queue's dead-letter queue (DeadLetterQueueName) instead of being delivered again.
// Implementations: SqliteQueue (embedded), SqsQueue (production). Created by the composition
// root, which outlives every user. Thread-safe.
//
// Errors: kBadRequest for arguments outside the limits below, kNotFound for a receipt that is
// no longer current (the message was received again or is gone: the job may run twice),
// kConflict for a visibility change of a message that is not in flight, kUnavailable or
// kTimeout when the backend cannot be reached.
class Queue {
public:
    virtual ~Queue() = default;

    virtual const std::string& Name() const = 0;

    [[nodiscard]] virtual Result<SendResult> Send(const OutgoingMessage& message) = 0;

    // Up to max_messages (1-10) messages, waiting up to `wait` (0-20 s, long polling) for the
    // first one; each stays invisible for visibility_timeout (0-12 h). Empty when none came.
    [[nodiscard]] virtual Result<std::vector<ReceivedMessage>> Receive(
        int max_messages,
        std::chrono::milliseconds wait,
        std::chrono::milliseconds visibility_timeout) = 0;

    // Done: removes the message; the next one of its group becomes deliverable.
    [[nodiscard]] virtual Status Delete(const std::string& receipt) = 0;

    // Keeps an in-flight message invisible for `timeout` from now (a long job's heartbeat);
    // zero makes it visible at once (return it on shutdown). SQS rounds up to whole seconds.
    [[nodiscard]] virtual Status ChangeVisibility(const std::string& receipt,
                                                  std::chrono::milliseconds timeout) = 0;

    // A failed attempt: the message comes back after `delay` (the retry backoff), and its group
    // waits for it. SQLite keeps `error` as the message's last error for its dead letter; SQS
    // cannot attach it to a message in flight, so there it only changes the visibility.
    [[nodiscard]] virtual Status RetryLater(const std::string& receipt,
                                            std::chrono::milliseconds delay,
                                            std::string error) = 0;

    // A poison message (e.g. unparseable) that must not loop: moves it to the dead-letter queue
    // at once with `reason`, and unblocks its group.
    [[nodiscard]] virtual Status DeadLetterNow(const std::string& receipt, std::string reason) = 0;

    [[nodiscard]] virtual Result<QueueStats> Stats() = 0;

    // Up to `limit` dead letters of this queue, oldest first. SQS: see sqs/README.md for limits.
    [[nodiscard]] virtual Result<std::vector<DeadLetter>> ListDeadLetters(int limit) = 0;

    // Moves a dead letter back to the end of its group in this queue, with a fresh receive count.
    // kNotFound when `id` is not a dead letter of this queue.
    [[nodiscard]] virtual Status RetryDeadLetter(const std::string& id) = 0;
};

}  // namespace scs
