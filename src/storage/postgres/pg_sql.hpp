#pragma once

#include <string_view>

namespace scs {

// The highest `$N` placeholder in a statement (0 when none), ignoring quoted literals,
// identifiers and comments. libpqxx reports a parameter-count mismatch as a broken connection,
// so the session checks the count itself first. Pure.
int HighestPlaceholder(std::string_view sql);

}  // namespace scs
