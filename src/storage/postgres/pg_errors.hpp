#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

// How PostgreSQL failures map onto ErrorCode. Pure functions.
namespace scs {

// The ErrorCode for a SQLSTATE: 23505 (unique violation) -> kConflict; lock and statement
// timeouts -> kTimeout; connection, shutdown, resource and serialization failures ->
// kUnavailable; anything else -> kInternal.
ErrorCode PgErrorCode(std::string_view sqlstate);

// True for serialization failures and deadlocks: a fresh attempt at the transaction can succeed.
bool IsPgRetryable(std::string_view sqlstate);

// A libpq message on one line: its trailing newline dropped, DETAIL/HINT lines joined with "; ",
// tabs and runs of spaces collapsed.
std::string PgMessageLine(std::string_view message);

}  // namespace scs
