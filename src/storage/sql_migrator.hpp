#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "storage/migration.hpp"
#include "storage/migrator.hpp"
#include "storage/sql.hpp"

namespace scs {

// Migrator over the SQL layer, golang-migrate style: one row (version, dirty) in
// schema_migrations. Each step is one transaction that takes the database's migration lock
// (SQLite's write lock, a PostgreSQL advisory lock), marks the row dirty, runs the script inside
// a savepoint and clears the mark; when the script fails, the savepoint is rolled back and the
// dirty mark is committed, so the operator sees it. Owned by the SqlDatabase; thread-safe.
class SqlMigrator final : public Migrator {
public:
    // `migrations` ordered by version (BuildMigrations); the executor outlives the migrator.
    SqlMigrator(SqlExecutor& executor, std::vector<Migration> migrations);

    Result<SchemaVersion> Current() override;
    int Latest() const override;
    Status Up() override;
    Status Down(int steps) override;
    Status Force(int version) override;

private:
    // The statements that differ between dialects.
    struct DialectSql {
        std::string exists;                // one integer: 1 when schema_migrations exists
        std::string create;                // CREATE TABLE IF NOT EXISTS schema_migrations ...
        std::vector<std::string> prepare;  // first in every migrating transaction
    };

    // The outcome of one step: whether it ran a migration, or why it failed.
    struct Step {
        bool ran = false;
        Status failure;
    };

    static DialectSql SqlFor(std::string_view dialect);
    Result<bool> StepUp();
    Status StepDown();
    Status Migrate(const std::function<Result<Step>(SqlSession&)>& step, bool& ran);
    Status Prepare(SqlSession& session);
    Result<Step> Run(SqlSession& session, int mark, const std::string& sql, std::string failure);
    Result<size_t> IndexOf(int version) const;

    SqlExecutor& executor_;
    const std::vector<Migration> migrations_;
    const DialectSql sql_;
    std::mutex mutex_;  // one migration command at a time in this process
};

}  // namespace scs
