#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/connection.hpp"
#include "core/result.hpp"

// The JSON text kept in the connections table's marketplaces, credential_fields and settings
// columns. Pure functions.
namespace scs {

// ["a","b"]
std::string EncodeStringList(const std::vector<std::string>& values);

// kInternal unless the text is a JSON array of strings.
[[nodiscard]] Result<std::vector<std::string>> DecodeStringList(std::string_view text);

// {"hub_locations":{..},"status_mapping":{..},"freeze_times":{"orders":"2m"},"safety_stock":0}
// with freeze times as duration strings (FormatDuration).
std::string EncodeSettings(const ConnectionSettings& settings);

// The inverse of EncodeSettings. A missing key keeps its default, so older rows stay readable
// after a setting is added; a value of the wrong type is kInternal.
[[nodiscard]] Result<ConnectionSettings> DecodeSettings(std::string_view text);

}  // namespace scs
