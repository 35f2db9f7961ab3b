// SqliteQueue beyond the shared contract: several processes on one file (stood in for by queue
// objects with separate executors), many concurrent receivers, stale receipts, and what the
// manual clock lets us check (the dedup window, the oldest message's age, kept errors).
#include "jobs/sqlite/sqlite_queue.hpp"

#include <latch>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "jobs/queue_names.hpp"
#include "queue_backend.hpp"
#include "storage/sqlite/sqlite_executor.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr milliseconds kLong = std::chrono::minutes(10);

class SqliteQueueTest : public ::testing::Test {
protected:
    void SetUp() override {
        queues_ = TestQueues::Create(QueueBackend::kSqlite);
        ASSERT_NE(queues_, nullptr);
        name_ = TestQueues::UniqueQueueName();
        queue_ = queues_->Open(name_, 3);
    }

    // A second "process": its own connection pool on the same file.
    std::unique_ptr<SqlExecutor> OpenSecondExecutor() {
        auto executor = OpenSqliteExecutor(queues_->Directory() / "scs.db", {});
        EXPECT_TRUE(executor) << executor.error().message;
        return executor ? std::move(*executor) : nullptr;
    }

    void SendMany(int groups, int per_group) {
        for (int seq = 0; seq < per_group; ++seq) {
            for (int g = 0; g < groups; ++g) {
                const std::string body = std::to_string(g) + ":" + std::to_string(seq);
                auto sent = queue_->Send(Message(body, "g" + std::to_string(g), "d" + body));
                ASSERT_TRUE(sent) << sent.error().message;
            }
        }
    }

    std::unique_ptr<TestQueues> queues_;
    std::string name_;
    std::unique_ptr<Queue> queue_;
};

// What receivers on many threads saw, checked on the test thread.
class Deliveries {
public:
    // Records a delivery; false when the message was already delivered or its group had one
    // out, or it came out of its group's order.
    bool Take(const ReceivedMessage& message) {
        std::lock_guard lock(mutex_);
        const auto colon = message.body.find(':');
        const int seq = std::stoi(message.body.substr(colon + 1));
        const bool fresh = ids_.insert(message.id).second;
        const bool free = busy_groups_.insert(message.group_id).second;
        auto [last, first] = last_seq_.try_emplace(message.group_id, -1);
        const bool ordered = seq == last->second + 1;
        last->second = seq;
        if (!fresh || !free || !ordered) {
            errors_.push_back("bad delivery of " + message.body);
        }
        return fresh && free && ordered;
    }

    void Done(const ReceivedMessage& message) {
        std::lock_guard lock(mutex_);
        busy_groups_.erase(message.group_id);
    }

    void Error(const std::string& error) {
        std::lock_guard lock(mutex_);
        errors_.push_back(error);
    }

    size_t Count() {
        std::lock_guard lock(mutex_);
        return ids_.size();
    }

    std::vector<std::string> Errors() {
        std::lock_guard lock(mutex_);
        return errors_;
    }

private:
    std::mutex mutex_;
    std::set<std::string> ids_;
    std::set<std::string> busy_groups_;
    std::map<std::string, int> last_seq_;
    std::vector<std::string> errors_;
};

// Receives and deletes until `total` messages were delivered overall.
void Drain(Queue& queue, Deliveries& deliveries, size_t total) {
    while (deliveries.Count() < total) {
        auto batch = queue.Receive(4, milliseconds(100), kLong);
        if (!batch) {
            deliveries.Error(batch.error().message);
            return;
        }
        for (const ReceivedMessage& message : *batch) {
            deliveries.Take(message);
            // Marked free before the delete: once deleted, the next one may come at once.
            deliveries.Done(message);
            if (auto deleted = queue.Delete(message.receipt); !deleted) {
                deliveries.Error(deleted.error().message);
            }
        }
    }
}

TEST_F(SqliteQueueTest, TwoProcessesNeverReceiveTheSameMessage) {
    constexpr int kGroups = 20;
    constexpr int kPerGroup = 10;
    SendMany(kGroups, kPerGroup);
    auto second_executor = OpenSecondExecutor();
    ASSERT_NE(second_executor, nullptr);
    SqliteQueue second(*second_executor, queues_->Clock(), QueueOptions{name_, 3});

    Deliveries deliveries;
    const size_t total = size_t{kGroups} * kPerGroup;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (Queue* queue : {queue_.get(), static_cast<Queue*>(&second)}) {
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, queue] { Drain(*queue, deliveries, total); });
        }
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(deliveries.Errors(), std::vector<std::string>{});
    EXPECT_EQ(deliveries.Count(), total);
    auto stats = queue_->Stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->visible + stats->in_flight, 0);
}

// What concurrent receivers got, without deleting anything.
struct Received {
    std::mutex mutex;
    std::vector<ReceivedMessage> messages;
    std::vector<std::string> errors;
};

// Receives (never deleting) until the queue has nothing receivable left.
void ReceiveUntilEmpty(Queue& queue, Received& received) {
    for (;;) {
        auto batch = queue.Receive(3, milliseconds(0), kLong);
        std::lock_guard lock(received.mutex);
        if (!batch) {
            received.errors.push_back(batch.error().message);
            return;
        }
        if (batch->empty()) {
            return;
        }
        received.messages.insert(received.messages.end(), batch->begin(), batch->end());
    }
}

TEST_F(SqliteQueueTest, ConcurrentReceiversNeverSeeAnInvisibleMessageTwice) {
    constexpr int kThreads = 8;
    constexpr int kMessages = 120;
    SendMany(kMessages, 1);
    std::latch start(kThreads);
    Received received;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            start.arrive_and_wait();
            ReceiveUntilEmpty(*queue_, received);
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(received.errors, std::vector<std::string>{});
    std::set<std::string> ids;
    for (const ReceivedMessage& message : received.messages) {
        EXPECT_TRUE(ids.insert(message.id).second) << "delivered twice: " << message.body;
    }
    EXPECT_EQ(ids.size(), size_t{kMessages});
}

TEST_F(SqliteQueueTest, AStaleReceiptCannotFinishAMessageReceivedAgain) {
    ASSERT_TRUE(queue_->Send(Message("job", "g", "d1")));
    auto first = queue_->Receive(1, milliseconds(0), seconds(1));
    ASSERT_TRUE(first && first->size() == 1U);
    queues_->Advance(seconds(2));
    auto second = queue_->Receive(1, milliseconds(0), seconds(30));
    ASSERT_TRUE(second && second->size() == 1U);

    const std::string stale = (*first)[0].receipt;
    EXPECT_TRUE(FailedWith(queue_->Delete(stale), ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(queue_->ChangeVisibility(stale, seconds(5)), ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(queue_->DeadLetterNow(stale, "x"), ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(queue_->Delete("garbage"), ErrorCode::kNotFound));
    EXPECT_TRUE(Succeeded(queue_->Delete((*second)[0].receipt)));
    EXPECT_TRUE(FailedWith(queue_->Delete((*second)[0].receipt), ErrorCode::kNotFound));
}

TEST_F(SqliteQueueTest, ADeduplicationIdIsFreeAgainAfterFiveMinutes) {
    auto first = queue_->Send(Message("one", "g", "same"));
    ASSERT_TRUE(first);
    queues_->Advance(std::chrono::minutes(5) - milliseconds(1));
    auto within = queues_->Open(name_)->Send(Message("two", "g", "same"));
    ASSERT_TRUE(within);
    EXPECT_TRUE(within->duplicate) << "another handle must see the duplicate too";
    EXPECT_EQ(within->id, first->id);
    queues_->Advance(milliseconds(1));
    auto after = queue_->Send(Message("three", "g", "same"));
    ASSERT_TRUE(after);
    EXPECT_FALSE(after->duplicate);
    EXPECT_NE(after->id, first->id);
}

TEST_F(SqliteQueueTest, ADeadLetterKeepsItsLastErrorAndTimes) {
    ASSERT_TRUE(queue_->Send(Message("doomed", "g", "d")));
    for (int attempt = 1; attempt <= 3; ++attempt) {
        auto received = queue_->Receive(1, milliseconds(0), kLong);
        ASSERT_TRUE(received && received->size() == 1U);
        const std::string error = "attempt " + std::to_string(attempt) + " failed";
        ASSERT_TRUE(Succeeded(queue_->RetryLater((*received)[0].receipt, seconds(1), error)));
        queues_->Advance(seconds(1));
    }
    auto none = queue_->Receive(1, milliseconds(0), kLong);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());

    auto letters = queue_->ListDeadLetters(10);
    ASSERT_TRUE(letters && letters->size() == 1U);
    const DeadLetter& letter = (*letters)[0];
    EXPECT_EQ(letter.last_error, "attempt 3 failed");
    EXPECT_EQ(letter.reason, "received more than max_receives (3) times");
    EXPECT_EQ(letter.receive_count, 3);
    EXPECT_EQ(letter.sent_at, FromUnixMillis(1'700'000'000'000));
    EXPECT_EQ(letter.dead_at, queues_->Clock().Now());
}

TEST_F(SqliteQueueTest, RetryLaterKeepsTheGroupWaitingForTheFailedMessage) {
    ASSERT_TRUE(queue_->Send(Message("first", "g", "d1")));
    ASSERT_TRUE(queue_->Send(Message("second", "g", "d2")));
    auto received = queue_->Receive(10, milliseconds(0), kLong);
    ASSERT_TRUE(received && received->size() == 1U);
    ASSERT_TRUE(Succeeded(queue_->RetryLater((*received)[0].receipt, seconds(30), "flaky")));

    auto during = queue_->Receive(10, milliseconds(0), kLong);
    ASSERT_TRUE(during);
    EXPECT_TRUE(during->empty()) << "the group must wait for its failed message";
    queues_->Advance(seconds(30));
    auto after = queue_->Receive(10, milliseconds(0), kLong);
    ASSERT_TRUE(after && after->size() == 1U);
    EXPECT_EQ((*after)[0].body, "first");
}

TEST_F(SqliteQueueTest, ReportsTheOldestMessagesAge) {
    ASSERT_TRUE(queue_->Send(Message("old", "g", "d1")));
    queues_->Advance(seconds(42));
    ASSERT_TRUE(queue_->Send(Message("new", "h", "d2")));
    auto stats = queue_->Stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->oldest_age, milliseconds(seconds(42)));
}

TEST_F(SqliteQueueTest, LongPollSeesASendFromAnotherProcess) {
    auto second_executor = OpenSecondExecutor();
    ASSERT_NE(second_executor, nullptr);
    SqliteQueue second(*second_executor, queues_->Clock(), QueueOptions{name_, 3});
    Result<std::vector<ReceivedMessage>> received;
    const auto start = std::chrono::steady_clock::now();
    std::thread receiver([&] { received = queue_->Receive(1, seconds(10), kLong); });
    std::this_thread::sleep_for(milliseconds(200));
    ASSERT_TRUE(second.Send(Message("from afar", "g", "d")));
    receiver.join();
    ASSERT_TRUE(received && received->size() == 1U);
    EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(2));
}

TEST_F(SqliteQueueTest, QueuesAndTheirDeadLettersAreSeparate) {
    auto other = queues_->Open(TestQueues::UniqueQueueName(), 3);
    ASSERT_TRUE(other->Send(Message("elsewhere", "g", "d")));
    auto received = queue_->Receive(10, milliseconds(0), kLong);
    ASSERT_TRUE(received);
    EXPECT_TRUE(received->empty());
    auto dead_letter_queue = queues_->Open(DeadLetterQueueName(name_), 3);
    auto in_dlq = dead_letter_queue->Receive(10, milliseconds(0), kLong);
    ASSERT_TRUE(in_dlq);
    EXPECT_TRUE(in_dlq->empty());
    EXPECT_TRUE(FailedWith(queue_->RetryDeadLetter("12345"), ErrorCode::kNotFound));
}

}  // namespace
}  // namespace scs::testing
