#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.hpp"

// The dialect-neutral SQL layer every store in storage/ is written against. Statements use
// `$1`-style parameters, which both SQLite (as named parameters) and PostgreSQL accept.
namespace scs {

// A parameter or a result cell: NULL, an integer, or text. PostgreSQL returns every cell as text;
// SqlRow's accessors hide the difference. Booleans are passed as 0/1.
using SqlValue = std::variant<std::monostate, int64_t, std::string>;
using SqlParams = std::vector<SqlValue>;

// One result row. Cheap to move; plain data.
class SqlRow {
public:
    explicit SqlRow(std::vector<SqlValue> cells) : cells_(std::move(cells)) {}

    size_t ColumnCount() const { return cells_.size(); }

    bool IsNull(size_t column) const;
    // "" for NULL; integers in decimal.
    std::string Text(size_t column) const;
    // nullopt for NULL or text that is not a whole integer.
    std::optional<int64_t> Int(size_t column) const;
    // SQLite integers (non-zero is true) and PostgreSQL t/f or true/false alike; false for NULL.
    bool Bool(size_t column) const;

private:
    std::vector<SqlValue> cells_;
};

using SqlRows = std::vector<SqlRow>;

// One database connection inside an open transaction, lent to a Transact callback. Not
// thread-safe and only valid during the callback. On PostgreSQL a failed statement aborts the
// transaction, so return its error instead of carrying on (or wrap it in a SAVEPOINT).
class SqlSession {
public:
    virtual ~SqlSession() = default;

    // One statement with parameters; returns its rows (use RETURNING to read back writes).
    // Errors: kConflict for a unique violation, kTimeout for a lock or statement timeout,
    // kUnavailable when the database is unreachable or busy, kInternal otherwise.
    [[nodiscard]] virtual Result<SqlRows> Exec(std::string_view sql, const SqlParams& params) = 0;

    [[nodiscard]] Result<SqlRows> Exec(std::string_view sql) { return Exec(sql, SqlParams{}); }

    // Several statements without parameters (a migration file).
    [[nodiscard]] virtual Status ExecScript(std::string_view sql) = 0;
};

// kRead runs a read-only transaction that never blocks writers; kWrite takes the write lock up
// front on SQLite (BEGIN IMMEDIATE), so writers from several processes queue instead of failing.
enum class TxMode { kRead, kWrite };

using TransactionFn = std::function<Status(SqlSession&)>;

// A dialect's driver: a connection pool that runs transactions. Owned by the SqlDatabase, shared
// by reference with its stores and migrator. Thread-safe.
class SqlExecutor {
public:
    virtual ~SqlExecutor() = default;

    // "sqlite" or "postgres".
    virtual std::string_view Dialect() const = 0;

    // Runs fn on one pooled connection inside a transaction: commits when fn succeeds, rolls back
    // when it fails. fn may run more than once: a SQLite BUSY, a PostgreSQL serialization
    // failure or deadlock, or a dropped connection retries the whole transaction a few times, so
    // fn must reset whatever it captures. Do not call Transact from inside fn (the pool may be
    // exhausted).
    [[nodiscard]] virtual Status Transact(TxMode mode, const TransactionFn& fn) = 0;
};

// Transact for a callback that produces a value: fn(SqlSession&) -> Result<T>.
template <class T, class Fn>
[[nodiscard]] Result<T> TransactValue(SqlExecutor& executor, TxMode mode, Fn&& fn) {
    std::optional<T> value;
    auto status = executor.Transact(mode, [&](SqlSession& session) -> Status {
        value.reset();
        auto result = fn(session);
        if (!result) {
            return tl::unexpected(std::move(result.error()));
        }
        value.emplace(std::move(*result));
        return {};
    });
    if (!status) {
        return tl::unexpected(std::move(status.error()));
    }
    return std::move(*value);
}

}  // namespace scs
