#include "storage/sync_run_store.hpp"

#include <gtest/gtest.h>

#include "storage_backend.hpp"

namespace scs::testing {
namespace {

constexpr int64_t kT0 = 1'767'300'000'000;

TimePoint At(int64_t offset_ms) {
    return FromUnixMillis(kT0 + offset_ms);
}

// A migrated database of the parameter's dialect per test.
class SyncRunStoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        database_ = test_db_->OpenMigrated();
        ASSERT_NE(database_, nullptr);
    }

    void TearDown() override {
        database_.reset();
        test_db_.reset();
    }

    SqlExecutor& Executor() { return database_->Executor(); }

    SyncRun CreateOk(int64_t connection_id, const std::string& entity = "orders") {
        SyncRun run;
        run.connection_id = connection_id;
        run.seller_id = "s1";
        run.entity = entity;
        run.trigger = "manual";
        run.from = At(-3'600'000);
        run.created_at = At(0);
        auto created = CreateSyncRun(Executor(), run);
        EXPECT_TRUE(created) << created.error().message;
        return created.value_or(SyncRun{});
    }

    SyncRun GetOk(int64_t connection_id, int64_t id) {
        auto run = GetSyncRun(Executor(), connection_id, id);
        EXPECT_TRUE(run) << run.error().message;
        return run.value_or(SyncRun{});
    }

    Status Checkpoint(int64_t run_id,
                      const std::string& cursor,
                      std::optional<TimePoint> watermark,
                      const SyncRunCounts& delta,
                      const std::vector<SyncRunFailure>& failures = {}) {
        return Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) {
            return CheckpointSyncRun(tx, run_id, cursor, watermark, delta, failures);
        });
    }

    Status Advance(int64_t connection_id, TimePoint watermark) {
        return Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) {
            return AdvanceSyncCursor(tx, connection_id, "orders", watermark);
        });
    }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
};

TEST_P(SyncRunStoreTest, RunLifecycleFromQueuedToSucceeded) {
    const SyncRun created = CreateOk(7);
    EXPECT_GT(created.id, 0);
    SyncRun read = GetOk(7, created.id);
    EXPECT_EQ(read.status, SyncRunStatus::kQueued);
    EXPECT_EQ(read.trigger, "manual");
    EXPECT_EQ(read.from, At(-3'600'000));
    EXPECT_FALSE(read.started_at.has_value());
    auto active = FindActiveSyncRun(Executor(), 7, "orders");
    ASSERT_TRUE(active && *active);
    EXPECT_EQ((*active)->id, created.id);

    ASSERT_TRUE(Succeeded(StartSyncRun(Executor(), created.id, At(100))));
    ASSERT_TRUE(Succeeded(NoteSyncRunError(Executor(), created.id, "platform timed out")));
    ASSERT_TRUE(Succeeded(StartSyncRun(Executor(), created.id, At(200))));
    read = GetOk(7, created.id);
    EXPECT_EQ(read.status, SyncRunStatus::kRunning);
    EXPECT_EQ(read.started_at, At(100));
    EXPECT_EQ(read.attempts, 2);
    EXPECT_EQ(read.error, "platform timed out");

    ASSERT_TRUE(Succeeded(Checkpoint(created.id, "c1", At(50), {1, 10, 6, 2, 2, 0, 1})));
    ASSERT_TRUE(Succeeded(Checkpoint(created.id, "c2", At(40), {1, 5, 1, 1, 2, 1, 0})));
    ASSERT_TRUE(
        Succeeded(FinishSyncRun(Executor(), created.id, SyncRunStatus::kSucceeded, "", At(300))));
    read = GetOk(7, created.id);
    EXPECT_EQ(read.status, SyncRunStatus::kSucceeded);
    EXPECT_EQ(read.cursor, "c2");
    EXPECT_EQ(read.high_watermark, At(50));  // the later of the two pages
    EXPECT_EQ(read.counts, (SyncRunCounts{2, 15, 7, 3, 4, 1, 1}));
    EXPECT_EQ(read.finished_at, At(300));
    active = FindActiveSyncRun(Executor(), 7, "orders");
    ASSERT_TRUE(active);
    EXPECT_FALSE(active->has_value());
}

TEST_P(SyncRunStoreTest, RunsBelongToTheirConnectionAndListNewestFirst) {
    const SyncRun first = CreateOk(7);
    const SyncRun products = CreateOk(7, "products");
    const SyncRun second = CreateOk(7);
    CreateOk(8);
    EXPECT_TRUE(FailedWith(GetSyncRun(Executor(), 8, first.id), ErrorCode::kNotFound));
    auto orders = ListSyncRuns(Executor(), 7, "orders", 10);
    ASSERT_TRUE(orders);
    ASSERT_EQ(orders->size(), 2U);
    EXPECT_EQ((*orders)[0].id, second.id);
    EXPECT_EQ((*orders)[1].id, first.id);
    auto all = ListSyncRuns(Executor(), 7, "", 2);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 2U);
    EXPECT_EQ((*all)[1].id, products.id);
    auto bad = ListSyncRuns(Executor(), 7, "", 0);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "limit");
    EXPECT_TRUE(FailedWith(StartSyncRun(Executor(), 999'999, At(0)), ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(FinishSyncRun(Executor(), first.id, SyncRunStatus::kRunning, "", At(0)),
                           ErrorCode::kBadRequest));
}

TEST_P(SyncRunStoreTest, FailuresAreCappedButCounted) {
    const SyncRun run = CreateOk(7);
    std::vector<SyncRunFailure> failures;
    failures.reserve(60);
    for (int i = 0; i < 60; ++i) {
        failures.push_back({"order-" + std::to_string(i), "unknown currency \"XXX\""});
    }
    SyncRunCounts delta;
    delta.failed = 60;
    ASSERT_TRUE(Succeeded(Checkpoint(run.id, "a", std::nullopt, delta, failures)));
    ASSERT_TRUE(Succeeded(Checkpoint(run.id, "b", std::nullopt, delta, failures)));
    const SyncRun read = GetOk(7, run.id);
    ASSERT_EQ(read.failures.size(), kMaxRunFailures);
    EXPECT_EQ(read.failures.front(), failures.front());
    EXPECT_EQ(read.failures[60], failures.front());
    EXPECT_EQ(read.counts.failed, 120);
    EXPECT_FALSE(read.high_watermark.has_value());
}

TEST_P(SyncRunStoreTest, CursorIsOnlyEverRaised) {
    auto none = GetSyncCursor(Executor(), 7, "orders");
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());
    ASSERT_TRUE(Succeeded(Advance(7, At(2000))));
    ASSERT_TRUE(Succeeded(Advance(7, At(1000))));
    EXPECT_EQ(GetSyncCursor(Executor(), 7, "orders").value(), At(2000));
    ASSERT_TRUE(Succeeded(Advance(7, At(3000))));
    EXPECT_EQ(GetSyncCursor(Executor(), 7, "orders").value(), At(3000));
    EXPECT_FALSE(GetSyncCursor(Executor(), 8, "orders").value().has_value());
    EXPECT_FALSE(GetSyncCursor(Executor(), 7, "products").value().has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         SyncRunStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
