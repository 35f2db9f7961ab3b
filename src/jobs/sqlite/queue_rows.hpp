#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "jobs/queue.hpp"
#include "storage/sql.hpp"

// The statements of SqliteQueue over the queue_messages and queue_dedup tables
// (migrations/sqlite/0003_queues.up.sql), each run inside the caller's transaction. Invariant
// kept by every write: in each (queue, group_id) exactly the lowest id has head = 1, and only a
// head is ever received, so a group has at most one message in flight.
namespace scs::queue_rows {

// A queue and its dead-letter queue. Views into strings the caller keeps alive.
struct QueueRef {
    std::string_view name;
    std::string_view dead_letters;
};

// A message's row as Receive and the receipt checks see it.
struct MessageRow {
    int64_t id = 0;
    std::string group_id;
    std::string body;
    int receive_count = 0;
    TimePoint sent_at{};
    std::string receipt;
    int64_t visible_at = 0;
};

// Appends a message to the end of its group unless its dedup id was seen within kDedupWindow.
[[nodiscard]] Result<SendResult> Insert(SqlSession& session,
                                        const QueueRef& queue,
                                        const OutgoingMessage& message,
                                        int64_t now);

// Whether a receivable group head exists (a cheap check before taking the write lock).
[[nodiscard]] Result<bool> HasReceivable(SqlSession& session, const QueueRef& queue, int64_t now);

// The receivable group heads, oldest first.
[[nodiscard]] Result<std::vector<MessageRow>> ReceivableHeads(SqlSession& session,
                                                              const QueueRef& queue,
                                                              int64_t now,
                                                              int limit);

// Marks a head received: invisible until visible_until, with `receipt`.
[[nodiscard]] Status MarkReceived(SqlSession& session,
                                  int64_t id,
                                  const std::string& receipt,
                                  int64_t visible_until);

// The message a receipt names, when it is still this queue's and the receipt is current;
// kNotFound otherwise.
[[nodiscard]] Result<MessageRow> FindByReceipt(SqlSession& session,
                                               const QueueRef& queue,
                                               const std::string& receipt);

// Deletes a message and promotes the next one of its group.
[[nodiscard]] Status Remove(SqlSession& session, const QueueRef& queue, const MessageRow& row);

// Sets when a message becomes visible again, and its last error unless `error` is empty.
[[nodiscard]] Status SetVisibleAt(SqlSession& session,
                                  int64_t id,
                                  int64_t visible_at,
                                  const std::string& error);

// Moves a message to the end of its group in the dead-letter queue with `reason`, and promotes
// the next message of its group in the source queue.
[[nodiscard]] Status MoveToDeadLetters(SqlSession& session,
                                       const QueueRef& queue,
                                       const MessageRow& row,
                                       const std::string& reason,
                                       int64_t now);

[[nodiscard]] Result<QueueStats> ReadStats(SqlSession& session, const QueueRef& queue, int64_t now);

[[nodiscard]] Result<std::vector<DeadLetter>> ReadDeadLetters(SqlSession& session,
                                                              const QueueRef& queue,
                                                              int limit);

// Moves dead letter `id` back to the end of its group in the source queue; kNotFound when it is
// not in this queue's dead-letter queue.
[[nodiscard]] Status Redrive(SqlSession& session, const QueueRef& queue, int64_t id, int64_t now);

}  // namespace scs::queue_rows
