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

// An empty database of the parameter's dialect per test, opened as often as a test needs.
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
    auto current = database->Migrations().Current();
    ASSERT_TRUE(current) << current.error().message;
    EXPECT_EQ(current->version, 0);
    EXPECT_FALSE(database->Connections().ListActive());
}

// Two Database objects on one database stand in for two processes (`scs serve`, `scs work`).
TEST_P(DatabaseTest, TwoDatabasesSeeEachOthersWrites) {
    auto first = test_db_->OpenMigrated();
    auto second = OpenOk();
    ASSERT_TRUE(first && second);

    auto created = first->Connections().Create(MakeConnection("s", "shopify", "a"));
    ASSERT_TRUE(created) << created.error().message;
    auto seen = second->Connections().Get(created->id);
    EXPECT_EQ(Describe(seen.value_or(Connection{})), Describe(*created));

    Connection paused = *created;
    paused.status = ConnectionStatus::kPaused;
    ASSERT_TRUE(second->Connections().Update(paused));
    EXPECT_EQ(first->Connections().ListActive().value_or(std::vector<Connection>(1)).size(), 0U);
}

// Every process may auto-migrate at start-up: concurrent Up calls must not trip over each other.
TEST_P(DatabaseTest, ConcurrentUpFromTwoDatabasesConverges) {
    auto first = OpenOk();
    auto second = OpenOk();
    ASSERT_TRUE(first && second);

    auto first_up = std::async(std::launch::async, [&] { return first->Migrations().Up(); });
    auto second_up = std::async(std::launch::async, [&] { return second->Migrations().Up(); });
    EXPECT_TRUE(Succeeded(first_up.get()));
    EXPECT_TRUE(Succeeded(second_up.get()));
    EXPECT_EQ(second->Migrations().Current().value_or(SchemaVersion{}),
              (SchemaVersion{second->Migrations().Latest(), false}));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         DatabaseTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

std::string JournalMode(SqlExecutor& executor) {
    auto mode = TransactValue<std::string>(
        executor, TxMode::kRead, [](SqlSession& session) -> Result<std::string> {
            auto rows = session.Exec("PRAGMA journal_mode");
            if (!rows || rows->empty()) {
                return Fail(ErrorCode::kInternal, "no journal mode");
            }
            return rows->front().Text(0);
        });
    return mode.value_or("error");
}

TEST(SqliteDatabaseTest, OpenCreatesParentDirectoriesWithWalAndForeignKeys) {
    TempDir dir;
    const auto file = dir.Path() / "a" / "b" / "scs.db";
    ASSERT_TRUE(OpenSqliteDatabase(file, {}));
    EXPECT_TRUE(std::filesystem::exists(file));

    auto executor = OpenSqliteExecutor(file, {});
    ASSERT_TRUE(executor);
    EXPECT_EQ(JournalMode(**executor), "wal");
    EXPECT_EQ(QueryInt(**executor, "PRAGMA foreign_keys").value_or(-1), 1);
}

TEST(SqliteDatabaseTest, UnusablePathIsUnavailable) {
    TempDir dir;
    const auto blocker = dir.Path() / "file";
    std::ofstream(blocker) << "not a directory";
    EXPECT_TRUE(FailedWith(
        OpenSqliteDatabase(blocker / "scs.db", {}), ErrorCode::kUnavailable, blocker.string()));
}

Status InsertRow(SqlExecutor& executor, int64_t id) {
    return executor.Transact(TxMode::kWrite, [id](SqlSession& session) -> Status {
        auto rows = session.Exec("INSERT INTO held (id) VALUES ($1)", {id});
        return rows ? Status{} : Status(tl::unexpected(rows.error()));
    });
}

// Holds SQLite's write lock from another thread until destroyed: a second process's writer.
class WriteLockHolder {
public:
    explicit WriteLockHolder(SqlExecutor& executor)
        : released_(release_.get_future().share()), thread_([this, &executor] { Hold(executor); }) {
        locked_.get_future().wait();
    }

    ~WriteLockHolder() {
        release_.set_value();
        thread_.join();
    }

    WriteLockHolder(const WriteLockHolder&) = delete;
    WriteLockHolder& operator=(const WriteLockHolder&) = delete;
    WriteLockHolder(WriteLockHolder&&) = delete;
    WriteLockHolder& operator=(WriteLockHolder&&) = delete;

private:
    void Hold(SqlExecutor& executor) {
        auto status = executor.Transact(TxMode::kWrite, [this](SqlSession& session) -> Status {
            auto rows = session.Exec("INSERT INTO held (id) VALUES (1)");
            locked_.set_value();
            released_.wait();
            return rows ? Status{} : Status(tl::unexpected(rows.error()));
        });
        EXPECT_TRUE(Succeeded(status));
    }

    std::promise<void> locked_;
    std::promise<void> release_;
    std::shared_future<void> released_;
    std::thread thread_;  // last: it starts in the constructor and uses the members above
};

// Two executors on one SQLite file: a patient holder and a waiter with a 100 ms busy timeout.
class SqliteBusyTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto holder = OpenSqliteExecutor(file_, {});
        StorageConfig impatient;
        impatient.busy_timeout = milliseconds(100);
        auto waiter = OpenSqliteExecutor(file_, impatient);
        ASSERT_TRUE(holder && waiter);
        holder_ = std::move(*holder);
        waiter_ = std::move(*waiter);
        ASSERT_TRUE(ExecSql(*holder_, "CREATE TABLE held (id INTEGER NOT NULL)"));
    }

    TempDir dir_;
    std::filesystem::path file_ = dir_.Path() / "scs.db";
    std::unique_ptr<SqlExecutor> holder_;
    std::unique_ptr<SqlExecutor> waiter_;
};

// A writer that cannot get the write lock within busy_timeout gets kUnavailable, not a hang.
TEST_F(SqliteBusyTest, WriterGivesUpAfterBusyTimeout) {
    Status blocked;
    std::chrono::steady_clock::duration waited{};
    {
        WriteLockHolder lock(*holder_);
        const auto start = std::chrono::steady_clock::now();
        blocked = InsertRow(*waiter_, 2);
        waited = std::chrono::steady_clock::now() - start;
    }
    EXPECT_TRUE(FailedWith(blocked, ErrorCode::kUnavailable, "busy"));
    EXPECT_GE(waited, milliseconds(100));
    EXPECT_TRUE(Succeeded(InsertRow(*waiter_, 2)));
    EXPECT_EQ(QueryInt(*waiter_, "SELECT count(*) FROM held").value_or(-1), 2);
}

// WAL: a reader sees the last committed state while another connection holds the write lock.
TEST_F(SqliteBusyTest, ReadersAreNotBlockedByAWriter) {
    ASSERT_TRUE(Succeeded(InsertRow(*holder_, 7)));
    Result<int64_t> count_while_locked = 0;
    {
        WriteLockHolder lock(*holder_);
        count_while_locked = QueryInt(*waiter_, "SELECT count(*) FROM held");
    }
    EXPECT_EQ(count_while_locked.value_or(-1), 1);
}

}  // namespace
}  // namespace scs::testing
