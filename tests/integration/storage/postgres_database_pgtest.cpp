#include <gtest/gtest.h>

#include "storage/postgres/postgres_database.hpp"
#include "storage/postgres/postgres_executor.hpp"
#include "storage_backend.hpp"

namespace scs::testing {
namespace {

TEST(PostgresDatabaseTest, UnreachableServerIsUnavailableWithoutThePassword) {
    const std::string password = "s3cr3t-Pa55w0rd";
    const std::string port = std::to_string(FreePort());
    StorageConfig config;
    config.connect_timeout = std::chrono::seconds(2);
    for (const std::string& dsn :
         {"postgresql://scs:" + password + "@127.0.0.1:" + port + "/scs",
          "host=127.0.0.1 port=" + port + " user=scs password='" + password + "' dbname=scs"}) {
        auto database = OpenPostgresDatabase(dsn, config);
        ASSERT_FALSE(database) << dsn;
        EXPECT_EQ(database.error().code, ErrorCode::kUnavailable);
        EXPECT_EQ(database.error().message.find(password), std::string::npos)
            << database.error().message;
        EXPECT_NE(database.error().message.find("127.0.0.1"), std::string::npos)
            << database.error().message;
    }
}

// After a server restart or failover every pooled connection is dead; the next call must
// reconnect instead of failing.
TEST(PostgresDatabaseTest, RecoversWhenTheServerDropsPooledConnections) {
    auto test_db = TestDatabase::Create(Backend::kPostgres);
    if (!test_db) {
        return;
    }
    const std::string app = UniqueName("scs_drop_");
    auto database =
        OpenPostgresDatabase(WithDsnOption(test_db->location(), "application_name", app), {});
    ASSERT_TRUE(database) << database.error().message;
    ASSERT_TRUE((*database)->Ping());

    auto admin = test_db->OpenExecutor();
    ASSERT_TRUE(admin);
    auto killed = TransactValue<
        size_t>(**admin, TxMode::kWrite, [&](SqlSession& session) -> Result<size_t> {
        auto rows = session.Exec(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            {app});
        if (!rows) {
            return tl::unexpected(rows.error());
        }
        return rows->size();
    });
    ASSERT_TRUE(killed) << killed.error().message;
    EXPECT_GE(*killed, 1U);

    auto status = (*database)->Ping();
    EXPECT_TRUE(status) << status.error().message;
    ASSERT_TRUE((*database)->migrator().Up());
    EXPECT_TRUE((*database)->connections().Create(MakeConnection("s", "shopify", "after-drop")));
}

Status RunStatements(SqlExecutor& executor,
                     TxMode mode,
                     const std::vector<std::string>& statements,
                     bool ignore_failures = false) {
    return executor.Transact(mode, [&](SqlSession& session) -> Status {
        for (const std::string& sql : statements) {
            auto rows = session.Exec(sql);
            if (!rows && !ignore_failures) {
                return tl::unexpected(rows.error());
            }
        }
        return {};
    });
}

// PostgreSQL answers COMMIT of a transaction whose statement failed with a silent ROLLBACK; the
// executor must report that instead of a success.
TEST(PostgresDatabaseTest, IgnoredFailedStatementIsNotReportedAsCommitted) {
    auto test_db = TestDatabase::Create(Backend::kPostgres);
    if (!test_db) {
        return;
    }
    auto executor = test_db->OpenExecutor();
    ASSERT_TRUE(executor) << executor.error().message;
    ASSERT_TRUE(ExecSql(**executor, "CREATE TABLE kv (k TEXT)"));

    auto status =
        RunStatements(**executor,
                      TxMode::kWrite,
                      {"INSERT INTO kv (k) VALUES ('lost')", "SELECT * FROM no_such_table"},
                      /*ignore_failures=*/true);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kInternal);
    auto count = TransactValue<int64_t>(
        **executor, TxMode::kRead, [](SqlSession& session) -> Result<int64_t> {
            auto rows = session.Exec("SELECT count(*) FROM kv");
            if (!rows) {
                return tl::unexpected(rows.error());
            }
            return rows->at(0).Int(0).value_or(-1);
        });
    ASSERT_TRUE(count);
    EXPECT_EQ(*count, 0);
}

TEST(PostgresDatabaseTest, ReadTransactionsAreReadOnly) {
    auto test_db = TestDatabase::Create(Backend::kPostgres);
    if (!test_db) {
        return;
    }
    auto executor = test_db->OpenExecutor();
    ASSERT_TRUE(executor) << executor.error().message;
    ASSERT_TRUE(ExecSql(**executor, "CREATE TABLE kv (k TEXT)"));
    EXPECT_FALSE(RunStatements(**executor, TxMode::kRead, {"INSERT INTO kv (k) VALUES ('x')"}));
    EXPECT_TRUE(RunStatements(**executor, TxMode::kWrite, {"INSERT INTO kv (k) VALUES ('x')"}));
}

TEST(PostgresDatabaseTest, BusyTimeoutBoundsStatements) {
    auto test_db = TestDatabase::Create(Backend::kPostgres);
    if (!test_db) {
        return;
    }
    StorageConfig config;
    config.busy_timeout = std::chrono::milliseconds(100);
    auto executor = test_db->OpenExecutor(config);
    ASSERT_TRUE(executor) << executor.error().message;
    auto status = RunStatements(**executor, TxMode::kRead, {"SELECT pg_sleep(5)"});
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kTimeout) << status.error().message;
}

}  // namespace
}  // namespace scs::testing
