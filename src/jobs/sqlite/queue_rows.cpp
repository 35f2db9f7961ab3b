#include "jobs/sqlite/queue_rows.hpp"

#include <algorithm>

#include "jobs/queue_limits.hpp"
#include "jobs/sqlite/receipt.hpp"

namespace scs::queue_rows {
namespace {

constexpr std::string_view kPurgeDedup =
    "DELETE FROM queue_dedup WHERE queue = $1 AND expires_at <= $2";

constexpr std::string_view kFindDedup =
    "SELECT message_id FROM queue_dedup WHERE queue = $1 AND dedup_id = $2";

constexpr std::string_view kRecordDedup =
    "INSERT INTO queue_dedup (queue, dedup_id, message_id, expires_at) VALUES ($1, $2, $3, $4)";

// A message is its group's head when the group has no other message in the queue yet.
constexpr std::string_view kInsert =
    "INSERT INTO queue_messages (queue, group_id, body, dedup_id, sent_at, visible_at, head) "
    "VALUES ($1, $2, $3, $4, $5, $5, NOT EXISTS (SELECT 1 FROM queue_messages "
    "WHERE queue = $1 AND group_id = $2)) RETURNING id";

constexpr std::string_view kHasReceivable =
    "SELECT 1 FROM queue_messages WHERE queue = $1 AND head = 1 AND visible_at <= $2 LIMIT 1";

constexpr std::string_view kRowColumns =
    "SELECT id, group_id, body, receive_count, sent_at, receipt, visible_at FROM queue_messages ";

constexpr std::string_view kReceivableHeads =
    "WHERE queue = $1 AND head = 1 AND visible_at <= $2 ORDER BY id LIMIT $3";

constexpr std::string_view kById = "WHERE id = $1 AND queue = $2";

constexpr std::string_view kMarkReceived =
    "UPDATE queue_messages SET visible_at = $2, receipt = $3, receive_count = receive_count + 1 "
    "WHERE id = $1";

constexpr std::string_view kDelete = "DELETE FROM queue_messages WHERE id = $1";

constexpr std::string_view kPromote =
    "UPDATE queue_messages SET head = 1 WHERE id = (SELECT min(id) FROM queue_messages "
    "WHERE queue = $1 AND group_id = $2)";

constexpr std::string_view kSetVisibleAt =
    "UPDATE queue_messages SET visible_at = $2, "
    "last_error = CASE WHEN $3 = '' THEN last_error ELSE $3 END WHERE id = $1";

// A new row at the end of its group in the target queue; the caller deletes the old one.
constexpr std::string_view kCopyToDeadLetters =
    "INSERT INTO queue_messages (queue, group_id, body, dedup_id, sent_at, visible_at, head, "
    "receive_count, last_error, source_queue, dead_reason, dead_at) "
    "SELECT $2, group_id, body, dedup_id, sent_at, $4, NOT EXISTS (SELECT 1 FROM queue_messages "
    "d WHERE d.queue = $2 AND d.group_id = m.group_id), receive_count, last_error, queue, $3, $4 "
    "FROM queue_messages m WHERE id = $1";

constexpr std::string_view kCopyToSource =
    "INSERT INTO queue_messages (queue, group_id, body, dedup_id, sent_at, visible_at, head) "
    "SELECT $2, group_id, body, dedup_id, sent_at, $3, NOT EXISTS (SELECT 1 FROM queue_messages "
    "s WHERE s.queue = $2 AND s.group_id = m.group_id) FROM queue_messages m WHERE id = $1";

constexpr std::string_view kStats =
    "SELECT count(*), coalesce(sum(visible_at > $2), 0), min(sent_at) FROM queue_messages "
    "WHERE queue = $1";

constexpr std::string_view kCount = "SELECT count(*) FROM queue_messages WHERE queue = $1";

constexpr std::string_view kDeadLetters =
    "SELECT id, body, group_id, source_queue, dead_reason, last_error, receive_count, sent_at, "
    "dead_at FROM queue_messages WHERE queue = $1 ORDER BY id LIMIT $2";

SqlValue Text(std::string_view text) {
    return std::string(text);
}

Status Run(SqlSession& session, std::string_view sql, const SqlParams& params) {
    auto rows = session.Exec(sql, params);
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    return {};
}

Result<int64_t> FirstInt(SqlSession& session, std::string_view sql, const SqlParams& params) {
    auto rows = session.Exec(sql, params);
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty() || !rows->front().Int(0)) {
        return Fail(ErrorCode::kInternal, "queue query returned no integer: " + std::string(sql));
    }
    return *rows->front().Int(0);
}

MessageRow ToMessageRow(const SqlRow& row) {
    MessageRow message;
    message.id = row.Int(0).value_or(0);
    message.group_id = row.Text(1);
    message.body = row.Text(2);
    message.receive_count = static_cast<int>(row.Int(3).value_or(0));
    message.sent_at = FromUnixMillis(row.Int(4).value_or(0));
    message.receipt = row.Text(5);
    message.visible_at = row.Int(6).value_or(0);
    return message;
}

DeadLetter ToDeadLetter(const SqlRow& row) {
    DeadLetter letter;
    letter.id = row.Text(0);
    letter.body = row.Text(1);
    letter.group_id = row.Text(2);
    letter.source_queue = row.Text(3);
    letter.reason = row.Text(4);
    letter.last_error = row.Text(5);
    letter.receive_count = static_cast<int>(row.Int(6).value_or(0));
    letter.sent_at = FromUnixMillis(row.Int(7).value_or(0));
    letter.dead_at = FromUnixMillis(row.Int(8).value_or(0));
    return letter;
}

Result<std::optional<MessageRow>> FindById(SqlSession& session,
                                           std::string_view queue,
                                           int64_t id) {
    auto rows = session.Exec(std::string(kRowColumns) + std::string(kById), {id, Text(queue)});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return std::optional<MessageRow>();
    }
    return ToMessageRow(rows->front());
}

// Deletes row `id` of `queue` and makes the next message of its group the head.
Status DeleteAndPromote(SqlSession& session,
                        std::string_view queue,
                        int64_t id,
                        const std::string& group_id) {
    if (auto deleted = Run(session, kDelete, {id}); !deleted) {
        return deleted;
    }
    return Run(session, kPromote, {Text(queue), group_id});
}

}  // namespace

Result<SendResult> Insert(SqlSession& session,
                          const QueueRef& queue,
                          const OutgoingMessage& message,
                          int64_t now) {
    if (auto purged = Run(session, kPurgeDedup, {Text(queue.name), now}); !purged) {
        return tl::unexpected(std::move(purged.error()));
    }
    auto seen = session.Exec(kFindDedup, {Text(queue.name), message.dedup_id});
    if (!seen) {
        return tl::unexpected(std::move(seen.error()));
    }
    if (!seen->empty()) {
        return SendResult{seen->front().Text(0), true};
    }
    auto id = FirstInt(session,
                       kInsert,
                       {Text(queue.name), message.group_id, message.body, message.dedup_id, now});
    if (!id) {
        return tl::unexpected(std::move(id.error()));
    }
    const int64_t expires_at = now + kDedupWindow.count();
    if (auto recorded =
            Run(session, kRecordDedup, {Text(queue.name), message.dedup_id, *id, expires_at});
        !recorded) {
        return tl::unexpected(std::move(recorded.error()));
    }
    return SendResult{std::to_string(*id), false};
}

Result<bool> HasReceivable(SqlSession& session, const QueueRef& queue, int64_t now) {
    auto rows = session.Exec(kHasReceivable, {Text(queue.name), now});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    return !rows->empty();
}

Result<std::vector<MessageRow>> ReceivableHeads(SqlSession& session,
                                                const QueueRef& queue,
                                                int64_t now,
                                                int limit) {
    auto rows = session.Exec(std::string(kRowColumns) + std::string(kReceivableHeads),
                             {Text(queue.name), now, int64_t{limit}});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<MessageRow> heads;
    heads.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        heads.push_back(ToMessageRow(row));
    }
    return heads;
}

Status MarkReceived(SqlSession& session,
                    int64_t id,
                    const std::string& receipt,
                    int64_t visible_until) {
    return Run(session, kMarkReceived, {id, visible_until, receipt});
}

Result<MessageRow> FindByReceipt(SqlSession& session,
                                 const QueueRef& queue,
                                 const std::string& receipt) {
    const int64_t id = ReceiptMessageId(receipt).value_or(0);
    auto row = FindById(session, queue.name, id);
    if (!row) {
        return tl::unexpected(std::move(row.error()));
    }
    if (!*row || (*row)->receipt != receipt) {
        return Fail(ErrorCode::kNotFound,
                    "receipt is not current for queue " + std::string(queue.name) +
                        ": the message was received again or is gone");
    }
    return std::move(**row);
}

Status Remove(SqlSession& session, const QueueRef& queue, const MessageRow& row) {
    return DeleteAndPromote(session, queue.name, row.id, row.group_id);
}

Status SetVisibleAt(SqlSession& session, int64_t id, int64_t visible_at, const std::string& error) {
    return Run(session, kSetVisibleAt, {id, visible_at, error});
}

Status MoveToDeadLetters(SqlSession& session,
                         const QueueRef& queue,
                         const MessageRow& row,
                         const std::string& reason,
                         int64_t now) {
    if (auto copied =
            Run(session, kCopyToDeadLetters, {row.id, Text(queue.dead_letters), reason, now});
        !copied) {
        return copied;
    }
    return DeleteAndPromote(session, queue.name, row.id, row.group_id);
}

Result<QueueStats> ReadStats(SqlSession& session, const QueueRef& queue, int64_t now) {
    auto rows = session.Exec(kStats, {Text(queue.name), now});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    auto dead = FirstInt(session, kCount, {Text(queue.dead_letters)});
    if (!dead) {
        return tl::unexpected(std::move(dead.error()));
    }
    const SqlRow& row = rows->front();
    QueueStats stats;
    stats.in_flight = row.Int(1).value_or(0);
    stats.visible = row.Int(0).value_or(0) - stats.in_flight;
    stats.dead_letters = *dead;
    const auto oldest = row.Int(2);
    stats.oldest_age = std::chrono::milliseconds(oldest ? std::max<int64_t>(0, now - *oldest) : 0);
    return stats;
}

Result<std::vector<DeadLetter>> ReadDeadLetters(SqlSession& session,
                                                const QueueRef& queue,
                                                int limit) {
    auto rows = session.Exec(kDeadLetters, {Text(queue.dead_letters), int64_t{limit}});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<DeadLetter> letters;
    letters.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        letters.push_back(ToDeadLetter(row));
    }
    return letters;
}

Status Redrive(SqlSession& session, const QueueRef& queue, int64_t id, int64_t now) {
    auto row = FindById(session, queue.dead_letters, id);
    if (!row) {
        return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
        return Fail(
            ErrorCode::kNotFound,
            "dead letter " + std::to_string(id) + " is not in " + std::string(queue.dead_letters));
    }
    if (auto copied = Run(session, kCopyToSource, {id, Text(queue.name), now}); !copied) {
        return copied;
    }
    return DeleteAndPromote(session, queue.dead_letters, id, (*row)->group_id);
}

}  // namespace scs::queue_rows
