#include "api/json_body.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>

namespace scs {
namespace {

std::string Join(const std::string& prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

}  // namespace

Result<boost::json::object> ParseJsonObject(std::string_view body) {
    boost::system::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec) {
        return Fail(ErrorCode::kInvalidPayload, "request body is not valid JSON: " + ec.message());
    }
    if (!value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "request body must be a JSON object");
    }
    return std::move(value.as_object());
}

Result<std::optional<std::string>> OptionalString(const boost::json::object& object,
                                                  std::string_view key,
                                                  const std::string& path) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return std::optional<std::string>{};
    }
    if (!value->is_string()) {
        return FailField(path, path + ": must be a string");
    }
    return std::optional<std::string>(std::string(value->as_string()));
}

Result<std::optional<int64_t>> OptionalInteger(const boost::json::object& object,
                                               std::string_view key,
                                               const std::string& path) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return std::optional<int64_t>{};
    }
    if (value->is_int64()) {
        return std::optional<int64_t>(value->as_int64());
    }
    if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
        return std::optional<int64_t>(static_cast<int64_t>(value->as_uint64()));
    }
    return FailField(path, path + ": must be an integer");
}

Result<std::optional<std::vector<std::string>>> OptionalStringList(
    const boost::json::object& object, std::string_view key, const std::string& path) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return std::optional<std::vector<std::string>>{};
    }
    if (!value->is_array()) {
        return FailField(path, path + ": must be an array of strings");
    }
    std::vector<std::string> out;
    for (const auto& item : value->as_array()) {
        if (!item.is_string()) {
            return FailField(path, path + ": must be an array of strings");
        }
        out.emplace_back(item.as_string());
    }
    return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::optional<std::map<std::string, std::string>>> OptionalStringMap(
    const boost::json::object& object, std::string_view key, const std::string& path) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return std::optional<std::map<std::string, std::string>>{};
    }
    if (!value->is_object()) {
        return FailField(path, path + ": must be an object of strings");
    }
    std::map<std::string, std::string> out;
    for (const auto& item : value->as_object()) {
        if (!item.value().is_string()) {
            const std::string item_path = Join(path, item.key());
            return FailField(item_path, item_path + ": must be a string");
        }
        out.emplace(std::string(item.key()), std::string(item.value().as_string()));
    }
    return std::optional<std::map<std::string, std::string>>(std::move(out));
}

Status RejectUnknownKeys(const boost::json::object& object,
                         const std::vector<std::string_view>& allowed,
                         const std::string& path_prefix) {
    for (const auto& item : object) {
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
            const std::string path = Join(path_prefix, item.key());
            return FailField(path, path + ": unknown field");
        }
    }
    return {};
}

}  // namespace scs
