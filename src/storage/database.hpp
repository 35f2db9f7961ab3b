#pragma once

#include <string_view>

#include "core/result.hpp"
#include "storage/connection_store.hpp"
#include "storage/migrator.hpp"
#include "storage/sql.hpp"

namespace scs {

// One database (a SQLite file or a PostgreSQL server): its connection pool, migrator and
// stores. Created by OpenSqliteDatabase / OpenPostgresDatabase in the composition root, which
// keeps it alive longer than every user. Thread-safe. Opening never migrates.
class Database {
public:
    virtual ~Database() = default;

    // "sqlite" or "postgres".
    virtual std::string_view Dialect() const = 0;

    // A real round trip (SELECT 1); kUnavailable on failure.
    [[nodiscard]] virtual Status Ping() = 0;

    // The schema migrator of this database.
    virtual Migrator& Migrations() = 0;

    virtual ConnectionStore& Connections() = 0;

    // The SQL driver, for stores outside storage/ that keep their tables in this database (the
    // SQLite queue and state store) and need transactions across them.
    virtual SqlExecutor& Executor() = 0;
};

}  // namespace scs
