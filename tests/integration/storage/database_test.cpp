#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_executor.hpp"
#include "storage_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;

class DatabaseTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override { test_db_ = TestDatabase::Create(GetParam()); }

    std::unique_ptr<Database> OpenOk() {
        auto database = test_db_->Open();
        EXPECT_TRUE(database) << database.error().message;
        return database ? std::move(*database) : nullptr;
    }

    std::unique_ptr<TestDatabase> test_db_;
};

TEST_P(DatabaseTest, ReportsItsDialect) {
    auto database = OpenOk();
    ASSERT_NE(database, nullptr);
    EXPECT_EQ(database->Dialect(), GetParam() == Backend::kSqlite ? "sqlite" : "postgres");
}

TEST_P(DatabaseTest, PingRoundTrips) {
    auto database = OpenOk();
    ASSERT_NE(database, nullptr);
    auto status = database->Ping();
    EXPECT_TRUE(status) << status.error().message;
}

TEST_P(DatabaseTest, OpenDoesNotMigrate) {
    auto database = OpenOk();
    ASSERT_NE(database, nullptr);
    auto current = database->migrator().Current();
    ASSERT_TRUE(current) << current.error().message;
    EXPECT_EQ(current->version, 0);
    EXPECT_FALSE(database->connections().ListActive());
}

// Two Database objects on one database stand in for two processes (`scs serve`, `scs work`).
TEST_P(DatabaseTest, TwoDatabasesSeeEachOthersWrites) {
    auto first = test_db_->OpenMigrated();
    auto second = OpenOk();
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);

    auto created = first->connections().Create(MakeConnection("s", "shopify", "a"));
    ASSERT_TRUE(created) << created.error().message;
    auto seen = second->connections().Get(created->id);
    ASSERT_TRUE(seen) << seen.error().message;
    ExpectSameConnection(*seen, *created);

    Connection paused = *created;
    paused.status = ConnectionStatus::kPaused;
    ASSERT_TRUE(second->connections().Update(paused));
    auto active = first->connections().ListActive();
    ASSERT_TRUE(active);
    EXPECT_TRUE(active->empty());
}

// Every process may auto-migrate at start-up: concurrent Up calls must not trip over each other.
TEST_P(DatabaseTest, ConcurrentUpFromTwoDatabasesConverges) {
    auto first = OpenOk();
    auto second = OpenOk();
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);

    auto first_up = std::async(std::launch::async, [&] { return first->migrator().Up(); });
    auto second_up = std::async(std::launch::async, [&] { return second->migrator().Up(); });
    const Status first_status = first_up.get();
    const Status second_status = second_up.get();
    EXPECT_TRUE(first_status) << first_status.error().message;
    EXPECT_TRUE(second_status) << second_status.error().message;
    auto current = second->migrator().Current();
    ASSERT_TRUE(current);
    EXPECT_EQ(*current, (SchemaVersion{second->migrator().Latest(), false}));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         DatabaseTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

Result<int64_t> QueryInt(SqlExecutor& executor, const std::string& sql) {
    return TransactValue<int64_t>(
        executor, TxMode::kRead, [&](SqlSession& session) -> Result<int64_t> {
            auto rows = session.Exec(sql);
            if (!rows) {
                return tl::unexpected(rows.error());
            }
            return rows->at(0).Int(0).value_or(-1);
        });
}

TEST(SqliteDatabaseTest, OpenCreatesParentDirectoriesWithWalAndForeignKeys) {
    TempDir dir;
    const auto file = dir.path() / "a" / "b" / "scs.db";
    auto database = OpenSqliteDatabase(file, {});
    ASSERT_TRUE(database) << database.error().message;
    EXPECT_TRUE(std::filesystem::exists(file));

    auto executor = OpenSqliteExecutor(file, {});
    ASSERT_TRUE(executor);
    auto mode = TransactValue<std::string>(
        **executor, TxMode::kRead, [](SqlSession& session) -> Result<std::string> {
            auto rows = session.Exec("PRAGMA journal_mode");
            if (!rows) {
                return tl::unexpected(rows.error());
            }
            return rows->at(0).Text(0);
        });
    ASSERT_TRUE(mode);
    EXPECT_EQ(*mode, "wal");
    auto foreign_keys = QueryInt(**executor, "PRAGMA foreign_keys");
    ASSERT_TRUE(foreign_keys);
    EXPECT_EQ(*foreign_keys, 1);
}

TEST(SqliteDatabaseTest, UnusablePathIsUnavailable) {
    TempDir dir;
    const auto blocker = dir.path() / "file";
    std::ofstream(blocker) << "not a directory";
    auto database = OpenSqliteDatabase(blocker / "scs.db", {});
    ASSERT_FALSE(database);
    EXPECT_EQ(database.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(database.error().message.find(blocker.string()), std::string::npos);
}

Status InsertRow(SqlExecutor& executor) {
    return executor.Transact(TxMode::kWrite, [](SqlSession& session) -> Status {
        auto rows = session.Exec("INSERT INTO held (id) VALUES ($1)", {int64_t{2}});
        if (!rows) {
            return tl::unexpected(rows.error());
        }
        return {};
    });
}

// A writer that cannot get the write lock within busy_timeout gets kUnavailable (never a hang),
// readers are not blocked by a writer (WAL), and the writer succeeds once the lock is free.
TEST(SqliteDatabaseTest, WriterGivesUpAfterBusyTimeoutAndReadersAreNotBlocked) {
    TempDir dir;
    const auto file = dir.path() / "scs.db";
    auto holder = OpenSqliteExecutor(file, {});
    StorageConfig impatient;
    impatient.busy_timeout = milliseconds(100);
    auto waiter = OpenSqliteExecutor(file, impatient);
    ASSERT_TRUE(holder && waiter);
    ASSERT_TRUE(ExecSql(**holder, "CREATE TABLE held (id INTEGER NOT NULL)"));

    std::promise<void> locked;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::thread writer([&] {
        auto status = (*holder)->Transact(TxMode::kWrite, [&](SqlSession& session) -> Status {
            auto rows = session.Exec("INSERT INTO held (id) VALUES (1)");
            locked.set_value();
            released.wait();
            return rows ? Status{} : Status(tl::unexpected(rows.error()));
        });
        EXPECT_TRUE(status);
    });
    locked.get_future().wait();

    const auto start = std::chrono::steady_clock::now();
    const Status blocked = InsertRow(**waiter);
    const auto waited = std::chrono::steady_clock::now() - start;
    auto count_while_locked = QueryInt(**waiter, "SELECT count(*) FROM held");
    release.set_value();
    writer.join();

    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable);
    EXPECT_GE(waited, milliseconds(100));
    ASSERT_TRUE(count_while_locked) << count_while_locked.error().message;
    EXPECT_EQ(*count_while_locked, 0);
    EXPECT_TRUE(InsertRow(**waiter));
    EXPECT_EQ(QueryInt(**waiter, "SELECT count(*) FROM held").value_or(-1), 2);
}

}  // namespace
}  // namespace scs::testing
