#include "storage/postgres/postgres_session.hpp"

#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "storage/postgres/pg_errors.hpp"
#include "storage/postgres/pg_sql.hpp"

namespace scs {
namespace {

PgFailure Failure(ErrorCode code, std::string_view context, const std::exception& e) {
    return {
        Error{
            code, PgMessageLine(e.what()) + " (in " + std::string(context) + ")", {}, std::nullopt},
        false,
        false};
}

SqlRows ConvertRows(const pqxx::result& result) {
    SqlRows rows;
    rows.reserve(result.size());
    for (const auto& row : result) {
        std::vector<SqlValue> cells;
        cells.reserve(row.size());
        for (const auto& field : row) {
            if (field.is_null()) {
                cells.emplace_back(std::monostate{});
            } else {
                cells.emplace_back(std::string(field.c_str(), field.size()));
            }
        }
        rows.emplace_back(std::move(cells));
    }
    return rows;
}

}  // namespace

PgFailure CurrentPgFailure(std::string_view context) {
    try {
        throw;
    } catch (const pqxx::broken_connection& e) {
        PgFailure failure = Failure(ErrorCode::kUnavailable, context, e);
        failure.retryable = true;
        failure.broken = true;
        return failure;
    } catch (const pqxx::in_doubt_error& e) {
        return Failure(ErrorCode::kUnavailable, context, e);
    } catch (const pqxx::statement_completion_unknown& e) {
        return Failure(ErrorCode::kUnavailable, context, e);
    } catch (const pqxx::transaction_rollback& e) {
        // Serialization failures and deadlocks: the server rolled back, so a retry is safe.
        PgFailure failure = Failure(ErrorCode::kUnavailable, context, e);
        failure.retryable = true;
        return failure;
    } catch (const pqxx::sql_error& e) {
        PgFailure failure = Failure(PgErrorCode(e.sqlstate()), context, e);
        failure.retryable = IsPgRetryable(e.sqlstate());
        return failure;
    } catch (const std::exception& e) {
        return Failure(ErrorCode::kInternal, context, e);
    }
}

Result<SqlRows> PostgresSession::Exec(std::string_view sql, const SqlParams& params) {
    if (const int expected = HighestPlaceholder(sql); expected != static_cast<int>(params.size())) {
        return Fail(ErrorCode::kInternal,
                    "statement expects " + std::to_string(expected) + " parameters, got " +
                        std::to_string(params.size()) + ": " + std::string(sql));
    }
    // Every parameter goes as text and the server infers its type from the statement.
    std::vector<std::string> texts;
    texts.reserve(params.size());
    std::vector<const char*> values;
    for (const SqlValue& param : params) {
        if (const auto* number = std::get_if<int64_t>(&param)) {
            values.push_back(texts.emplace_back(std::to_string(*number)).c_str());
        } else if (const auto* text = std::get_if<std::string>(&param)) {
            values.push_back(texts.emplace_back(*text).c_str());
        } else {
            values.push_back(nullptr);
        }
    }
    try {
        return ConvertRows(
            transaction_.exec_params(std::string(sql), pqxx::prepare::make_dynamic_params(values)));
    } catch (...) {
        return tl::unexpected(Record(CurrentPgFailure(sql)));
    }
}

Status PostgresSession::ExecScript(std::string_view sql) {
    try {
        transaction_.exec(std::string(sql));
        return {};
    } catch (...) {
        return tl::unexpected(Record(CurrentPgFailure("script")));
    }
}

Status PostgresSession::Begin(TxMode mode) {
    if (auto begun = Exec(mode == TxMode::kRead ? "BEGIN READ ONLY" : "BEGIN"); !begun) {
        return tl::unexpected(std::move(begun.error()));
    }
    return {};
}

Status PostgresSession::Commit() {
    // PostgreSQL answers COMMIT of an aborted transaction with a silent ROLLBACK. A transaction
    // can only be aborted if a statement failed, so probe it then.
    if (failed_ && !Exec("SELECT 1")) {
        retryable_ = false;
        return Fail(ErrorCode::kInternal,
                    "transaction rolled back: a statement in it failed and was not rolled back "
                    "to a savepoint");
    }
    try {
        transaction_.exec("COMMIT");
        return {};
    } catch (...) {
        PgFailure failure = CurrentPgFailure("COMMIT");
        if (failure.broken) {
            failure.retryable = false;
            failure.error.message += "; the commit may or may not have happened";
        }
        retryable_ = failure.retryable;
        broken_ = broken_ || failure.broken;
        return tl::unexpected(std::move(failure.error));
    }
}

bool PostgresSession::Rollback() {
    try {
        transaction_.exec("ROLLBACK");
        return true;
    } catch (...) {
        broken_ = true;
        return false;
    }
}

Error PostgresSession::Record(const PgFailure& failure) {
    failed_ = true;
    retryable_ = retryable_ || failure.retryable;
    broken_ = broken_ || failure.broken;
    return failure.error;
}

}  // namespace scs
