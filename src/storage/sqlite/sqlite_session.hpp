#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/sql.hpp"
#include "storage/storage_config.hpp"

struct sqlite3;

namespace scs {

// One SQLite connection (it owns the sqlite3 handle) and the SqlSession over it. Pooled by the
// SqliteExecutor and used by one thread at a time.
class SqliteSession final : public SqlSession {
public:
    // Opens or creates `file` in WAL mode with foreign keys on and the config's busy timeout.
    // kUnavailable when it cannot.
    [[nodiscard]] static Result<std::unique_ptr<SqliteSession>> Open(
        const std::filesystem::path& file, const StorageConfig& config);

    ~SqliteSession() override;
    SqliteSession(const SqliteSession&) = delete;
    SqliteSession& operator=(const SqliteSession&) = delete;
    SqliteSession(SqliteSession&&) = delete;
    SqliteSession& operator=(SqliteSession&&) = delete;

    using SqlSession::Exec;
    Result<SqlRows> Exec(std::string_view sql, const SqlParams& params) override;
    Status ExecScript(std::string_view sql) override;

    // True when a statement since the last ClearBusy() failed with SQLITE_BUSY or SQLITE_LOCKED,
    // which a later attempt at the whole transaction can cure.
    bool Busy() const { return busy_; }

    void ClearBusy() { busy_ = false; }

    // Rolls back a transaction left open (after a failed statement or COMMIT). False when the
    // connection is still inside one and must not be reused.
    [[nodiscard]] bool RollbackIfOpen();

private:
    explicit SqliteSession(sqlite3* db) : db_(db) {}

    Status Configure(const StorageConfig& config);

    // The Error for result code `rc` of the last call; records busy_.
    Error ErrorFor(int rc, std::string_view what);

    sqlite3* db_;
    bool busy_ = false;
};

}  // namespace scs
