#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/sql.hpp"
#include "storage/storage_config.hpp"

namespace scs {

// The PostgreSQL driver: a pool of up to config.pool_size libpqxx connections to `dsn`, each with
// statement_timeout and lock_timeout set to config.busy_timeout. Connects once before returning:
// kUnavailable, with the password scrubbed from the message, when the server is unreachable.
[[nodiscard]] Result<std::unique_ptr<SqlExecutor>> OpenPostgresExecutor(
    const std::string& dsn, const StorageConfig& config);

}  // namespace scs
