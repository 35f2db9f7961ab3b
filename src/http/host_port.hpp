#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/result.hpp"

namespace scs {

// Parses a listen address "host:port" (port 0-65535, host non-empty; "[::1]:80" allowed, the
// brackets dropped), as the service's http.addr and the sandbox's --addr take it.
[[nodiscard]] Result<std::pair<std::string, uint16_t>> ParseHostPort(const std::string& text);

}  // namespace scs
