#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// application/x-www-form-urlencoded query strings and form bodies, the one decoder every
// platform's callbacks and signatures use. Pure; thread-safe.
namespace scs {

// Name/value pairs in their order, repeats kept.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Percent-decodes `text` with '+' as a space; a '%' not followed by two hex digits stays as it is.
std::string FormDecode(std::string_view text);

// Splits "a=1&b=x+y&flag" into decoded pairs ({"flag", ""} for a name without '='); empty
// pairs ("a=1&&b=2") are skipped.
QueryParams DecodeQueryString(std::string_view query);

// The value of the first parameter named `name`; nullopt when there is none.
std::optional<std::string> FindParam(const QueryParams& params, std::string_view name);

}  // namespace scs
