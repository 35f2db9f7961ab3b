#pragma once

#include <memory>
#include <vector>

#include "storage/database.hpp"
#include "storage/migration.hpp"
#include "storage/sql.hpp"
#include "storage/sql_connection_store.hpp"
#include "storage/sql_migrator.hpp"

namespace scs {

// The Database of both dialects: an executor (the dialect's driver and pool) plus the
// dialect-neutral migrator and stores built on it. New stores in storage/ are added here.
// Created by OpenSqliteDatabase / OpenPostgresDatabase; thread-safe.
class SqlDatabase final : public Database {
public:
    SqlDatabase(std::unique_ptr<SqlExecutor> executor, std::vector<Migration> migrations);

    std::string_view Dialect() const override { return executor_->Dialect(); }

    Status Ping() override;

    Migrator& Migrations() override { return migrator_; }

    ConnectionStore& Connections() override { return connections_; }

    // For stores and tests in storage/ that need transactions across tables.
    SqlExecutor& Executor() override { return *executor_; }

private:
    // Declared first: the migrator and stores hold references to it.
    std::unique_ptr<SqlExecutor> executor_;
    SqlMigrator migrator_;
    SqlConnectionStore connections_;
};

// Builds a SqlDatabase over `executor` with the embedded migrations of its dialect.
[[nodiscard]] Result<std::unique_ptr<Database>> MakeSqlDatabase(
    std::unique_ptr<SqlExecutor> executor);

}  // namespace scs
