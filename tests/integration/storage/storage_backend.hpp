#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/connection.hpp"
#include "storage/database.hpp"
#include "storage/sql.hpp"
#include "storage/storage_config.hpp"
#include "support/test_env.hpp"

namespace scs::testing {

enum class Backend { kSqlite, kPostgres };

// "sqlite" / "postgres", for parameterised test names.
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

// A fresh, empty database of one dialect for one test: a file in a temp directory, or a unique
// PostgreSQL schema (reached with options=-csearch_path) that is dropped on destruction.
class TestDatabase {
public:
    // nullptr when the test was skipped (PostgreSQL without TEST_PG_DSN) or setup failed.
    static std::unique_ptr<TestDatabase> Create(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    TestDatabase(TestDatabase&&) = delete;
    TestDatabase& operator=(TestDatabase&&) = delete;

    // The SQLite file, or the DSN with the schema on the search path.
    const std::string& Location() const { return location_; }

    Result<std::unique_ptr<Database>> Open(const StorageConfig& config = {}) const;
    Result<std::unique_ptr<SqlExecutor>> OpenExecutor(const StorageConfig& config = {}) const;
    // Open + migrate up; fails the test on error.
    std::unique_ptr<Database> OpenMigrated(const StorageConfig& config = {}) const;

private:
    explicit TestDatabase(Backend backend) : backend_(backend) {}

    Backend backend_;
    std::optional<TempDir> dir_;
    std::string base_dsn_;
    std::string schema_;
    std::string location_;
};

// Runs one statement through `executor` in a write transaction.
Status ExecSql(SqlExecutor& executor, const std::string& sql);

// True when `table` can be read.
bool TableExists(SqlExecutor& executor, const std::string& table);

// The DSN with `key=value` added (URI query parameter or keyword form; value is URI-encoded for
// the URI form).
std::string WithDsnOption(const std::string& dsn, const std::string& key, const std::string& value);

// A connection for `seller` on `platform` / `store`, active, with the minimum set.
Connection MakeConnection(const std::string& seller,
                          const std::string& platform,
                          const std::string& store);

// Every field of a connection on one line, for comparing connections in one assertion.
std::string Describe(const Connection& connection);

// Compares every field.
void ExpectSameConnection(const Connection& actual, const Connection& expected);

// Success when `status` succeeded; otherwise says why not.
::testing::AssertionResult Succeeded(const Status& status);

// Success when `status` failed with `code` and a message containing `fragment`.
::testing::AssertionResult FailedWith(const Status& status,
                                      ErrorCode code,
                                      std::string_view fragment = "");

template <class T>
::testing::AssertionResult FailedWith(const Result<T>& result,
                                      ErrorCode code,
                                      std::string_view fragment = "") {
    if (result) {
        return ::testing::AssertionFailure() << "succeeded";
    }
    return FailedWith(Status(tl::unexpected(result.error())), code, fragment);
}

// A one-row, one-column query's value as an integer (-1 when NULL or not an integer).
Result<int64_t> QueryInt(SqlExecutor& executor, const std::string& sql);

}  // namespace scs::testing
