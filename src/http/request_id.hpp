#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scs {

// Request ids tie a response, its log lines and its metrics together. The server takes the
// client's X-Request-Id when it is safe to log and echo, and otherwise makes a fresh one.
// All functions are stateless and thread-safe.

// True for 1-128 characters of [A-Za-z0-9._:-].
bool IsValidRequestId(std::string_view id);

// A random UUID (version 4) in its 36-character text form, from the OS entropy source.
std::string NewRequestId();

// The header value when IsValidRequestId accepts it, else NewRequestId().
std::string ResolveRequestId(std::optional<std::string_view> header_value);

}  // namespace scs
