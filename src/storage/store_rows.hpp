#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// Small pieces the SQL stores share (internal to storage/): typed reads of stored rows, time
// parameters, limit checks and the session's dialect.
namespace scs {

// Reads the cells of one stored row, remembering the first column that is not what the schema
// promises, so a decoder reads every column and checks once. Borrowed row; one thread.
class RowReader {
public:
    RowReader(const SqlRow& row, std::string_view table) : row_(row), table_(table) {}

    int64_t Int(size_t column, std::string_view name);
    TimePoint Time(size_t column, std::string_view name);
    std::optional<TimePoint> OptionalTime(size_t column, std::string_view name);

    std::string Text(size_t column) const { return row_.Text(column); }

    // kInternal naming the first column that could not be read.
    [[nodiscard]] Status Check() const;

private:
    const SqlRow& row_;
    std::string_view table_;
    std::string bad_column_;
};

// A time as stored (unix milliseconds), NULL for nullopt.
SqlValue TimeParam(std::optional<TimePoint> time);

// kBadRequest naming "limit" unless 1 <= limit <= kMaxListLimit.
inline constexpr int kMaxListLimit = 200;
[[nodiscard]] Status CheckListLimit(int limit);

// True on a PostgreSQL session: row locks (FOR UPDATE) exist there; SQLite write transactions
// already hold the database's write lock.
bool IsPostgresSession(SqlSession& session);

// " FOR UPDATE" on PostgreSQL, "" on SQLite.
std::string_view ForUpdate(SqlSession& session);

// The id an INSERT ... RETURNING id produced.
[[nodiscard]] Result<int64_t> InsertedId(const Result<SqlRows>& rows, std::string_view table);

// kNotFound with `what` when an UPDATE ... RETURNING touched no row.
[[nodiscard]] Status ExpectOneRow(const Result<SqlRows>& rows, const std::string& what);

}  // namespace scs
