// The relay publishing to SQS (fauxqs at TEST_SQS_ENDPOINT), from an outbox on either dialect.
#include "outbox_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::seconds;

class OutboxSqsTest : public OutboxTest {
protected:
    void SetUp() override {
        OutboxTest::SetUp();
        if (IsSkipped()) {
            return;
        }
        sqs_ = TestQueues::Create(QueueBackend::kSqs);
        if (!sqs_) {
            GTEST_SKIP();
        }
    }

    void TearDown() override { sqs_.reset(); }

    std::unique_ptr<TestQueues> sqs_;
};

TEST_P(OutboxSqsTest, PublishesToAFifoQueueThatDropsRepeatedDedupIds) {
    auto queue = sqs_->Open(TestQueues::UniqueQueueName(true));
    std::map<std::string, Queue*, std::less<>> queues{{"oms-orders", queue.get()}};
    OutboxRelay relay(env_->Executor(), queues, env_->Clock(), metrics_, RelayOptions());
    Append({OrderOutboxMessage("ord-1", 1, "conn-1", "ord-1 v1"),
            OrderOutboxMessage("ord-2", 1, "conn-2", "ord-2 v1"),
            OrderOutboxMessage("ord-1", 2, "conn-1", "ord-1 v2")});

    ASSERT_EQ(relay.RunOnce().value_or(-1), 3);
    // One at a time per group: conn-1's second message comes once its first is deleted.
    auto received = ReceiveUntil(*queue, 2, seconds(10), seconds(30));
    for (const ReceivedMessage& message : received) {
        ASSERT_TRUE(Succeeded(queue->Delete(message.receipt)));
    }
    auto last = ReceiveUntil(*queue, 1, seconds(10), seconds(30));
    ASSERT_EQ(last.size(), 1U);
    ASSERT_TRUE(Succeeded(queue->Delete(last[0].receipt)));
    received.push_back(last[0]);
    EXPECT_EQ(SortedBodies(received),
              (std::vector<std::string>{"ord-1 v1", "ord-1 v2", "ord-2 v1"}));
    for (const ReceivedMessage& message : received) {
        EXPECT_EQ(message.group_id, message.body.starts_with("ord-1") ? "conn-1" : "conn-2");
    }

    // A relay that died before marking publishes everything again: SQS drops the repeats.
    ASSERT_TRUE(Succeeded(env_->Executor().Transact(TxMode::kWrite, [](SqlSession& tx) -> Status {
        auto reset =
            tx.Exec("UPDATE outbox SET sent_at = NULL, claimed_by = NULL, claimed_until = NULL");
        return reset ? Status() : tl::unexpected(reset.error());
    })));
    OutboxRelay restarted(
        env_->Executor(), queues, env_->Clock(), metrics_, RelayOptions("relay-b"));
    ASSERT_EQ(restarted.RunOnce().value_or(-1), 3);
    EXPECT_TRUE(ReceiveUntil(*queue, 1, seconds(2), seconds(30)).empty());
}

TEST_P(OutboxSqsTest, PublishesToAStandardQueueLikeOmsOrders) {
    auto queue = sqs_->Open(TestQueues::UniqueQueueName(false));
    std::map<std::string, Queue*, std::less<>> queues{{"oms-orders", queue.get()}};
    OutboxRelay relay(env_->Executor(), queues, env_->Clock(), metrics_, RelayOptions());
    Append({OrderOutboxMessage("ord-1", 1, "conn-1", "ord-1 v1"),
            OrderOutboxMessage("ord-2", 4, "conn-2", "ord-2 v4")});

    ASSERT_EQ(relay.RunOnce().value_or(-1), 2);
    const auto received = ReceiveUntil(*queue, 2, seconds(10), seconds(30));
    EXPECT_EQ(SortedBodies(received), (std::vector<std::string>{"ord-1 v1", "ord-2 v4"}));
    for (const ReceivedMessage& message : received) {
        EXPECT_EQ(message.group_id, message.body.starts_with("ord-1") ? "conn-1" : "conn-2");
    }
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxSqsTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
