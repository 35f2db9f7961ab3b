#include <gtest/gtest.h>

#include "storage_backend.hpp"

namespace scs::testing {
namespace {

// The dialect drivers under the SQL layer: parameters, cells, commit and rollback, savepoints.
class SqlExecutorTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        auto executor = test_db_->OpenExecutor();
        ASSERT_TRUE(executor) << executor.error().message;
        executor_ = std::move(*executor);
        ASSERT_TRUE(ExecSql(*executor_, "CREATE TABLE kv (k TEXT NOT NULL, n BIGINT, t TEXT)"));
    }

    void TearDown() override {
        executor_.reset();
        test_db_.reset();
    }

    Result<SqlRows> Select(const std::string& sql) {
        return TransactValue<SqlRows>(
            *executor_, TxMode::kRead, [&](SqlSession& session) { return session.Exec(sql); });
    }

    size_t CountRows() { return Select("SELECT k FROM kv").value_or(SqlRows{}).size(); }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<SqlExecutor> executor_;
};

Status Insert(SqlSession& session, const std::string& key) {
    auto rows = session.Exec("INSERT INTO kv (k) VALUES ($1)", {key});
    return rows ? Status{} : Status(tl::unexpected(rows.error()));
}

// Every cell of a row as text, "NULL" for NULL, "|"-separated.
std::string Cells(const SqlRow& row) {
    std::string text;
    for (size_t i = 0; i < row.ColumnCount(); ++i) {
        text += (i == 0 ? "" : "|") + (row.IsNull(i) ? std::string("NULL") : row.Text(i));
    }
    return text;
}

TEST_P(SqlExecutorTest, ParametersAndCellsRoundTripIncludingNull) {
    auto written = executor_->Transact(TxMode::kWrite, [](SqlSession& session) -> Status {
        auto rows = session.Exec("INSERT INTO kv (k, n, t) VALUES ($1, $2, $3), ($4, $5, $6)",
                                 {std::string("a"),
                                  int64_t{-9007199254740993},
                                  std::string("نص"),
                                  std::string("b"),
                                  std::monostate{},
                                  std::monostate{}});
        return rows ? Status{} : Status(tl::unexpected(rows.error()));
    });
    ASSERT_TRUE(Succeeded(written));
    auto rows = Select("SELECT k, n, t FROM kv ORDER BY k");
    ASSERT_TRUE(rows && rows->size() == 2);
    EXPECT_EQ(Cells((*rows)[0]), "a|-9007199254740993|نص");
    EXPECT_EQ((*rows)[0].Int(1), int64_t{-9007199254740993});
    EXPECT_EQ(Cells((*rows)[1]), "b|NULL|NULL");
}

TEST_P(SqlExecutorTest, ReusedParameterBindsOnce) {
    auto rows = TransactValue<SqlRows>(*executor_, TxMode::kWrite, [](SqlSession& session) {
        return session.Exec("INSERT INTO kv (k, t) VALUES ($1, $1) RETURNING k, t",
                            {std::string("x")});
    });
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ(rows->front().Text(1), "x");
}

TEST_P(SqlExecutorTest, FailedCallbackRollsBack) {
    auto status = executor_->Transact(TxMode::kWrite, [](SqlSession& session) -> Status {
        if (auto inserted = Insert(session, "a"); !inserted) {
            return inserted;
        }
        return Fail(ErrorCode::kBadRequest, "changed my mind");
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message, "changed my mind");
    EXPECT_EQ(CountRows(), 0U);
}

TEST_P(SqlExecutorTest, SavepointRecoversFromAFailedStatement) {
    auto status = executor_->Transact(TxMode::kWrite, [](SqlSession& session) -> Status {
        for (const char* sql : {"INSERT INTO kv (k) VALUES ('before')", "SAVEPOINT probe"}) {
            if (auto done = session.Exec(sql); !done) {
                return tl::unexpected(done.error());
            }
        }
        EXPECT_FALSE(session.Exec("INSERT INTO no_such_table (k) VALUES ('x')"));
        if (auto undone = session.Exec("ROLLBACK TO SAVEPOINT probe"); !undone) {
            return tl::unexpected(undone.error());
        }
        return Insert(session, "after");
    });
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_EQ(CountRows(), 2U);
}

TEST_P(SqlExecutorTest, WrongParameterCountIsInternal) {
    auto status = executor_->Transact(TxMode::kWrite, [](SqlSession& session) -> Status {
        auto rows =
            session.Exec("INSERT INTO kv (k, t) VALUES ($1, $2)", {std::string("only one")});
        return rows ? Status{} : Status(tl::unexpected(rows.error()));
    });
    EXPECT_TRUE(FailedWith(status, ErrorCode::kInternal, "parameters"));
}

TEST_P(SqlExecutorTest, UniqueViolationIsConflict) {
    ASSERT_TRUE(ExecSql(*executor_, "CREATE UNIQUE INDEX kv_k ON kv (k)"));
    ASSERT_TRUE(executor_->Transact(TxMode::kWrite, [](SqlSession& s) { return Insert(s, "a"); }));
    auto duplicate =
        executor_->Transact(TxMode::kWrite, [](SqlSession& s) { return Insert(s, "a"); });
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
}

TEST_P(SqlExecutorTest, ScriptRunsSeveralStatements) {
    ASSERT_TRUE(ExecSql(*executor_,
                        "INSERT INTO kv (k) VALUES ('1');\nINSERT INTO kv (k) VALUES ('2');\n"));
    EXPECT_EQ(CountRows(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         SqlExecutorTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
