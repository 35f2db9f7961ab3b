#include "storage/store_rows.hpp"

#include "storage/postgres/postgres_session.hpp"

namespace scs {

int64_t RowReader::Int(size_t column, std::string_view name) {
    const auto value = row_.Int(column);
    if (!value && bad_column_.empty()) {
        bad_column_ = name;
    }
    return value.value_or(0);
}

TimePoint RowReader::Time(size_t column, std::string_view name) {
    return FromUnixMillis(Int(column, name));
}

std::optional<TimePoint> RowReader::OptionalTime(size_t column, std::string_view name) {
    if (row_.IsNull(column)) {
        return std::nullopt;
    }
    return Time(column, name);
}

Status RowReader::Check() const {
    if (bad_column_.empty()) {
        return {};
    }
    return Fail(ErrorCode::kInternal,
                "stored " + std::string(table_) + "." + bad_column_ + " is not an integer");
}

SqlValue TimeParam(std::optional<TimePoint> time) {
    if (!time) {
        return std::monostate{};
    }
    return ToUnixMillis(*time);
}

Status CheckListLimit(int limit) {
    if (limit < 1 || limit > kMaxListLimit) {
        return FailField("limit",
                         "limit: a whole number from 1 to " + std::to_string(kMaxListLimit));
    }
    return {};
}

bool IsPostgresSession(SqlSession& session) {
    return dynamic_cast<PostgresSession*>(&session) != nullptr;
}

std::string_view ForUpdate(SqlSession& session) {
    return IsPostgresSession(session) ? " FOR UPDATE" : "";
}

Result<int64_t> InsertedId(const Result<SqlRows>& rows, std::string_view table) {
    if (!rows) {
        return tl::unexpected(rows.error());
    }
    if (rows->empty() || !rows->front().Int(0)) {
        return Fail(ErrorCode::kInternal,
                    "an insert into " + std::string(table) + " returned no id");
    }
    return *rows->front().Int(0);
}

Status ExpectOneRow(const Result<SqlRows>& rows, const std::string& what) {
    if (!rows) {
        return tl::unexpected(rows.error());
    }
    if (rows->empty()) {
        return Fail(ErrorCode::kNotFound, what + " not found");
    }
    return {};
}

}  // namespace scs
