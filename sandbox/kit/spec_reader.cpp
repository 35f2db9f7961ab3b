#include "sandbox/kit/spec_reader.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>

namespace scs::sandbox {

namespace json = boost::json;

Result<json::object> ParseBodyObject(std::string_view body) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return json::object{};
    }
    boost::system::error_code error;
    json::value value = json::parse(body, error);
    if (error || !value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "the body must be a JSON object");
    }
    return std::move(value.get_object());
}

std::optional<double> NumberOf(const json::value& value) {
    if (value.is_int64()) {
        return static_cast<double>(value.get_int64());
    }
    if (value.is_uint64()) {
        return static_cast<double>(value.get_uint64());
    }
    if (value.is_double()) {
        return value.get_double();
    }
    return std::nullopt;
}

Status ReadText(const json::object& body, std::string_view key, std::string& out) {
    const auto* value = body.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return {};
    }
    if (!value->is_string()) {
        return FailField(std::string(key), "must be a string");
    }
    out = value->get_string();
    return {};
}

Status ReadFlag(const json::object& body, std::string_view key, bool& out) {
    const auto* value = body.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return {};
    }
    if (!value->is_bool()) {
        return FailField(std::string(key), "must be true or false");
    }
    out = value->get_bool();
    return {};
}

Status CheckNumber(
    const json::object& body, std::string_view key, double low, double high, double& out) {
    const auto* value = body.if_contains(key);
    if (value == nullptr || value->is_null()) {
        return {};
    }
    const auto number = NumberOf(*value);
    if (!number || *number < low || *number > high) {
        // fmt's shortest form: "[0, 1]", "[0.001, 1000000]".
        return FailField(std::string(key), fmt::format("must be a number in [{}, {}]", low, high));
    }
    out = *number;
    return {};
}

Status FirstFailure(std::initializer_list<Status> statuses) {
    for (const auto& status : statuses) {
        if (!status) {
            return status;
        }
    }
    return {};
}

}  // namespace scs::sandbox
