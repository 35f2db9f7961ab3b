// OutboxRelay's happy path: publishing, batches, the pending count and gauge, pruning.
#include <set>

#include "outbox_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;

using OutboxRelayTest = OutboxTest;

TEST_P(OutboxRelayTest, PublishesEveryPendingRowOnceAndMarksItSent) {
    // One group per message, so the queue hands them all out at once below.
    Append(NumberedMessages("oms-orders", 5, 5));
    auto relay = MakeRelay();

    auto sent = relay->RunOnce();
    ASSERT_TRUE(sent) << sent.error().message;
    EXPECT_EQ(*sent, 5);

    const auto messages = oms_->Sent();
    ASSERT_EQ(messages.size(), 5U);
    for (size_t i = 0; i < messages.size(); ++i) {
        const std::string n = std::to_string(i);
        EXPECT_EQ(messages[i].body, "m" + n);
        EXPECT_EQ(messages[i].dedup_id, "d" + n);
        EXPECT_EQ(messages[i].group_id, "g" + n);
    }
    for (const OutboxRow& row : Rows()) {
        EXPECT_EQ(row.sent_at, Now()) << row.id;
        EXPECT_EQ(row.claimed_by, "relay-a");
        EXPECT_EQ(row.attempts, 0);
    }
    // The messages really are in the queue.
    const auto received = ReceiveUntil(*queue_, 5, std::chrono::seconds(5), milliseconds(30000));
    EXPECT_EQ(SortedBodies(received), (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4"}));

    // Nothing is published twice.
    EXPECT_EQ(relay->RunOnce().value_or(-1), 0);
    EXPECT_EQ(oms_->Calls(), 5);
}

TEST_P(OutboxRelayTest, PublishesOrderMessagesWithIdAndVersionAsDedupId) {
    Append({OrderOutboxMessage("ord-1", 1, "conn-4", R"({"v":1})"),
            OrderOutboxMessage("ord-1", 2, "conn-4", R"({"v":2})")});
    ASSERT_EQ(MakeRelay()->RunOnce().value_or(-1), 2);

    const auto messages = oms_->Sent();
    ASSERT_EQ(messages.size(), 2U);
    EXPECT_EQ(messages[0].dedup_id, "ord-1:1");
    EXPECT_EQ(messages[1].dedup_id, "ord-1:2");
    EXPECT_EQ(messages[1].group_id, "conn-4");
    EXPECT_EQ(messages[1].body, R"({"v":2})");
}

TEST_P(OutboxRelayTest, BatchSizeLimitsEachPassAndKeepsIdOrder) {
    Append(NumberedMessages("oms-orders", 7));
    OutboxRelayOptions options = RelayOptions();
    options.batch_size = 3;
    auto relay = MakeRelay(options);

    EXPECT_EQ(relay->RunOnce().value_or(-1), 3);
    EXPECT_EQ(relay->RunOnce().value_or(-1), 3);
    EXPECT_EQ(relay->RunOnce().value_or(-1), 1);
    EXPECT_EQ(relay->RunOnce().value_or(-1), 0);

    std::vector<std::string> bodies;
    for (const OutgoingMessage& message : oms_->Sent()) {
        bodies.push_back(message.body);
    }
    EXPECT_EQ(bodies, (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4", "m5", "m6"}));
}

TEST_P(OutboxRelayTest, CountsPendingRowsAndUpdatesTheGauge) {
    Append(NumberedMessages("oms-orders", 4));
    OutboxRelayOptions options = RelayOptions();
    options.batch_size = 3;
    auto relay = MakeRelay(options);
    EXPECT_EQ(relay->PendingCount().value_or(-1), 4);
    EXPECT_FALSE(MetricValue(metrics_, "scs_outbox_pending"));

    ASSERT_EQ(relay->RunOnce().value_or(-1), 3);
    EXPECT_EQ(relay->PendingCount().value_or(-1), 1);
    EXPECT_EQ(MetricValue(metrics_, "scs_outbox_pending"), 1.0);
    EXPECT_EQ(MetricValue(metrics_, R"(scs_outbox_published_total{queue="oms-orders"})"), 3.0);

    ASSERT_EQ(relay->RunOnce().value_or(-1), 1);
    EXPECT_EQ(relay->PendingCount().value_or(-1), 0);
    EXPECT_EQ(MetricValue(metrics_, "scs_outbox_pending"), 0.0);
    EXPECT_EQ(MetricValue(metrics_, R"(scs_outbox_published_total{queue="oms-orders"})"), 4.0);
}

TEST_P(OutboxRelayTest, PruneSentDeletesOnlyRowsSentBeforeTheCutoff) {
    auto relay = MakeRelay();
    Append(NumberedMessages("oms-orders", 3));
    ASSERT_EQ(relay->RunOnce().value_or(-1), 3);
    const int64_t first_sent = Now();
    env_->Clock().Advance(std::chrono::hours(1));
    Append({OutboxMessage{"oms-orders", "g", "late", "late"}});
    ASSERT_EQ(relay->RunOnce().value_or(-1), 1);
    Append({OutboxMessage{"oms-orders", "g", "pending", "pending"}});

    ASSERT_TRUE(Succeeded(relay->PruneSent(FromUnixMillis(first_sent + 1))));
    auto rows = Rows();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].body, "late");
    EXPECT_EQ(rows[1].body, "pending");

    // Pending rows stay however old the cutoff makes them look.
    ASSERT_TRUE(Succeeded(relay->PruneSent(env_->Clock().Now() + std::chrono::hours(24))));
    rows = Rows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].body, "pending");
}

TEST_P(OutboxRelayTest, PruneSentDeletesMoreThanOneChunk) {
    // 2500 rows sent long ago, written directly: more than two of PruneSent's chunks.
    ASSERT_TRUE(Succeeded(env_->Executor().Transact(TxMode::kWrite, [](SqlSession& tx) -> Status {
        for (int i = 0; i < 2500; ++i) {
            auto inserted = tx.Exec(
                "INSERT INTO outbox (queue, group_id, dedup_id, body, created_at, sent_at) "
                "VALUES ('oms-orders', 'g', $1, 'b', 1, 2)",
                {"d" + std::to_string(i)});
            if (!inserted) {
                return tl::unexpected(inserted.error());
            }
        }
        return {};
    })));
    Append({OutboxMessage{"oms-orders", "g", "pending", "pending"}});

    ASSERT_TRUE(Succeeded(MakeRelay()->PruneSent(FromUnixMillis(3))));
    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].body, "pending");
}

TEST_P(OutboxRelayTest, RefusesToRunWithInvalidOptions) {
    Append(NumberedMessages("oms-orders", 1));
    OutboxRelayOptions options = RelayOptions();
    options.owner.clear();
    EXPECT_TRUE(FailedWith(MakeRelay(options)->RunOnce(), ErrorCode::kBadRequest));
    EXPECT_EQ(oms_->Calls(), 0);
    EXPECT_FALSE(Rows()[0].claimed_by);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxRelayTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
