#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "integration/jobs/queue_backend.hpp"
#include "jobs/outbox/outbox.hpp"
#include "jobs/outbox/outbox_relay.hpp"
#include "jobs/queue.hpp"
#include "observability/metrics.hpp"
#include "storage/database.hpp"
#include "storage/storage_config.hpp"

namespace scs::testing {

enum class OutboxDialect { kSqlite, kPostgres };

// "sqlite" / "postgres", for parameterised test names.
std::string OutboxDialectName(const ::testing::TestParamInfo<OutboxDialect>& info);

// The outbox's database for one test, migrated, with SQLite queues on a manual clock
// (TestQueues). SQLite: the queues' own file, as in the embedded deployment. PostgreSQL: a
// unique schema on TEST_PG_DSN, dropped on destruction. Queues opened from Queues() must be
// destroyed before it.
class OutboxTestEnv {
public:
    // nullptr when skipped (PostgreSQL without TEST_PG_DSN) or when setup failed.
    static std::unique_ptr<OutboxTestEnv> Create(OutboxDialect dialect);
    ~OutboxTestEnv();
    OutboxTestEnv(const OutboxTestEnv&) = delete;
    OutboxTestEnv& operator=(const OutboxTestEnv&) = delete;
    OutboxTestEnv(OutboxTestEnv&&) = delete;
    OutboxTestEnv& operator=(OutboxTestEnv&&) = delete;

    Database& Db();

    SqlExecutor& Executor() { return Db().Executor(); }

    // Another connection pool on the same database, as another process would open it.
    Result<std::unique_ptr<Database>> OpenDatabase(const StorageConfig& config = {}) const;

    TestQueues& Queues() { return *queues_; }

    ManualTimeSource& Clock() { return queues_->Clock(); }

private:
    explicit OutboxTestEnv(OutboxDialect dialect) : dialect_(dialect) {}

    Status CreatePostgresSchema(const std::string& dsn);

    OutboxDialect dialect_;
    std::unique_ptr<TestQueues> queues_;
    std::string base_dsn_;
    std::string schema_;
    std::string location_;                // the SQLite file, or the DSN with the schema
    std::unique_ptr<Database> postgres_;  // PostgreSQL only; SQLite uses the queues' database
};

// A Queue that forwards to another and records every Send; it can fail sends on demand and
// run a hook before each send. Thread-safe.
class RecordingQueue final : public Queue {
public:
    explicit RecordingQueue(Queue& inner) : inner_(inner) {}

    // The next `count` sends fail with `code` without reaching the inner queue.
    void FailNext(int count, ErrorCode code = ErrorCode::kUnavailable);

    // Runs before each send (e.g. to move a clock).
    void BeforeSend(std::function<void()> hook);

    // Every message sent successfully, in order.
    std::vector<OutgoingMessage> Sent() const;

    // Send calls, failed ones included.
    int Calls() const;

    const std::string& Name() const override { return inner_.Name(); }

    Result<SendResult> Send(const OutgoingMessage& message) override;

    Result<std::vector<ReceivedMessage>> Receive(int max_messages,
                                                 std::chrono::milliseconds wait,
                                                 std::chrono::milliseconds visibility) override {
        return inner_.Receive(max_messages, wait, visibility);
    }

    Status Delete(const std::string& receipt) override { return inner_.Delete(receipt); }

    Status ChangeVisibility(const std::string& receipt,
                            std::chrono::milliseconds timeout) override {
        return inner_.ChangeVisibility(receipt, timeout);
    }

    Status RetryLater(const std::string& receipt,
                      std::chrono::milliseconds delay,
                      std::string error) override {
        return inner_.RetryLater(receipt, delay, std::move(error));
    }

    Status DeadLetterNow(const std::string& receipt, std::string reason) override {
        return inner_.DeadLetterNow(receipt, std::move(reason));
    }

    Result<QueueStats> Stats() override { return inner_.Stats(); }

    Result<std::vector<DeadLetter>> ListDeadLetters(int limit) override {
        return inner_.ListDeadLetters(limit);
    }

    Status RetryDeadLetter(const std::string& id) override { return inner_.RetryDeadLetter(id); }

private:
    Queue& inner_;
    mutable std::mutex mutex_;
    int fail_next_ = 0;
    ErrorCode fail_code_ = ErrorCode::kUnavailable;
    std::function<void()> before_send_;
    std::vector<OutgoingMessage> sent_;
    int calls_ = 0;
};

// One outbox row as stored.
struct OutboxRow {
    int64_t id = 0;
    std::string queue;
    std::string group_id;
    std::string dedup_id;
    std::string body;
    int64_t created_at = 0;
    int64_t attempts = 0;
    std::optional<std::string> last_error;
    std::optional<std::string> claimed_by;
    std::optional<int64_t> claimed_until;
    std::optional<int64_t> sent_at;
};

// Every outbox row in id order; fails the test on error.
std::vector<OutboxRow> ReadOutbox(SqlExecutor& executor);

// Appends `messages` in one transaction.
Status AppendAll(SqlExecutor& executor, const std::vector<OutboxMessage>& messages, TimePoint now);

// `count` messages for `queue`: body "m<i>", dedup id "d<i>", group "g<i % groups>".
std::vector<OutboxMessage> NumberedMessages(const std::string& queue, int count, int groups = 3);

// The value of one series (e.g. `scs_outbox_pending` or `name{queue="q"}`) in the Prometheus
// text, or nullopt when absent.
std::optional<double> MetricValue(const Metrics& metrics, const std::string& series);

// Polls `condition` every few milliseconds until it holds or `timeout` passes.
bool WaitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Options for a relay named `owner`: batch 100, claim 30 s, backoff 1 s (up to 60 s).
OutboxRelayOptions RelayOptions(const std::string& owner = "relay-a");

// The shared fixture: an OutboxTestEnv of the dialect in GetParam(), an "oms-orders" queue
// (a RecordingQueue over a fresh SQLite queue) and a metrics registry.
class OutboxTest : public ::testing::TestWithParam<OutboxDialect> {
protected:
    void SetUp() override;

    // A relay on the env's database and clock sending "oms-orders" to oms_.
    std::unique_ptr<OutboxRelay> MakeRelay(const OutboxRelayOptions& options);

    std::unique_ptr<OutboxRelay> MakeRelay() { return MakeRelay(RelayOptions()); }

    // Appends `messages` at the clock's now; fails the test on error.
    void Append(const std::vector<OutboxMessage>& messages);

    std::vector<OutboxRow> Rows() { return ReadOutbox(env_->Executor()); }

    int64_t Now() const { return ToUnixMillis(env_->Clock().Now()); }

    // Destroyed in reverse order: the queues before the env that owns their database.
    std::unique_ptr<OutboxTestEnv> env_;
    std::unique_ptr<Queue> queue_;
    std::unique_ptr<RecordingQueue> oms_;
    Metrics metrics_{"test", "test"};
};

}  // namespace scs::testing
