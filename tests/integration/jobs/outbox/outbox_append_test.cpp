// AppendToOutbox writes inside the caller's transaction: the row lives or dies with it.
#include "outbox_env.hpp"

namespace scs::testing {
namespace {

using OutboxAppendTest = OutboxTest;

TEST_P(OutboxAppendTest, CommittedTransactionLeavesTheRow) {
    const OutboxMessage message = OrderOutboxMessage("ord-1", 3, "conn-9", R"({"id":"ord-1"})");
    const auto now = env_->Clock().Now();
    auto status = env_->Executor().Transact(
        TxMode::kWrite, [&](SqlSession& tx) { return AppendToOutbox(tx, message, now); });
    ASSERT_TRUE(Succeeded(status));

    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].queue, "oms-orders");
    EXPECT_EQ(rows[0].group_id, "conn-9");
    EXPECT_EQ(rows[0].dedup_id, "ord-1:3");
    EXPECT_EQ(rows[0].body, R"({"id":"ord-1"})");
    EXPECT_EQ(rows[0].created_at, ToUnixMillis(now));
    EXPECT_EQ(rows[0].attempts, 0);
    EXPECT_FALSE(rows[0].last_error);
    EXPECT_FALSE(rows[0].claimed_by);
    EXPECT_FALSE(rows[0].sent_at);
}

TEST_P(OutboxAppendTest, RolledBackTransactionLeavesNoRow) {
    const OutboxMessage message = OrderOutboxMessage("ord-1", 1, "conn-9", "{}");
    auto status = env_->Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) -> Status {
        if (auto appended = AppendToOutbox(tx, message, env_->Clock().Now()); !appended) {
            return appended;
        }
        // The caller's own write fails after the append: everything rolls back.
        return Fail(ErrorCode::kConflict, "order changed meanwhile");
    });
    ASSERT_TRUE(FailedWith(status, ErrorCode::kConflict));
    EXPECT_TRUE(Rows().empty());
}

TEST_P(OutboxAppendTest, CommitsAndRollsBackWithTheCallersOtherWrites) {
    ASSERT_TRUE(Succeeded(env_->Executor().Transact(TxMode::kWrite, [](SqlSession& tx) {
        return tx.ExecScript("CREATE TABLE outbox_test_orders (id TEXT PRIMARY KEY)");
    })));
    auto write_both = [&](const std::string& order_id) {
        return env_->Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) -> Status {
            auto inserted = tx.Exec("INSERT INTO outbox_test_orders (id) VALUES ($1)", {order_id});
            if (!inserted) {
                return tl::unexpected(inserted.error());
            }
            return AppendToOutbox(
                tx, OrderOutboxMessage(order_id, 1, "c", "{}"), env_->Clock().Now());
        });
    };
    ASSERT_TRUE(Succeeded(write_both("ord-1")));
    // A unique violation on the order rolls back the outbox row too.
    ASSERT_TRUE(FailedWith(write_both("ord-1"), ErrorCode::kConflict));

    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].dedup_id, "ord-1:1");
}

TEST_P(OutboxAppendTest, InvalidMessageFailsTheCallersTransaction) {
    OutboxMessage message = OrderOutboxMessage("ord 1", 1, "c", "{}");  // space in dedup id
    auto status = env_->Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) {
        return AppendToOutbox(tx, message, env_->Clock().Now());
    });
    ASSERT_TRUE(FailedWith(status, ErrorCode::kBadRequest));
    EXPECT_TRUE(Rows().empty());
}

TEST_P(OutboxAppendTest, RowsGetIncreasingIds) {
    Append(NumberedMessages("oms-orders", 5));
    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 5U);
    for (size_t i = 1; i < rows.size(); ++i) {
        EXPECT_GT(rows[i].id, rows[i - 1].id);
        EXPECT_EQ(rows[i].body, "m" + std::to_string(i));
    }
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxAppendTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
