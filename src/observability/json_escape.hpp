#pragma once

#include <string>
#include <string_view>

// Hand-written JSON string output for log lines and health reports, where Boost.JSON would be
// more machinery than the job needs. Stateless; thread-safe.
namespace scs {

// Appends `text` to `out` as a quoted JSON string: quotes, backslashes and control characters
// are escaped, valid UTF-8 (Arabic included) is kept as is, and each byte of an invalid UTF-8
// sequence becomes U+FFFD, so the output is always valid JSON.
void AppendJsonString(std::string& out, std::string_view text);

// `text` as a quoted JSON string.
std::string JsonString(std::string_view text);

}  // namespace scs
