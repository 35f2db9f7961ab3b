#pragma once

#include <filesystem>
#include <memory>

#include "core/result.hpp"
#include "storage/sql.hpp"
#include "storage/storage_config.hpp"

namespace scs {

// The SQLite driver: a pool of up to config.pool_size connections to `file` (created with its
// parent directory when missing). Write transactions use BEGIN IMMEDIATE, so writers in several
// processes wait for each other up to config.busy_timeout instead of failing. kUnavailable when
// the file cannot be opened.
[[nodiscard]] Result<std::unique_ptr<SqlExecutor>> OpenSqliteExecutor(
    const std::filesystem::path& file, const StorageConfig& config);

}  // namespace scs
