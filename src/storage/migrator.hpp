#pragma once

#include "core/result.hpp"

namespace scs {

// The schema version recorded in schema_migrations. `dirty` means a migration failed half way
// and an operator must fix the schema and run `scs migrate force V`.
struct SchemaVersion {
    int version = 0;
    bool dirty = false;

    bool operator==(const SchemaVersion&) const = default;
};

// Applies and reverts the migrations embedded in the binary (migrations/<dialect>/), one
// transaction per migration. Owned by the Database; thread-safe, and several processes may
// migrate the same database at once (one waits for the other).
class Migrator {
public:
    virtual ~Migrator() = default;

    // 0 when the schema table does not exist yet.
    [[nodiscard]] virtual Result<SchemaVersion> Current() = 0;

    // The highest embedded migration number.
    virtual int Latest() const = 0;

    // Applies all pending migrations in order. Refuses when the schema is dirty.
    [[nodiscard]] virtual Status Up() = 0;

    // Reverts `steps` migrations (steps >= 1). Refuses when the schema is dirty.
    [[nodiscard]] virtual Status Down(int steps) = 0;

    // Records `version` as current and clean without running any migration.
    [[nodiscard]] virtual Status Force(int version) = 0;
};

}  // namespace scs
