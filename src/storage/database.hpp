#pragma once

#include <string_view>

#include "core/result.hpp"
#include "storage/connection_store.hpp"
#include "storage/migrator.hpp"

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

    // Accessor names fixed by the public API the callers were written against.
    virtual Migrator& migrator() = 0;            // NOLINT(readability-identifier-naming)
    virtual ConnectionStore& connections() = 0;  // NOLINT(readability-identifier-naming)
};

}  // namespace scs
