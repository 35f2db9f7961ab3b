#include <gtest/gtest.h>

#include "storage/postgres/postgres_database.hpp"
#include "storage/postgres/postgres_executor.hpp"
#include "storage_backend.hpp"

namespace scs::testing {
namespace {

constexpr std::string_view kPassword = "s3cr3t-Pa55w0rd";

// The DSN's server is not listening: Open fails fast, says where it tried, hides the password.
void ExpectUnreachable(const std::string& dsn) {
    StorageConfig config;
    config.connect_timeout = std::chrono::seconds(2);
    auto database = OpenPostgresDatabase(dsn, config);
    ASSERT_TRUE(FailedWith(database, ErrorCode::kUnavailable, "127.0.0.1")) << dsn;
    EXPECT_EQ(database.error().message.find(kPassword), std::string::npos)
        << database.error().message;
}

TEST(PostgresDatabaseTest, UnreachableServerIsUnavailableWithoutThePasswordUri) {
    std::string dsn = "postgresql://scs:";
    dsn += kPassword;
    dsn += "@127.0.0.1:" + std::to_string(FreePort()) + "/scs";
    ExpectUnreachable(dsn);
}

TEST(PostgresDatabaseTest, UnreachableServerIsUnavailableWithoutThePasswordKeywords) {
    std::string dsn = "host=127.0.0.1 port=" + std::to_string(FreePort());
    dsn += " user=scs dbname=scs password='";
    dsn += kPassword;
    dsn += "'";
    ExpectUnreachable(dsn);
}

// Kills the server side of every connection named `application_name`; returns how many.
Result<size_t> TerminateBackends(SqlExecutor& admin, const std::string& application_name) {
    return TransactValue<size_t>(admin, TxMode::kWrite, [&](SqlSession& session) -> Result<size_t> {
        auto rows = session.Exec(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = $1",
            {application_name});
        if (!rows) {
            return tl::unexpected(rows.error());
        }
        return rows->size();
    });
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
        OpenPostgresDatabase(WithDsnOption(test_db->Location(), "application_name", app), {});
    ASSERT_TRUE(database) << database.error().message;
    ASSERT_TRUE((*database)->Ping());

    auto admin = test_db->OpenExecutor();
    ASSERT_TRUE(admin);
    EXPECT_GE(TerminateBackends(**admin, app).value_or(0), 1U);
    EXPECT_TRUE(Succeeded((*database)->Ping()));
    EXPECT_TRUE(Succeeded((*database)->Migrations().Up()));
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
    EXPECT_TRUE(FailedWith(status, ErrorCode::kInternal, "rolled back"));
    EXPECT_EQ(QueryInt(**executor, "SELECT count(*) FROM kv").value_or(-1), 0);
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
    EXPECT_TRUE(FailedWith(RunStatements(**executor, TxMode::kRead, {"SELECT pg_sleep(5)"}),
                           ErrorCode::kTimeout));
}

}  // namespace
}  // namespace scs::testing
