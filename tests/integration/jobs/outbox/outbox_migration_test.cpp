// Migration 0004_outbox applies and reverts on both dialects.
#include "outbox_env.hpp"

namespace scs::testing {
namespace {

constexpr int kOutboxVersion = 4;

bool OutboxTableExists(SqlExecutor& executor) {
    return executor
        .Transact(TxMode::kRead,
                  [](SqlSession& session) -> Status {
                      auto rows = session.Exec("SELECT count(*) FROM outbox");
                      if (!rows) {
                          return tl::unexpected(rows.error());
                      }
                      return {};
                  })
        .has_value();
}

using OutboxMigrationTest = OutboxTest;

TEST_P(OutboxMigrationTest, AppliesRevertsAndReapplies) {
    Migrator& migrator = env_->Db().Migrations();
    auto current = migrator.Current();
    ASSERT_TRUE(current);
    ASSERT_GE(current->version, kOutboxVersion);
    EXPECT_TRUE(OutboxTableExists(env_->Executor()));

    // Later migrations (if any) go first; then 0004 itself.
    ASSERT_TRUE(Succeeded(migrator.Down(current->version - (kOutboxVersion - 1))));
    EXPECT_EQ(migrator.Current().value_or(SchemaVersion{-1, true}),
              (SchemaVersion{kOutboxVersion - 1, false}));
    EXPECT_FALSE(OutboxTableExists(env_->Executor()));

    ASSERT_TRUE(Succeeded(migrator.Up()));
    EXPECT_TRUE(OutboxTableExists(env_->Executor()));
    Append(NumberedMessages("oms-orders", 2));
    EXPECT_EQ(Rows().size(), 2U);
}

TEST_P(OutboxMigrationTest, ColumnsHaveTheirDefaults) {
    ASSERT_TRUE(Succeeded(env_->Executor().Transact(TxMode::kWrite, [](SqlSession& tx) -> Status {
        auto inserted = tx.Exec(
            "INSERT INTO outbox (queue, group_id, dedup_id, body, created_at) "
            "VALUES ('q', 'g', 'd', 'b', 1)");
        if (!inserted) {
            return tl::unexpected(inserted.error());
        }
        return {};
    })));
    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].attempts, 0);
    EXPECT_FALSE(rows[0].last_error);
    EXPECT_FALSE(rows[0].claimed_by);
    EXPECT_FALSE(rows[0].claimed_until);
    EXPECT_FALSE(rows[0].sent_at);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxMigrationTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
