#pragma once

#include <filesystem>
#include <memory>

#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/storage_config.hpp"

namespace scs {

// Opens (creating the parent directory and the file when missing) a SQLite database in WAL mode
// with foreign keys on and config.busy_timeout as the busy wait. Several processes may share the
// file. Does not migrate. kUnavailable when the file cannot be opened.
[[nodiscard]] Result<std::unique_ptr<Database>> OpenSqliteDatabase(
    const std::filesystem::path& file, const StorageConfig& config);

}  // namespace scs
