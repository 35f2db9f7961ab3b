#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/result.hpp"

namespace scs {

// Parses a request body that must be a JSON object. INVALID_PAYLOAD otherwise.
[[nodiscard]] Result<boost::json::object> ParseJsonObject(std::string_view body);

// Typed reads of optional fields; a present field of the wrong type is a BAD_REQUEST that names
// the field (its full path, e.g. "settings.safety_stock").
[[nodiscard]] Result<std::optional<std::string>> OptionalString(const boost::json::object& object,
                                                                std::string_view key,
                                                                const std::string& path);
[[nodiscard]] Result<std::optional<int64_t>> OptionalInteger(const boost::json::object& object,
                                                             std::string_view key,
                                                             const std::string& path);
[[nodiscard]] Result<std::optional<std::vector<std::string>>> OptionalStringList(
    const boost::json::object& object, std::string_view key, const std::string& path);
[[nodiscard]] Result<std::optional<std::map<std::string, std::string>>> OptionalStringMap(
    const boost::json::object& object, std::string_view key, const std::string& path);

// Fails naming the first key of `object` that is not in `allowed`.
[[nodiscard]] Status RejectUnknownKeys(const boost::json::object& object,
                                       const std::vector<std::string_view>& allowed,
                                       const std::string& path_prefix);

}  // namespace scs
