#include "storage/sqlite/sqlite_database.hpp"

#include "storage/sql_database.hpp"
#include "storage/sqlite/sqlite_executor.hpp"

namespace scs {

Result<std::unique_ptr<Database>> OpenSqliteDatabase(const std::filesystem::path& file,
                                                     const StorageConfig& config) {
    auto executor = OpenSqliteExecutor(file, config);
    if (!executor) {
        return tl::unexpected(std::move(executor.error()));
    }
    return MakeSqlDatabase(std::move(*executor));
}

}  // namespace scs
