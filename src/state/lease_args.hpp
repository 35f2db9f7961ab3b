#pragma once

#include <chrono>
#include <string_view>

#include "core/result.hpp"

namespace scs {

// Checks the arguments every StateStore lease and lock call shares: a non-empty key and owner
// and, where a TTL is given, a positive one. kBadRequest naming the argument.
[[nodiscard]] Status CheckLeaseArgs(std::string_view key, std::string_view owner);

[[nodiscard]] Status CheckLeaseArgs(std::string_view key,
                                    std::string_view owner,
                                    std::chrono::milliseconds ttl);

}  // namespace scs
