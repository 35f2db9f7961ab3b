#include <string>

#include "app/runtime.hpp"
#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace scs {

Result<std::unique_ptr<Database>> OpenDatabase(const AppConfig& config) {
    if (config.UsesSqlite()) {
        return OpenSqliteDatabase(config.SqlitePath(), config.storage);
    }
    return OpenPostgresDatabase(config.database.url, config.storage);
}

Status EnsureSchema(Database& database, bool auto_migrate) {
    auto& migrator = database.Migrations();
    auto current = migrator.Current();
    if (!current) {
        return tl::unexpected(current.error());
    }
    const int latest = migrator.Latest();
    const std::string where = "database schema is at version " + std::to_string(current->version);
    if (current->dirty) {
        return Fail(ErrorCode::kUnavailable,
                    where +
                        " and dirty (a migration failed half way): fix it, then run "
                        "`scs migrate force <version>`");
    }
    if (current->version > latest) {
        return Fail(ErrorCode::kUnavailable,
                    where + ", newer than this binary knows (" + std::to_string(latest) +
                        "): run a newer scs or `scs migrate down`");
    }
    if (current->version == latest) {
        return {};
    }
    if (!auto_migrate) {
        return Fail(ErrorCode::kUnavailable,
                    where + " but this binary needs " + std::to_string(latest) +
                        ": run `scs migrate up` first");
    }
    return migrator.Up();
}

}  // namespace scs
