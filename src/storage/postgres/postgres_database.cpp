#include "storage/postgres/postgres_database.hpp"

#include "storage/postgres/postgres_executor.hpp"
#include "storage/sql_database.hpp"

namespace scs {

Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& dsn,
                                                       const StorageConfig& config) {
    auto executor = OpenPostgresExecutor(dsn, config);
    if (!executor) {
        return tl::unexpected(std::move(executor.error()));
    }
    return MakeSqlDatabase(std::move(*executor));
}

}  // namespace scs
