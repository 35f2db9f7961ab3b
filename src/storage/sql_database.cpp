#include "storage/sql_database.hpp"

#include <utility>

namespace scs {

SqlDatabase::SqlDatabase(std::unique_ptr<SqlExecutor> executor, std::vector<Migration> migrations)
    : executor_(std::move(executor)),
      migrator_(*executor_, std::move(migrations)),
      connections_(*executor_) {}

Status SqlDatabase::Ping() {
    auto status = executor_->Transact(TxMode::kRead, [](SqlSession& session) -> Status {
        auto rows = session.Exec("SELECT 1");
        if (!rows) {
            return tl::unexpected(std::move(rows.error()));
        }
        return {};
    });
    if (!status) {
        return Fail(ErrorCode::kUnavailable,
                    std::string(Dialect()) + " database ping failed: " + status.error().message);
    }
    return {};
}

Result<std::unique_ptr<Database>> MakeSqlDatabase(std::unique_ptr<SqlExecutor> executor) {
    auto migrations = EmbeddedMigrations(executor->Dialect());
    if (!migrations) {
        return tl::unexpected(std::move(migrations.error()));
    }
    return std::make_unique<SqlDatabase>(std::move(executor), std::move(*migrations));
}

}  // namespace scs
