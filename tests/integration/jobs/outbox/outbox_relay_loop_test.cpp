// OutboxRelay's background loop: Start, Notify, Stop.
#include <future>

#include "outbox_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

using OutboxRelayLoopTest = OutboxTest;

// Options whose poll would never come within a test: only full batches and Notify move it.
OutboxRelayOptions NoPolling(int batch_size = 100) {
    OutboxRelayOptions options = RelayOptions();
    options.batch_size = batch_size;
    options.poll_interval = std::chrono::hours(1);
    return options;
}

TEST_P(OutboxRelayLoopTest, PublishesEveryPendingRowWithoutWaitingBetweenFullBatches) {
    Append(NumberedMessages("oms-orders", 250));
    auto relay = MakeRelay(NoPolling(100));
    relay->Start();
    EXPECT_TRUE(WaitUntil([&] { return relay->PendingCount().value_or(-1) == 0; }));
    relay->Stop();
    EXPECT_EQ(oms_->Calls(), 250);
}

TEST_P(OutboxRelayLoopTest, NotifyWakesTheIdleLoop) {
    auto relay = MakeRelay(NoPolling());
    relay->Start();
    // The first pass has run (and found nothing) once the gauge exists.
    ASSERT_TRUE(WaitUntil([&] { return MetricValue(metrics_, "scs_outbox_pending").has_value(); }));

    Append(NumberedMessages("oms-orders", 1));
    relay->Notify();
    EXPECT_TRUE(WaitUntil([&] { return oms_->Sent().size() == 1; }));
    relay->Stop();
}

TEST_P(OutboxRelayLoopTest, StopEndsAnIdleLoopPromptlyAndTheRelayCanRunAgain) {
    auto relay = MakeRelay(NoPolling());
    relay->Start();
    ASSERT_TRUE(WaitUntil([&] { return MetricValue(metrics_, "scs_outbox_pending").has_value(); }));

    const auto before = std::chrono::steady_clock::now();
    relay->Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, seconds(2));

    Append(NumberedMessages("oms-orders", 1));
    EXPECT_EQ(relay->RunOnce().value_or(-1), 1);

    Append({OutboxMessage{"oms-orders", "g", "again", "again"}});
    relay->Start();
    relay->Notify();
    EXPECT_TRUE(WaitUntil([&] { return oms_->Sent().size() == 2; }));
    relay->Stop();
}

TEST_P(OutboxRelayLoopTest, StopDuringAPassFreesTheRowsNotYetSent) {
    Append(NumberedMessages("oms-orders", 20));
    std::promise<void> sending;
    bool first = true;
    // A slow queue: each send takes a quarter of a second.
    oms_->BeforeSend([&] {
        if (std::exchange(first, false)) {
            sending.set_value();
        }
        std::this_thread::sleep_for(milliseconds(250));
    });
    auto relay = MakeRelay(NoPolling());
    relay->Start();
    sending.get_future().wait();

    const auto before = std::chrono::steady_clock::now();
    relay->Stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, seconds(2));  // 20 sends take 5 s

    EXPECT_LE(oms_->Calls(), 2);
    int unclaimed = 0;
    for (const OutboxRow& row : Rows()) {
        unclaimed += !row.sent_at && !row.claimed_by ? 1 : 0;
    }
    EXPECT_GE(unclaimed, 18);
    EXPECT_EQ(unclaimed + oms_->Calls(), 20);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxRelayLoopTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
