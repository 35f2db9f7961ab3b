#include "storage/postgres/pg_errors.hpp"

namespace scs {

ErrorCode PgErrorCode(std::string_view sqlstate) {
    if (sqlstate == "23505") {
        return ErrorCode::kConflict;
    }
    // 08P01 (protocol violation) is a malformed request from us, e.g. a wrong parameter count.
    if (sqlstate == "08P01") {
        return ErrorCode::kInternal;
    }
    // 57014: canceled by statement_timeout; 55P03: lock_timeout expired.
    if (sqlstate == "57014" || sqlstate == "55P03") {
        return ErrorCode::kTimeout;
    }
    // 08: connection exceptions; 53: insufficient resources (e.g. too many connections);
    // 57P: server shutting down or restarting.
    if (sqlstate.starts_with("08") || sqlstate.starts_with("53") || sqlstate.starts_with("57P") ||
        IsPgRetryable(sqlstate)) {
        return ErrorCode::kUnavailable;
    }
    return ErrorCode::kInternal;
}

bool IsPgRetryable(std::string_view sqlstate) {
    return sqlstate == "40001" || sqlstate == "40P01";
}

std::string PgMessageLine(std::string_view message) {
    std::string line;
    for (const char c : message) {
        if (c == '\n') {
            line += "; ";
        } else if (c == '\t' || c == ' ') {
            if (!line.empty() && line.back() != ' ') {
                line.push_back(' ');
            }
        } else {
            line.push_back(c);
        }
    }
    while (line.ends_with(' ') || line.ends_with(';')) {
        line.pop_back();
    }
    return line;
}

}  // namespace scs
