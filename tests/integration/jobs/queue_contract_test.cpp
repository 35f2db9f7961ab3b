// The Queue contract, run against every backend (/sqlite always, /sqs with TEST_SQS_ENDPOINT).
// Each test uses its own uniquely named queue. Timing: SQLite runs on a manual clock, SQS on
// real time, so visibility timeouts here are whole seconds and waits are generous.
#include <thread>

#include <gtest/gtest.h>

#include "queue_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr milliseconds kNoWait{0};
constexpr milliseconds kLong = seconds(30);     // a visibility no test outlives
constexpr milliseconds kPatience = seconds(5);  // how long to wait for what must arrive

class QueueContractTest : public ::testing::TestWithParam<QueueBackend> {
protected:
    void SetUp() override {
        queues_ = TestQueues::Create(GetParam());
        if (!queues_ && !IsSkipped()) {
            FAIL() << "queue backend setup failed";
        }
    }

    std::unique_ptr<Queue> OpenQueue(int max_receives = 5, bool fifo = true) {
        return queues_->Open(TestQueues::UniqueQueueName(fifo), max_receives);
    }

    static void SendOk(Queue& queue, const std::string& body, const std::string& group) {
        auto sent = queue.Send(Message(body, group, "dedup-" + body));
        ASSERT_TRUE(sent) << sent.error().message;
        EXPECT_FALSE(sent->duplicate);
    }

    static std::vector<ReceivedMessage> ReceiveNow(Queue& queue, int max = 10) {
        auto received = queue.Receive(max, kNoWait, kLong);
        EXPECT_TRUE(received) << received.error().message;
        return received ? *received : std::vector<ReceivedMessage>{};
    }

    static QueueStats StatsOf(Queue& queue) {
        auto stats = queue.Stats();
        EXPECT_TRUE(stats) << stats.error().message;
        return stats ? *stats : QueueStats{};
    }

    static std::vector<DeadLetter> DeadLettersOf(Queue& queue) {
        auto letters = queue.ListDeadLetters(10);
        EXPECT_TRUE(letters) << letters.error().message;
        return letters ? *letters : std::vector<DeadLetter>{};
    }

    // The one message of `messages` with `body`; fails the test when there is none.
    static ReceivedMessage WithBody(const std::vector<ReceivedMessage>& messages,
                                    const std::string& body) {
        for (const ReceivedMessage& message : messages) {
            if (message.body == body) {
                return message;
            }
        }
        ADD_FAILURE() << "no message " << body;
        return {};
    }

    // Receives the next message, expecting `body` on its `attempt`-th delivery, and fails it.
    static void ReceiveAndFail(Queue& queue, const std::string& body, int attempt) {
        auto received = ReceiveUntil(queue, 1, kPatience, kLong);
        ASSERT_EQ(SortedBodies(received), std::vector<std::string>{body});
        EXPECT_EQ(received[0].receive_count, attempt);
        EXPECT_TRUE(Succeeded(queue.RetryLater(received[0].receipt, kNoWait, "boom")));
    }

    std::unique_ptr<TestQueues> queues_;
};

TEST_P(QueueContractTest, DeliversTheFirstMessageOfEachGroupInParallel) {
    auto queue = OpenQueue();
    for (const char* body : {"a1", "a2", "a3"}) {
        SendOk(*queue, body, "group-a");
    }
    for (const char* body : {"b1", "b2"}) {
        SendOk(*queue, body, "group-b");
    }

    auto first = ReceiveUntil(*queue, 2, kPatience, kLong);
    EXPECT_EQ(SortedBodies(first), (std::vector<std::string>{"a1", "b1"}));
    EXPECT_TRUE(ReceiveNow(*queue).empty()) << "a group's next message came while one was out";
    const ReceivedMessage a1 = WithBody(first, "a1");
    EXPECT_EQ(a1.group_id, "group-a");
    EXPECT_EQ(a1.receive_count, 1);
}

TEST_P(QueueContractTest, DeliversTheNextMessageOfAGroupOnlyAfterTheLastIsDeleted) {
    auto queue = OpenQueue();
    for (const char* body : {"a1", "a2", "a3"}) {
        SendOk(*queue, body, "group-a");
    }
    for (const char* body : {"b1", "b2"}) {
        SendOk(*queue, body, "group-b");
    }
    auto first = ReceiveUntil(*queue, 2, kPatience, kLong);
    EXPECT_TRUE(Succeeded(queue->Delete(WithBody(first, "a1").receipt)));
    auto second = ReceiveUntil(*queue, 1, kPatience, kLong);
    EXPECT_EQ(SortedBodies(second), (std::vector<std::string>{"a2"}));
    EXPECT_TRUE(ReceiveNow(*queue).empty()) << "b2 came while b1 was out";

    EXPECT_TRUE(Succeeded(queue->Delete(WithBody(second, "a2").receipt)));
    EXPECT_TRUE(Succeeded(queue->Delete(WithBody(first, "b1").receipt)));
    auto third = ReceiveUntil(*queue, 2, kPatience, kLong);
    EXPECT_EQ(SortedBodies(third), (std::vector<std::string>{"a3", "b2"}));
}

TEST_P(QueueContractTest, DropsARepeatedDeduplicationId) {
    auto queue = OpenQueue();
    auto original = queue->Send(Message("first", "g", "order-1-v1"));
    ASSERT_TRUE(original) << original.error().message;
    EXPECT_FALSE(original->duplicate);
    auto repeat = queue->Send(Message("second", "g", "order-1-v1"));
    ASSERT_TRUE(repeat) << repeat.error().message;
    EXPECT_TRUE(repeat->duplicate);
    EXPECT_EQ(repeat->id, original->id);
    // Another handle (another process) is deduplicated too, whether or not it can tell.
    auto other = queues_->Open(queue->Name());
    ASSERT_TRUE(other->Send(Message("third", "g", "order-1-v1")));
    SendOk(*queue, "next", "g");

    auto received = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(SortedBodies(received), (std::vector<std::string>{"first"}));
    EXPECT_EQ(received[0].id, original->id);
    ASSERT_TRUE(Succeeded(queue->Delete(received[0].receipt)));
    auto next = ReceiveUntil(*queue, 1, kPatience, kLong);
    EXPECT_EQ(SortedBodies(next), (std::vector<std::string>{"next"}));
    ASSERT_EQ(next.size(), 1U);
    ASSERT_TRUE(Succeeded(queue->Delete(next[0].receipt)));
    EXPECT_TRUE(ReceiveNow(*queue).empty()) << "a duplicate was delivered";
}

TEST_P(QueueContractTest, RedeliversAfterTheVisibilityTimeout) {
    auto queue = OpenQueue();
    SendOk(*queue, "job", "g");
    auto first = queue->Receive(1, kNoWait, seconds(1));
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_EQ(first->size(), 1U);
    EXPECT_EQ((*first)[0].receive_count, 1);
    EXPECT_TRUE(ReceiveNow(*queue).empty()) << "delivered twice while invisible";

    queues_->Advance(milliseconds(1500));
    auto again = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].id, (*first)[0].id);
    EXPECT_EQ(again[0].body, "job");
    EXPECT_EQ(again[0].receive_count, 2);
    EXPECT_NE(again[0].receipt, (*first)[0].receipt);
    ASSERT_TRUE(Succeeded(queue->Delete(again[0].receipt)));
    EXPECT_TRUE(ReceiveNow(*queue).empty());
}

TEST_P(QueueContractTest, ChangeVisibilityExtendsAndReturnsAMessage) {
    auto queue = OpenQueue();
    SendOk(*queue, "long-job", "g");
    auto first = queue->Receive(1, kNoWait, seconds(1));
    ASSERT_TRUE(first && first->size() == 1U);
    const std::string receipt = (*first)[0].receipt;
    ASSERT_TRUE(Succeeded(queue->ChangeVisibility(receipt, seconds(4))));

    queues_->Advance(milliseconds(1500));
    EXPECT_TRUE(ReceiveNow(*queue).empty()) << "the extension did not hold";

    ASSERT_TRUE(Succeeded(queue->ChangeVisibility(receipt, kNoWait)));
    EXPECT_TRUE(FailedWith(queue->ChangeVisibility(receipt, seconds(10)), ErrorCode::kConflict))
        << "a returned message is not in flight";
    auto again = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].body, "long-job");
    EXPECT_EQ(again[0].receive_count, 2);
}

TEST_P(QueueContractTest, DeadLettersAMessageReceivedTooOften) {
    auto queue = OpenQueue(/*max_receives=*/2);
    SendOk(*queue, "doomed", "g");
    SendOk(*queue, "behind", "g");
    ReceiveAndFail(*queue, "doomed", 1);
    ReceiveAndFail(*queue, "doomed", 2);

    auto next = ReceiveUntil(*queue, 1, kPatience, kLong);
    EXPECT_EQ(SortedBodies(next), std::vector<std::string>{"behind"})
        << "the third receive must dead-letter, not deliver";
    EXPECT_EQ(WithBody(next, "behind").receive_count, 1);

    const auto letters = DeadLettersOf(*queue);
    ASSERT_EQ(letters.size(), 1U);
    EXPECT_EQ(letters[0].body, "doomed");
    EXPECT_EQ(letters[0].group_id, "g");
    EXPECT_EQ(letters[0].source_queue, queue->Name());
    EXPECT_GE(letters[0].receive_count, 2);
    EXPECT_FALSE(letters[0].reason.empty());
    EXPECT_EQ(StatsOf(*queue).dead_letters, 1);
}

TEST_P(QueueContractTest, DeadLetterNowMovesAPoisonMessageAtOnce) {
    auto queue = OpenQueue();
    SendOk(*queue, "{not-json", "g");
    SendOk(*queue, "fine", "g");
    auto poison = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(poison.size(), 1U);
    ASSERT_TRUE(Succeeded(queue->DeadLetterNow(poison[0].receipt, "unparseable: line 1")));

    auto next = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(next.size(), 1U);
    EXPECT_EQ(next[0].body, "fine") << "the group must move on at once";

    auto letters = queue->ListDeadLetters(10);
    ASSERT_TRUE(letters) << letters.error().message;
    ASSERT_EQ(letters->size(), 1U);
    EXPECT_EQ((*letters)[0].body, "{not-json");
    EXPECT_EQ((*letters)[0].group_id, "g");
    EXPECT_EQ((*letters)[0].reason, "unparseable: line 1");
    EXPECT_EQ((*letters)[0].receive_count, 1);
    EXPECT_EQ((*letters)[0].source_queue, queue->Name());
    EXPECT_TRUE((*letters)[0].dead_at.has_value());
}

TEST_P(QueueContractTest, RetryDeadLetterMovesItBack) {
    auto queue = OpenQueue();
    SendOk(*queue, "retry-me", "g");
    auto received = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(received.size(), 1U);
    ASSERT_TRUE(Succeeded(queue->DeadLetterNow(received[0].receipt, "bad")));
    auto letters = queue->ListDeadLetters(10);
    ASSERT_TRUE(letters && letters->size() == 1U);

    EXPECT_TRUE(FailedWith(queue->RetryDeadLetter("no-such-letter"), ErrorCode::kNotFound));
    ASSERT_TRUE(Succeeded(queue->RetryDeadLetter((*letters)[0].id)));
    auto back = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(back.size(), 1U);
    EXPECT_EQ(back[0].body, "retry-me");
    EXPECT_EQ(back[0].group_id, "g");
    EXPECT_EQ(back[0].receive_count, 1);
    auto after = queue->ListDeadLetters(10);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->empty());
}

TEST_P(QueueContractTest, ReceivesInBatches) {
    auto queue = OpenQueue();
    for (int i = 0; i < 5; ++i) {
        SendOk(*queue, "m" + std::to_string(i), "group-" + std::to_string(i));
    }
    auto capped = queue->Receive(3, seconds(2), kLong);
    ASSERT_TRUE(capped) << capped.error().message;
    EXPECT_GT(capped->size(), 1U) << "one receive should return several groups";
    EXPECT_LE(capped->size(), 3U);
    auto rest = ReceiveUntil(*queue, 5 - capped->size(), kPatience, kLong);
    rest.insert(rest.end(), capped->begin(), capped->end());
    EXPECT_EQ(SortedBodies(rest), (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4"}));
    EXPECT_TRUE(ReceiveNow(*queue).empty());
}

TEST_P(QueueContractTest, LongPollReturnsWhenAMessageArrives) {
    auto queue = OpenQueue();
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<ReceivedMessage>> received;
    std::thread receiver([&] { received = queue->Receive(1, seconds(15), kLong); });
    // The stimulus, not synchronisation: the send must come while the receiver waits.
    std::this_thread::sleep_for(milliseconds(300));
    SendOk(*queue, "wake-up", "g");
    receiver.join();
    const auto elapsed = std::chrono::steady_clock::now() - start;

    ASSERT_TRUE(received) << received.error().message;
    ASSERT_EQ(received->size(), 1U);
    EXPECT_EQ((*received)[0].body, "wake-up");
    EXPECT_GE(elapsed, milliseconds(300));
    EXPECT_LT(elapsed, seconds(5)) << "the long poll did not return early";
}

TEST_P(QueueContractTest, LongPollOnAnEmptyQueueWaitsThenReturnsNothing) {
    auto queue = OpenQueue();
    const auto start = std::chrono::steady_clock::now();
    auto received = queue->Receive(1, seconds(1), kLong);
    ASSERT_TRUE(received) << received.error().message;
    EXPECT_TRUE(received->empty());
    EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(900));
}

TEST_P(QueueContractTest, ReportsStats) {
    auto queue = OpenQueue();
    const QueueStats empty = StatsOf(*queue);
    EXPECT_EQ(empty.visible, 0);
    EXPECT_EQ(empty.in_flight, 0);
    SendOk(*queue, "a1", "a");
    SendOk(*queue, "a2", "a");
    SendOk(*queue, "b1", "b");
    EXPECT_EQ(ReceiveUntil(*queue, 1, kPatience, kLong).size(), 1U);
    queues_->Advance(milliseconds(1100));

    const QueueStats stats = StatsOf(*queue);
    EXPECT_EQ(stats.visible, 2);
    EXPECT_EQ(stats.in_flight, 1);
    EXPECT_EQ(stats.dead_letters, 0);
    // SQS cannot tell (nullopt); where a backend can, the wait must show.
    EXPECT_GE(stats.oldest_age.value_or(milliseconds(1100)), milliseconds(1100));
}

TEST_P(QueueContractTest, RejectsArgumentsOutsideTheLimits) {
    auto queue = OpenQueue();
    EXPECT_TRUE(FailedWith(queue->Receive(0, kNoWait, kLong), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(queue->Receive(11, kNoWait, kLong), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(queue->Receive(1, seconds(21), kLong), ErrorCode::kBadRequest));
    EXPECT_TRUE(
        FailedWith(queue->Receive(1, kNoWait, std::chrono::hours(13)), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(queue->Send(Message("body", "", "d")), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(queue->Send(Message("body", "g", "")), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(queue->Send(Message("", "g", "d")), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(queue->ListDeadLetters(0), ErrorCode::kBadRequest));
}

TEST_P(QueueContractTest, StandardNamedQueueKeepsGroupAndDropsRepeats) {
    auto queue = OpenQueue(5, /*fifo=*/false);
    SendOk(*queue, "event", "connection-7");
    auto repeat = queue->Send(Message("event", "connection-7", "dedup-event"));
    ASSERT_TRUE(repeat) << repeat.error().message;
    EXPECT_TRUE(repeat->duplicate);
    auto received = ReceiveUntil(*queue, 1, kPatience, kLong);
    ASSERT_EQ(received.size(), 1U);
    EXPECT_EQ(received[0].body, "event");
    EXPECT_EQ(received[0].group_id, "connection-7");
    ASSERT_TRUE(Succeeded(queue->Delete(received[0].receipt)));
    EXPECT_TRUE(ReceiveNow(*queue).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         QueueContractTest,
                         ::testing::Values(QueueBackend::kSqlite, QueueBackend::kSqs),
                         QueueBackendName);

}  // namespace
}  // namespace scs::testing
