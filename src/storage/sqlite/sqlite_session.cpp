#include "storage/sqlite/sqlite_session.hpp"

#include <cctype>

#include <sqlite3.h>

namespace scs {
namespace {

// Finalizes a prepared statement when its owner goes out of scope.
struct StatementCloser {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

bool IsBlank(std::string_view text) {
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) == 0) {
            return false;
        }
    }
    return true;
}

int Bind(sqlite3_stmt* statement, int index, const SqlValue& value) {
    if (const auto* number = std::get_if<int64_t>(&value)) {
        return sqlite3_bind_int64(statement, index, *number);
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        return sqlite3_bind_text64(
            statement, index, text->data(), text->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    return sqlite3_bind_null(statement, index);
}

SqlValue Cell(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL:
            return std::monostate{};
        case SQLITE_INTEGER:
            return static_cast<int64_t>(sqlite3_column_int64(statement, column));
        default: {
            // Text, blobs and floats alike come back as their text form.
            const auto* data = sqlite3_column_text(statement, column);
            const int size = sqlite3_column_bytes(statement, column);
            return std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(size));
        }
    }
}

SqlRow ReadRow(sqlite3_stmt* statement) {
    const int columns = sqlite3_column_count(statement);
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<size_t>(columns));
    for (int i = 0; i < columns; ++i) {
        cells.push_back(Cell(statement, i));
    }
    return SqlRow(std::move(cells));
}

}  // namespace

Result<std::unique_ptr<SqliteSession>> SqliteSession::Open(const std::filesystem::path& file,
                                                           const StorageConfig& config) {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    // The handle is allocated even when opening fails, so it is owned from here on.
    std::unique_ptr<SqliteSession> session(new SqliteSession(db));
    if (rc != SQLITE_OK) {
        return Fail(ErrorCode::kUnavailable,
                    "cannot open SQLite database " + file.string() + ": " +
                        (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
    }
    if (auto status = session->Configure(config); !status) {
        return Fail(ErrorCode::kUnavailable,
                    "cannot open SQLite database " + file.string() + ": " + status.error().message);
    }
    return session;
}

SqliteSession::~SqliteSession() {
    sqlite3_close_v2(db_);
}

Status SqliteSession::Configure(const StorageConfig& config) {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, static_cast<int>(config.busy_timeout.count()));
    // journal_mode answers with the mode in force: anything but "wal" means it did not take
    // (e.g. a file system without shared memory), and several processes could not share the file.
    auto mode = Exec("PRAGMA journal_mode = WAL");
    if (!mode) {
        return tl::unexpected(std::move(mode.error()));
    }
    if (mode->empty() || mode->front().Text(0) != "wal") {
        return Fail(ErrorCode::kUnavailable, "the file cannot be put in WAL mode");
    }
    if (auto keys = Exec("PRAGMA foreign_keys = ON"); !keys) {
        return tl::unexpected(std::move(keys.error()));
    }
    // Every commit reaches the disk before it is acknowledged: an accepted webhook or queued job
    // survives a power cut, not only a crash (NORMAL would be faster and lose the last commits).
    if (auto sync = Exec("PRAGMA synchronous = FULL"); !sync) {
        return tl::unexpected(std::move(sync.error()));
    }
    return {};
}

Result<SqlRows> SqliteSession::Exec(std::string_view sql, const SqlParams& params) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int prepared =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, &tail);
    Statement statement(raw);
    if (prepared != SQLITE_OK) {
        return tl::unexpected(ErrorFor(prepared, sql));
    }
    if (!IsBlank(std::string_view(tail, static_cast<size_t>(sql.data() + sql.size() - tail)))) {
        return Fail(ErrorCode::kInternal,
                    "Exec takes one statement, use ExecScript: " + std::string(sql));
    }
    if (sqlite3_bind_parameter_count(raw) != static_cast<int>(params.size())) {
        return Fail(ErrorCode::kInternal,
                    "statement expects " + std::to_string(sqlite3_bind_parameter_count(raw)) +
                        " parameters, got " + std::to_string(params.size()) + ": " +
                        std::string(sql));
    }
    for (size_t i = 0; i < params.size(); ++i) {
        const std::string name = "$" + std::to_string(i + 1);
        const int index = sqlite3_bind_parameter_index(raw, name.c_str());
        if (index == 0) {
            return Fail(ErrorCode::kInternal,
                        "statement lacks parameter " + name + ": " + std::string(sql));
        }
        if (const int rc = Bind(raw, index, params[i]); rc != SQLITE_OK) {
            return tl::unexpected(ErrorFor(rc, sql));
        }
    }
    SqlRows rows;
    for (;;) {
        const int rc = sqlite3_step(raw);
        if (rc == SQLITE_DONE) {
            return rows;
        }
        if (rc != SQLITE_ROW) {
            return tl::unexpected(ErrorFor(rc, sql));
        }
        rows.push_back(ReadRow(raw));
    }
}

Status SqliteSession::ExecScript(std::string_view sql) {
    const std::string script(sql);
    const int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return tl::unexpected(ErrorFor(rc, "script"));
    }
    return {};
}

bool SqliteSession::RollbackIfOpen() {
    if (sqlite3_get_autocommit(db_) == 0) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    return sqlite3_get_autocommit(db_) != 0;
}

Error SqliteSession::ErrorFor(int rc, std::string_view what) {
    const int primary = rc & 0xff;
    std::string message = std::string(sqlite3_errmsg(db_)) + " (in " + std::string(what) + ")";
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        busy_ = true;
        return Error{
            ErrorCode::kUnavailable, "SQLite database is busy: " + message, {}, std::nullopt};
    }
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Error{ErrorCode::kConflict, std::move(message), {}, std::nullopt};
    }
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_IOERR || primary == SQLITE_FULL) {
        return Error{ErrorCode::kUnavailable, std::move(message), {}, std::nullopt};
    }
    return Error{ErrorCode::kInternal, std::move(message), {}, std::nullopt};
}

}  // namespace scs
