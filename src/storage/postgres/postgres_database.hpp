#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/storage_config.hpp"

namespace scs {

// Connects to PostgreSQL (libpq DSN, URI or keyword form) and keeps a pool of up to
// config.pool_size connections. Does not migrate. kUnavailable, with a message that never holds
// the DSN's password, when the server cannot be reached.
[[nodiscard]] Result<std::unique_ptr<Database>> OpenPostgresDatabase(const std::string& dsn,
                                                                     const StorageConfig& config);

}  // namespace scs
