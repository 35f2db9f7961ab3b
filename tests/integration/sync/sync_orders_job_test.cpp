// The "sync.orders" page loop against real stores (SQLite, and PostgreSQL with TEST_PG_DSN),
// real SQLite queues and state, and an in-memory platform.
#include <gtest/gtest.h>

#include "security/credential_seal.hpp"
#include "storage/order_store.hpp"
#include "sync_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::minutes;

TEST_P(SyncTest, PagesThroughEverythingSkippingPoisonRecords) {
    platform_->Fill(7, 3, {"5"});
    const SyncRun queued = Trigger();
    EXPECT_EQ(queued.status, SyncRunStatus::kQueued);
    EXPECT_FALSE(queued.from);  // no cursor yet: full history
    ASSERT_TRUE(Lease());
    EXPECT_EQ(Lease()->owner, SyncLeaseOwner(queued.id));
    ASSERT_EQ(fetch_orders_->Sent().size(), 1U);
    EXPECT_EQ(fetch_orders_->Sent()[0].group_id, std::to_string(connection_.id));

    ASSERT_TRUE(Succeeded(RunNextJob()));

    const SyncRun run = Run(queued.id);
    EXPECT_EQ(run.status, SyncRunStatus::kSucceeded);
    EXPECT_EQ(run.counts.pages, 3);
    EXPECT_EQ(run.counts.seen, 7);
    EXPECT_EQ(run.counts.created, 6);
    EXPECT_EQ(run.counts.failed, 1);
    EXPECT_EQ(run.counts.recovered, 0);
    ASSERT_EQ(run.failures.size(), 1U);
    EXPECT_EQ(run.failures[0].external_id, "5");
    EXPECT_NE(run.failures[0].error.find("total_price"), std::string::npos);
    EXPECT_EQ(platform_->RequestedCursors(), (std::vector<std::string>{"", "c1", "c2"}));
    EXPECT_EQ(platform_->Requests()[0].page_size, 3);
    EXPECT_EQ(notified_.load(), 3);

    const auto outbox = Rows();
    ASSERT_EQ(outbox.size(), 6U);
    for (const auto& row : outbox) {
        EXPECT_EQ(row.group_id, std::to_string(connection_.id));
        EXPECT_TRUE(row.dedup_id.ends_with(":1")) << row.dedup_id;
    }
    EXPECT_FALSE(Lease());
    EXPECT_EQ(state_->GetLastSync(connection_.id, "orders").value(), env_->Clock().Now());
    auto cursor = GetSyncCursor(env_->Executor(), connection_.id, "orders");
    ASSERT_TRUE(cursor && *cursor);
    EXPECT_EQ(**cursor, FromUnixMillis(1'690'000'000'000) + minutes(7));
    EXPECT_EQ(MetricOr0(R"(scs_sync_orders_total{platform="shopify",result="created"})"), 6);
    EXPECT_EQ(MetricOr0(R"(scs_sync_orders_total{platform="shopify",result="failed"})"), 1);
}

TEST_P(SyncTest, ARedeliveredJobOfAFinishedRunDoesNothing) {
    platform_->Fill(2, 3);
    const SyncRun queued = Trigger();
    const std::string body = fetch_orders_->Sent().at(0).body;
    ASSERT_TRUE(Succeeded(RunNextJob()));
    const auto requests = platform_->Requests().size();
    ASSERT_TRUE(fetch_orders_->Send(OutgoingMessage{body, "g", "again"}));
    ASSERT_TRUE(Succeeded(RunNextJob()));
    EXPECT_EQ(platform_->Requests().size(), requests);
    EXPECT_EQ(Run(queued.id).counts.created, 2);
    EXPECT_EQ(Rows().size(), 2U);
    EXPECT_FALSE(Lease());
}

TEST_P(SyncTest, InsideTheFreezeTimeARetriggerIsRefusedWithRetryAfter) {
    platform_->Fill(2, 3);
    Trigger();
    auto in_progress = service_->Trigger(connection_, SyncRequest{});
    ASSERT_TRUE(FailedWith(in_progress, ErrorCode::kSyncInProgress));
    ASSERT_TRUE(Succeeded(RunNextJob()));
    env_->Clock().Advance(std::chrono::seconds(30));
    auto frozen = service_->Trigger(connection_, SyncRequest{});
    ASSERT_TRUE(FailedWith(frozen, ErrorCode::kRateLimited));
    EXPECT_EQ(frozen.error().retry_after, std::chrono::seconds(90));
    auto status = service_->ReadStatus(connection_, "orders");
    ASSERT_TRUE(status);
    EXPECT_FALSE(status->is_valid);
    EXPECT_FALSE(status->enable_button);
    EXPECT_EQ(status->retry_after, std::chrono::seconds(90));
    EXPECT_EQ(status->current_status, "idle");
    env_->Clock().Advance(std::chrono::seconds(90));
    EXPECT_TRUE(service_->Trigger(connection_, SyncRequest{}));
}

TEST_P(SyncTest, VersionsRiseOnlyWhenContentChanges) {
    platform_->Fill(4, 3);
    Trigger();
    ASSERT_TRUE(Succeeded(RunNextJob()));
    platform_->Touch("2");
    env_->Clock().Advance(minutes(3));
    const SyncRun second = Trigger(FromUnixMillis(0));
    ASSERT_TRUE(Succeeded(RunNextJob()));
    const SyncRun run = Run(second.id);
    EXPECT_EQ(run.counts.created, 0);
    EXPECT_EQ(run.counts.updated, 1);
    EXPECT_EQ(run.counts.unchanged, 3);
    const auto outbox = Rows();
    ASSERT_EQ(outbox.size(), 5U);
    EXPECT_EQ(outbox.back().dedup_id, "ord-" + std::to_string(connection_.id) + "-2:2");
}

TEST_P(SyncTest, AFailedRunResumesFromItsCheckpointWithoutDuplicates) {
    platform_->Fill(8, 3);
    platform_->FailAt("c2", ErrorCode::kUnavailable);
    const SyncRun queued = Trigger();
    ASSERT_TRUE(FailedWith(RunNextJob(), ErrorCode::kUnavailable));
    SyncRun run = Run(queued.id);
    EXPECT_EQ(run.status, SyncRunStatus::kRunning);
    EXPECT_EQ(run.counts.pages, 2);
    EXPECT_EQ(run.cursor, "c2");
    EXPECT_NE(run.error.find("injected"), std::string::npos);
    ASSERT_TRUE(Lease());  // kept across the retry: the run is still in progress

    platform_->ClearFailure();
    ASSERT_TRUE(Succeeded(RunNextJob()));
    run = Run(queued.id);
    EXPECT_EQ(run.status, SyncRunStatus::kSucceeded);
    EXPECT_EQ(run.counts.created, 8);
    EXPECT_EQ(run.counts.seen, 8);
    EXPECT_EQ(run.attempts, 2);
    EXPECT_EQ(platform_->RequestedCursors(), (std::vector<std::string>{"", "c1", "c2", "c2"}));
    EXPECT_EQ(Rows().size(), 8U);
    EXPECT_FALSE(Lease());
}

TEST_P(SyncTest, AStoppedRunResumesFromItsCheckpoint) {
    platform_->Fill(5, 3);
    const SyncRun queued = Trigger();
    ASSERT_TRUE(FailedWith(RunNextJob(true), ErrorCode::kUnavailable));
    EXPECT_EQ(Run(queued.id).counts.pages, 0);
    ASSERT_TRUE(Succeeded(RunNextJob()));
    EXPECT_EQ(Run(queued.id).counts.created, 5);
    EXPECT_EQ(Rows().size(), 5U);
}

TEST_P(SyncTest, RejectedCredentialsNeedReauthorisationAndEndTheRun) {
    platform_->Fill(2, 3);
    auto sealed = SealCredentials(*secrets_, connection_, {{"access_token", "revoked"}});
    ASSERT_TRUE(sealed);
    connection_.credentials = *sealed;
    ASSERT_TRUE(env_->Db().Connections().Update(connection_));
    const SyncRun queued = Trigger();
    ASSERT_TRUE(Succeeded(RunNextJob()));
    const SyncRun run = Run(queued.id);
    EXPECT_EQ(run.status, SyncRunStatus::kFailed);
    EXPECT_NE(run.error.find("INVALID_CREDENTIALS"), std::string::npos);
    EXPECT_EQ(env_->Db().Connections().Get(connection_.id)->status,
              ConnectionStatus::kReauthRequired);
    EXPECT_FALSE(Lease());
    EXPECT_FALSE(state_->GetLastSync(connection_.id, "orders").value());
}

TEST_P(SyncTest, AFailedEnqueueLeavesNoSyncInProgress) {
    fetch_orders_->FailNext(1);
    auto refused = service_->Trigger(connection_, SyncRequest{});
    ASSERT_TRUE(FailedWith(refused, ErrorCode::kUnavailable));
    EXPECT_FALSE(Lease());
    auto runs = ListSyncRuns(env_->Executor(), connection_.id, "orders", 10);
    ASSERT_TRUE(runs);
    ASSERT_EQ(runs->size(), 1U);
    EXPECT_EQ(runs->front().status, SyncRunStatus::kFailed);
    EXPECT_EQ(service_->ReadStatus(connection_, "orders")->current_status, "failed");
    EXPECT_TRUE(service_->Trigger(connection_, SyncRequest{}));
}

TEST_P(SyncTest, ANewSyncContinuesFromTheCursorMinusTheOverlap) {
    platform_->Fill(3, 3);
    Trigger();
    ASSERT_TRUE(Succeeded(RunNextJob()));
    env_->Clock().Advance(minutes(3));
    const SyncRun next = Trigger();
    ASSERT_TRUE(next.from);
    EXPECT_EQ(*next.from, FromUnixMillis(1'690'000'000'000) + minutes(3) - minutes(5));
}

TEST_P(SyncTest, APausedConnectionIsNotSynced) {
    const SyncRun queued = Trigger();
    connection_.status = ConnectionStatus::kPaused;
    ASSERT_TRUE(env_->Db().Connections().Update(connection_));
    ASSERT_TRUE(Succeeded(RunNextJob()));
    EXPECT_EQ(Run(queued.id).status, SyncRunStatus::kFailed);
    EXPECT_TRUE(platform_->Requests().empty());
    EXPECT_FALSE(Lease());
    EXPECT_TRUE(FailedWith(service_->Trigger(connection_, SyncRequest{}), ErrorCode::kConflict));
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         SyncTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
