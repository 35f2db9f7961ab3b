// OutboxRelay when things go wrong: failed sends, unknown queues, crashed relays and claims
// that run out.
#include "jobs/outbox/outbox_rows.hpp"
#include "outbox_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

using OutboxRelayFailureTest = OutboxTest;

TEST_P(OutboxRelayFailureTest, FailedSendCountsAnAttemptAndRetriesAfterTheBackoff) {
    Append(NumberedMessages("oms-orders", 1));
    auto relay = MakeRelay();
    oms_->FailNext(1);

    EXPECT_EQ(relay->RunOnce().value_or(-1), 0);
    auto row = Rows().at(0);
    EXPECT_EQ(row.attempts, 1);
    ASSERT_TRUE(row.last_error);
    EXPECT_NE(row.last_error->find("injected send failure"), std::string::npos) << *row.last_error;
    EXPECT_FALSE(row.claimed_by);
    EXPECT_EQ(row.claimed_until, Now() + 1000);
    EXPECT_FALSE(row.sent_at);
    EXPECT_EQ(relay->PendingCount().value_or(-1), 1);
    EXPECT_EQ(MetricValue(metrics_, R"(scs_outbox_publish_failures_total{queue="oms-orders"})"),
              1.0);

    // Not before the backoff has passed.
    EXPECT_EQ(relay->RunOnce().value_or(-1), 0);
    EXPECT_EQ(oms_->Calls(), 1);

    env_->Clock().Advance(seconds(1));
    EXPECT_EQ(relay->RunOnce().value_or(-1), 1);
    row = Rows().at(0);
    EXPECT_EQ(row.sent_at, Now());
    EXPECT_EQ(row.attempts, 1);  // the history of the failure stays
    EXPECT_EQ(oms_->Sent().size(), 1U);
}

TEST_P(OutboxRelayFailureTest, BackoffDoublesWithEachFailedAttempt) {
    Append(NumberedMessages("oms-orders", 1));
    auto relay = MakeRelay();
    oms_->FailNext(3);
    for (const int64_t backoff_ms : {1000, 2000, 4000}) {
        EXPECT_EQ(relay->RunOnce().value_or(-1), 0);
        const auto row = Rows().at(0);
        EXPECT_EQ(row.claimed_until, Now() + backoff_ms);
        env_->Clock().Advance(milliseconds(backoff_ms));
    }
    EXPECT_EQ(Rows().at(0).attempts, 3);
    EXPECT_EQ(relay->RunOnce().value_or(-1), 1);
}

TEST_P(OutboxRelayFailureTest, FailureLeavesThatQueuesLaterRowsForTheNextPass) {
    auto other_inner = env_->Queues().Open(TestQueues::UniqueQueueName(false));
    RecordingQueue other(*other_inner);
    Append(NumberedMessages("oms-orders", 3));
    Append(NumberedMessages("other", 2));
    std::map<std::string, Queue*, std::less<>> queues{{"oms-orders", oms_.get()},
                                                      {"other", &other}};
    OutboxRelay relay(env_->Executor(), queues, env_->Clock(), metrics_, RelayOptions());
    oms_->FailNext(1);

    // The other queue is unaffected; oms-orders is tried once.
    EXPECT_EQ(relay.RunOnce().value_or(-1), 2);
    EXPECT_EQ(oms_->Calls(), 1);
    EXPECT_EQ(other.Sent().size(), 2U);
    const auto rows = Rows();
    EXPECT_EQ(rows[0].attempts, 1);
    for (size_t i = 1; i < 3; ++i) {
        EXPECT_EQ(rows[i].attempts, 0);
        EXPECT_FALSE(rows[i].claimed_by);
        EXPECT_FALSE(rows[i].claimed_until);
    }

    // After the backoff the failed row goes first again, so the order holds.
    env_->Clock().Advance(seconds(1));
    EXPECT_EQ(relay.RunOnce().value_or(-1), 3);
    std::vector<std::string> bodies;
    for (const OutgoingMessage& message : oms_->Sent()) {
        bodies.push_back(message.body);
    }
    EXPECT_EQ(bodies, (std::vector<std::string>{"m0", "m1", "m2"}));
}

TEST_P(OutboxRelayFailureTest, RowForAnUnknownQueueIsKeptWithItsError) {
    Append({OutboxMessage{"nowhere", "g", "lost-1", "lost"}});
    Append(NumberedMessages("oms-orders", 1));
    auto relay = MakeRelay();

    EXPECT_EQ(relay->RunOnce().value_or(-1), 1);
    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_FALSE(rows[0].sent_at);
    EXPECT_EQ(rows[0].attempts, 1);
    ASSERT_TRUE(rows[0].last_error);
    EXPECT_NE(rows[0].last_error->find("unknown queue nowhere"), std::string::npos);
    EXPECT_TRUE(rows[1].sent_at);
    EXPECT_EQ(MetricValue(metrics_, R"(scs_outbox_publish_failures_total{queue="nowhere"})"), 1.0);

    // Still there, and tried again after its backoff.
    env_->Clock().Advance(seconds(1));
    EXPECT_EQ(relay->RunOnce().value_or(-1), 0);
    EXPECT_EQ(Rows().at(0).attempts, 2);
}

TEST_P(OutboxRelayFailureTest, CrashedRelaysRowsArePublishedAgainAfterTheClaimEnds) {
    Append(NumberedMessages("oms-orders", 2));
    // A relay claims both rows, publishes the first and dies before marking anything.
    auto claim =
        ClaimOutboxRows(env_->Executor(), "crashed-relay", 100, env_->Clock().Now(), seconds(30));
    ASSERT_TRUE(claim);
    ASSERT_EQ(claim->rows.size(), 2U);
    ASSERT_TRUE(queue_->Send(claim->rows[0].message));

    auto relay = MakeRelay();
    EXPECT_EQ(relay->RunOnce().value_or(-1), 0);
    EXPECT_EQ(oms_->Calls(), 0);

    env_->Clock().Advance(seconds(30));
    EXPECT_EQ(relay->RunOnce().value_or(-1), 2);
    for (const OutboxRow& row : Rows()) {
        EXPECT_EQ(row.claimed_by, "relay-a");
        EXPECT_EQ(row.sent_at, Now());
    }
    // The first message went out twice; the queue's dedup id dropped the repeat.
    const auto received = ReceiveUntil(*queue_, 3, seconds(1), seconds(30));
    EXPECT_EQ(SortedBodies(received), (std::vector<std::string>{"m0", "m1"}));
}

TEST_P(OutboxRelayFailureTest, RowReclaimedByAnotherRelayIsNotMarkedByTheFirst) {
    Append(NumberedMessages("oms-orders", 1));
    auto slow = MakeRelay(RelayOptions("relay-slow"));
    auto other = MakeRelay(RelayOptions("relay-other"));
    // While the slow relay sends, its claim runs out and the other relay takes the row.
    bool once = false;
    Result<int> other_sent = 0;
    oms_->BeforeSend([&] {
        if (std::exchange(once, true)) {
            return;
        }
        env_->Clock().Advance(seconds(31));
        other_sent = other->RunOnce();
    });

    EXPECT_EQ(slow->RunOnce().value_or(-1), 0);
    EXPECT_EQ(other_sent.value_or(-1), 1);
    const auto row = Rows().at(0);
    EXPECT_EQ(row.claimed_by, "relay-other");
    EXPECT_EQ(row.sent_at, Now());
    EXPECT_EQ(oms_->Calls(), 2);  // at least once: both relays sent it
}

TEST_P(OutboxRelayFailureTest, StopsSendingWhenTheClaimNearsItsEnd) {
    Append(NumberedMessages("oms-orders", 3));
    auto relay = MakeRelay();
    // Each send takes half the claim: the third would start after three quarters of it.
    oms_->BeforeSend([&] { env_->Clock().Advance(seconds(15)); });

    EXPECT_EQ(relay->RunOnce().value_or(-1), 2);
    auto rows = Rows();
    EXPECT_TRUE(rows[1].sent_at);
    EXPECT_FALSE(rows[2].sent_at);
    EXPECT_FALSE(rows[2].claimed_by);
    EXPECT_EQ(rows[2].attempts, 0);

    EXPECT_EQ(relay->RunOnce().value_or(-1), 1);
    EXPECT_EQ(oms_->Calls(), 3);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxRelayFailureTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
