#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "jobs/queue.hpp"
#include "jobs/sqs/sqs_client.hpp"
#include "storage/database.hpp"
#include "support/test_env.hpp"

namespace scs::testing {

enum class QueueBackend { kSqlite, kSqs };

// "sqlite" / "sqs", for parameterised test names.
std::string QueueBackendName(const ::testing::TestParamInfo<QueueBackend>& info);

// A clock that moves only when told. Thread-safe.
class ManualTimeSource final : public TimeSource {
public:
    explicit ManualTimeSource(TimePoint start) : now_ms_(ToUnixMillis(start)) {}

    TimePoint Now() const override { return FromUnixMillis(now_ms_.load()); }

    void Advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }

private:
    std::atomic<int64_t> now_ms_;
};

// Queues of one backend for one test: SQLite on a migrated file in a temp directory with a
// manual clock, or SQS at TEST_SQS_ENDPOINT (queues created with EnsureSqsQueues under unique
// names, deleted afterwards). Queues it opens must be destroyed before it.
class TestQueues {
public:
    // nullptr when the test was skipped (SQS without TEST_SQS_ENDPOINT) or setup failed.
    static std::unique_ptr<TestQueues> Create(QueueBackend backend);
    ~TestQueues();
    TestQueues(const TestQueues&) = delete;
    TestQueues& operator=(const TestQueues&) = delete;
    TestQueues(TestQueues&&) = delete;
    TestQueues& operator=(TestQueues&&) = delete;

    // A fresh unique name; FIFO (".fifo") unless told otherwise.
    static std::string UniqueQueueName(bool fifo = true);

    // A handle to queue `name` (created on SQS when new). Several handles may share a name.
    std::unique_ptr<Queue> Open(const std::string& name, int max_receives = 5);

    // Lets `duration` pass for the queues: the SQLite clock jumps; on SQS real time passes.
    void Advance(std::chrono::milliseconds duration);

    QueueBackend Backend() const { return backend_; }

    // SQLite only (nullptr on SQS): the database and its manual clock.
    Database* SqliteDatabase() const { return database_.get(); }

    ManualTimeSource& Clock() { return clock_; }

    const std::filesystem::path& Directory() const { return dir_->Path(); }

private:
    explicit TestQueues(QueueBackend backend) : backend_(backend) {}

    QueueBackend backend_;
    ManualTimeSource clock_{FromUnixMillis(1'700'000'000'000)};
    SystemTimeSource system_clock_;
    std::optional<TempDir> dir_;
    std::unique_ptr<Database> database_;
    std::optional<SqsClient> sqs_;
    std::vector<std::string> created_;  // SQS queue names to delete, dead-letter queues included
};

// Client settings for `endpoint` with AWS_REGION, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
// from the environment (defaults: us-east-1, test, test, as fauxqs accepts).
SqsSettings TestSqsSettings(const std::string& endpoint);

// Receives until `count` messages arrived or `timeout` passed, long polling in between.
std::vector<ReceivedMessage> ReceiveUntil(Queue& queue,
                                          size_t count,
                                          std::chrono::milliseconds timeout,
                                          std::chrono::milliseconds visibility);

// The bodies of `messages`, sorted.
std::vector<std::string> SortedBodies(const std::vector<ReceivedMessage>& messages);

OutgoingMessage Message(std::string body, std::string group, std::string dedup);

// Success when `status` succeeded; otherwise says why not.
::testing::AssertionResult Succeeded(const Status& status);

// Success when `status` failed with `code`.
::testing::AssertionResult FailedWith(const Status& status, ErrorCode code);

template <class T>
::testing::AssertionResult FailedWith(const Result<T>& result, ErrorCode code) {
    if (result) {
        return ::testing::AssertionFailure() << "succeeded";
    }
    return FailedWith(Status(tl::unexpected(result.error())), code);
}

}  // namespace scs::testing
