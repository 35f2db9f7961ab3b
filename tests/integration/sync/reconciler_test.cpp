// Reconciliation: a scheduled incremental sync per active connection that counts the orders
// no webhook delivered.
#include "sync/reconciler.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "sync_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::minutes;

class ReconcilerTest : public SyncTest {};

TEST_P(ReconcilerTest, RecoversOrdersTheFirstSyncMissedAndCountsThem) {
    platform_->Fill(3, 3);
    Trigger();
    ASSERT_TRUE(Succeeded(RunNextJob()));
    platform_->Fill(5, 3);  // orders 4 and 5 arrive; say their webhooks were dropped
    Reconciler reconciler(env_->Db().Connections(), *state_, *service_, env_->Clock(), minutes(15));

    // Right after a manual sync: the freeze time does not hold reconciliation back.
    auto pass = reconciler.RunOnce(env_->Clock().Now());
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->triggered, 1);
    ASSERT_TRUE(Succeeded(RunNextJob()));
    auto runs = ListSyncRuns(env_->Executor(), connection_.id, "orders", 1);
    ASSERT_TRUE(runs && runs->size() == 1);
    EXPECT_EQ(runs->front().trigger, "reconcile");
    EXPECT_EQ(runs->front().status, SyncRunStatus::kSucceeded);
    EXPECT_EQ(runs->front().counts.created, 2);
    EXPECT_EQ(runs->front().counts.recovered, 2);
    EXPECT_EQ(MetricOr0(R"(scs_orders_recovered_by_poll_total{platform="shopify"})"), 2);

    // Not due again until the interval has passed.
    pass = reconciler.RunOnce(env_->Clock().Now() + minutes(14));
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->due, 0);
    pass = reconciler.RunOnce(env_->Clock().Now() + minutes(15));
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->triggered, 1);
}

TEST_P(ReconcilerTest, SkipsAConnectionWithASyncInProgressAndPausedOnes) {
    Trigger();
    Reconciler reconciler(env_->Db().Connections(), *state_, *service_, env_->Clock(), minutes(15));
    auto pass = reconciler.RunOnce(env_->Clock().Now());
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->skipped, 1);
    EXPECT_EQ(pass->triggered, 0);
    ASSERT_TRUE(Succeeded(RunNextJob()));
    connection_.status = ConnectionStatus::kPaused;
    ASSERT_TRUE(env_->Db().Connections().Update(connection_));
    pass = reconciler.RunOnce(env_->Clock().Now());
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->due, 0);
}

TEST_P(ReconcilerTest, RepairsTheWebhooksOfEachDueConnectionAndCountsFailures) {
    std::vector<int64_t> repaired;
    bool fail = false;
    Reconciler reconciler(env_->Db().Connections(),
                          *state_,
                          *service_,
                          env_->Clock(),
                          minutes(15),
                          [&](const Connection& connection) -> Status {
                              repaired.push_back(connection.id);
                              if (fail) {
                                  return Fail(ErrorCode::kUnavailable, "store down");
                              }
                              return {};
                          });
    auto pass = reconciler.RunOnce(env_->Clock().Now());
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->webhooks_repaired, 1);
    EXPECT_EQ(repaired, std::vector<int64_t>{connection_.id});
    ASSERT_TRUE(Succeeded(RunNextJob()));

    // Not due: not checked again. Due with the store down: counted, the sync still triggered.
    pass = reconciler.RunOnce(env_->Clock().Now() + minutes(1));
    ASSERT_TRUE(pass);
    EXPECT_EQ(repaired.size(), 1U);
    fail = true;
    pass = reconciler.RunOnce(env_->Clock().Now() + minutes(15));
    ASSERT_TRUE(pass);
    EXPECT_EQ(pass->webhooks_failed, 1);
    EXPECT_EQ(pass->webhooks_repaired, 0);
    EXPECT_EQ(pass->triggered, 1);
}

TEST_P(ReconcilerTest, TheLoopRunsAPassAtStartAndStops) {
    platform_->Fill(1, 3);
    Reconciler reconciler(env_->Db().Connections(), *state_, *service_, env_->Clock(), minutes(15));
    reconciler.Start(std::chrono::hours(1));
    EXPECT_TRUE(WaitUntil([&] { return !fetch_orders_->Sent().empty(); }));
    reconciler.Stop();
    EXPECT_EQ(fetch_orders_->Sent().size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         ReconcilerTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
