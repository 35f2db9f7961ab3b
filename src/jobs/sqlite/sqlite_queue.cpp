#include "jobs/sqlite/sqlite_queue.hpp"

#include <algorithm>
#include <charconv>

#include "jobs/queue_limits.hpp"
#include "jobs/queue_names.hpp"
#include "jobs/sqlite/receipt.hpp"

namespace scs {
namespace {

constexpr int kMaxDeadLetterPage = 1000;

// app/config validates max_receives; a value below 1 would dead-letter every message unseen.
QueueOptions Normalized(QueueOptions options) {
    options.max_receives = std::max(1, options.max_receives);
    return options;
}

ReceivedMessage ToReceived(queue_rows::MessageRow&& row, std::string receipt) {
    ReceivedMessage message;
    message.id = std::to_string(row.id);
    message.receipt = std::move(receipt);
    message.body = std::move(row.body);
    message.group_id = std::move(row.group_id);
    message.receive_count = row.receive_count + 1;
    message.sent_at = row.sent_at;
    return message;
}

std::optional<int64_t> ParseId(const std::string& id) {
    int64_t value = 0;
    const char* end = id.data() + id.size();
    const auto [ptr, ec] = std::from_chars(id.data(), end, value);
    if (ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

SqliteQueue::SqliteQueue(SqlExecutor& executor,
                         const TimeSource& clock,
                         QueueOptions options,
                         std::chrono::milliseconds poll_interval)
    : executor_(executor),
      clock_(clock),
      options_(Normalized(std::move(options))),
      dead_letter_name_(DeadLetterQueueName(options_.name)),
      dead_reason_("received more than max_receives (" + std::to_string(options_.max_receives) +
                   ") times"),
      poll_interval_(poll_interval) {}

Result<SendResult> SqliteQueue::Send(const OutgoingMessage& message) {
    if (auto valid = ValidateOutgoing(message); !valid) {
        return tl::unexpected(std::move(valid.error()));
    }
    auto sent = TransactValue<SendResult>(executor_, TxMode::kWrite, [&](SqlSession& session) {
        return queue_rows::Insert(session, Ref(), message, NowMillis());
    });
    if (sent && !sent->duplicate) {
        NotifyChange();
    }
    return sent;
}

Result<std::vector<ReceivedMessage>> SqliteQueue::Receive(
    int max_messages,
    std::chrono::milliseconds wait,
    std::chrono::milliseconds visibility_timeout) {
    if (auto valid = ValidateReceive(max_messages, wait, visibility_timeout); !valid) {
        return tl::unexpected(std::move(valid.error()));
    }
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        const uint64_t seen = Generation();
        auto receivable = HasReceivable();
        if (!receivable) {
            return tl::unexpected(std::move(receivable.error()));
        }
        if (*receivable) {
            auto received = TryReceive(max_messages, visibility_timeout);
            if (!received || !received->empty()) {
                return received;
            }
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return std::vector<ReceivedMessage>{};
        }
        WaitForChange(seen, deadline);
    }
}

Status SqliteQueue::Delete(const std::string& receipt) {
    auto deleted = WithReceipt(
        receipt, [this](SqlSession& session, const queue_rows::MessageRow& row, int64_t) {
            return queue_rows::Remove(session, Ref(), row);
        });
    if (deleted) {
        NotifyChange();
    }
    return deleted;
}

Status SqliteQueue::ChangeVisibility(const std::string& receipt,
                                     std::chrono::milliseconds timeout) {
    return SetVisibility(receipt, timeout, "");
}

Status SqliteQueue::RetryLater(const std::string& receipt,
                               std::chrono::milliseconds delay,
                               std::string error) {
    // An empty error would keep the previous one: record that there was a failure at all.
    return SetVisibility(receipt, delay, error.empty() ? "unknown error" : error);
}

Status SqliteQueue::DeadLetterNow(const std::string& receipt, std::string reason) {
    auto moved = WithReceipt(
        receipt,
        [this, &reason](SqlSession& session, const queue_rows::MessageRow& row, int64_t now) {
            return queue_rows::MoveToDeadLetters(session, Ref(), row, reason, now);
        });
    if (moved) {
        NotifyChange();
    }
    return moved;
}

Result<QueueStats> SqliteQueue::Stats() {
    return TransactValue<QueueStats>(executor_, TxMode::kRead, [this](SqlSession& session) {
        return queue_rows::ReadStats(session, Ref(), NowMillis());
    });
}

Result<std::vector<DeadLetter>> SqliteQueue::ListDeadLetters(int limit) {
    if (limit < 1 || limit > kMaxDeadLetterPage) {
        return FailField("limit", "the dead-letter limit must be 1-1000");
    }
    return TransactValue<std::vector<DeadLetter>>(
        executor_, TxMode::kRead, [this, limit](SqlSession& session) {
            return queue_rows::ReadDeadLetters(session, Ref(), limit);
        });
}

Status SqliteQueue::RetryDeadLetter(const std::string& id) {
    const auto parsed = ParseId(id);
    if (!parsed) {
        return Fail(ErrorCode::kNotFound, "dead letter " + id + " is not in " + dead_letter_name_);
    }
    auto status = executor_.Transact(TxMode::kWrite, [&](SqlSession& session) {
        return queue_rows::Redrive(session, Ref(), *parsed, NowMillis());
    });
    if (status) {
        NotifyChange();
    }
    return status;
}

Result<std::vector<ReceivedMessage>> SqliteQueue::TryReceive(
    int max_messages, std::chrono::milliseconds visibility_timeout) {
    return TransactValue<std::vector<ReceivedMessage>>(
        executor_, TxMode::kWrite, [&](SqlSession& session) {
            return Claim(session, max_messages, NowMillis() + visibility_timeout.count());
        });
}

// Claims up to max_messages receivable heads. A head that has used up its receives goes to the
// dead-letter queue instead, which makes the next message of its group a receivable head: hence
// the loop, which ends because every pass claims or moves at least one message.
Result<std::vector<ReceivedMessage>> SqliteQueue::Claim(SqlSession& session,
                                                        int max_messages,
                                                        int64_t visible_until) {
    const int64_t now = NowMillis();
    std::vector<ReceivedMessage> received;
    for (;;) {
        const int wanted = max_messages - static_cast<int>(received.size());
        auto heads = queue_rows::ReceivableHeads(session, Ref(), now, wanted);
        if (!heads) {
            return tl::unexpected(std::move(heads.error()));
        }
        bool moved = false;
        for (queue_rows::MessageRow& row : *heads) {
            auto buried = ClaimOrBury(session, std::move(row), now, visible_until, received);
            if (!buried) {
                return tl::unexpected(std::move(buried.error()));
            }
            moved = moved || *buried;
        }
        if (!moved || static_cast<int>(received.size()) >= max_messages) {
            return received;
        }
    }
}

Result<bool> SqliteQueue::ClaimOrBury(SqlSession& session,
                                      queue_rows::MessageRow&& row,
                                      int64_t now,
                                      int64_t visible_until,
                                      std::vector<ReceivedMessage>& received) {
    if (row.receive_count >= options_.max_receives) {
        auto dead = queue_rows::MoveToDeadLetters(session, Ref(), row, dead_reason_, now);
        if (!dead) {
            return tl::unexpected(std::move(dead.error()));
        }
        return true;
    }
    std::string receipt = MakeReceipt(row.id);
    if (auto marked = queue_rows::MarkReceived(session, row.id, receipt, visible_until); !marked) {
        return tl::unexpected(std::move(marked.error()));
    }
    received.push_back(ToReceived(std::move(row), std::move(receipt)));
    return false;
}

Result<bool> SqliteQueue::HasReceivable() {
    return TransactValue<bool>(executor_, TxMode::kRead, [this](SqlSession& session) {
        return queue_rows::HasReceivable(session, Ref(), NowMillis());
    });
}

Status SqliteQueue::WithReceipt(const std::string& receipt, const ReceiptFn& fn) {
    return executor_.Transact(TxMode::kWrite, [&](SqlSession& session) -> Status {
        auto row = queue_rows::FindByReceipt(session, Ref(), receipt);
        if (!row) {
            return tl::unexpected(std::move(row.error()));
        }
        return fn(session, *row, NowMillis());
    });
}

Status SqliteQueue::SetVisibility(const std::string& receipt,
                                  std::chrono::milliseconds timeout,
                                  const std::string& error) {
    if (auto valid = ValidateVisibility(timeout); !valid) {
        return valid;
    }
    auto changed = WithReceipt(
        receipt,
        [&](SqlSession& session, const queue_rows::MessageRow& row, int64_t now) -> Status {
            // As on SQS: once the timeout has passed the message may already be someone else's.
            if (row.visible_at <= now) {
                return Fail(ErrorCode::kConflict,
                            "message " + std::to_string(row.id) + " of " + options_.name +
                                " is not in flight: its visibility timeout has passed");
            }
            return queue_rows::SetVisibleAt(session, row.id, now + timeout.count(), error);
        });
    if (changed) {
        NotifyChange();
    }
    return changed;
}

uint64_t SqliteQueue::Generation() {
    std::lock_guard lock(mutex_);
    return generation_;
}

void SqliteQueue::WaitForChange(uint64_t seen, std::chrono::steady_clock::time_point deadline) {
    const auto until = std::min(deadline, std::chrono::steady_clock::now() + poll_interval_);
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, until, [&] { return generation_ != seen; });
}

void SqliteQueue::NotifyChange() {
    {
        std::lock_guard lock(mutex_);
        ++generation_;
    }
    changed_.notify_all();
}

}  // namespace scs
