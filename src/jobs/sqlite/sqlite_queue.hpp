#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "jobs/queue.hpp"
#include "jobs/sqlite/queue_rows.hpp"
#include "storage/sql.hpp"

namespace scs {

// A Queue in tables of the service's SQLite file (migrations/sqlite/0003_queues.up.sql), for
// the embedded deployment. Several processes on one host may share the file (a `scs serve` and
// two `scs work`): every receive claims its messages in a write transaction (BEGIN IMMEDIATE)
// with a fresh receipt, and visibility deadlines come from `clock`. Long polling re-checks every
// poll_interval until the wait ends, and wakes at once for a send through this object.
// Dead letters live in the same table under DeadLetterQueueName(name). The executor and clock
// are the composition root's and must outlive the queue. Thread-safe.
class SqliteQueue final : public Queue {
public:
    static constexpr std::chrono::milliseconds kDefaultPollInterval{50};

    SqliteQueue(SqlExecutor& executor,
                const TimeSource& clock,
                QueueOptions options,
                std::chrono::milliseconds poll_interval = kDefaultPollInterval);

    const std::string& Name() const override { return options_.name; }

    [[nodiscard]] Result<SendResult> Send(const OutgoingMessage& message) override;

    [[nodiscard]] Result<std::vector<ReceivedMessage>> Receive(
        int max_messages,
        std::chrono::milliseconds wait,
        std::chrono::milliseconds visibility_timeout) override;

    [[nodiscard]] Status Delete(const std::string& receipt) override;

    [[nodiscard]] Status ChangeVisibility(const std::string& receipt,
                                          std::chrono::milliseconds timeout) override;

    [[nodiscard]] Status RetryLater(const std::string& receipt,
                                    std::chrono::milliseconds delay,
                                    std::string error) override;

    [[nodiscard]] Status DeadLetterNow(const std::string& receipt, std::string reason) override;

    [[nodiscard]] Result<QueueStats> Stats() override;

    [[nodiscard]] Result<std::vector<DeadLetter>> ListDeadLetters(int limit) override;

    [[nodiscard]] Status RetryDeadLetter(const std::string& id) override;

private:
    using ReceiptFn =
        std::function<Status(SqlSession&, const queue_rows::MessageRow&, int64_t now)>;

    Result<std::vector<ReceivedMessage>> TryReceive(int max_messages,
                                                    std::chrono::milliseconds visibility_timeout);
    Result<std::vector<ReceivedMessage>> Claim(SqlSession& session,
                                               int max_messages,
                                               int64_t visible_until);
    // Claims `row` into `received`, or dead-letters it when its receives are used up (true).
    Result<bool> ClaimOrBury(SqlSession& session,
                             queue_rows::MessageRow&& row,
                             int64_t now,
                             int64_t visible_until,
                             std::vector<ReceivedMessage>& received);
    Result<bool> HasReceivable();
    // Runs fn in a write transaction on the message `receipt` currently names.
    Status WithReceipt(const std::string& receipt, const ReceiptFn& fn);
    Status SetVisibility(const std::string& receipt,
                         std::chrono::milliseconds timeout,
                         const std::string& error);
    uint64_t Generation();
    void WaitForChange(uint64_t seen, std::chrono::steady_clock::time_point deadline);
    void NotifyChange();

    queue_rows::QueueRef Ref() const { return {options_.name, dead_letter_name_}; }

    int64_t NowMillis() const { return ToUnixMillis(clock_.Now()); }

    SqlExecutor& executor_;
    const TimeSource& clock_;
    const QueueOptions options_;
    const std::string dead_letter_name_;
    const std::string dead_reason_;
    const std::chrono::milliseconds poll_interval_;
    std::mutex mutex_;
    std::condition_variable changed_;
    uint64_t generation_ = 0;  // bumped by every change a waiting receiver may care about
};

}  // namespace scs
