#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/result.hpp"

// Readers of the control API's JSON bodies (store specs, knobs): each reads one optional field
// into `out`, leaves `out` alone when the field is absent or null, and fails with kBadRequest
// naming the field otherwise. Pure, thread-safe.
namespace scs::sandbox {

// A request body that must be a JSON object; an empty body reads as {}.
[[nodiscard]] Result<boost::json::object> ParseBodyObject(std::string_view body);

// Any JSON number as a double; nullopt for anything else.
std::optional<double> NumberOf(const boost::json::value& value);

[[nodiscard]] Status ReadText(const boost::json::object& body,
                              std::string_view key,
                              std::string& out);
[[nodiscard]] Status ReadFlag(const boost::json::object& body, std::string_view key, bool& out);

// A number in [low, high], stored as `Number` (cut towards zero for integers).
[[nodiscard]] Status CheckNumber(
    const boost::json::object& body, std::string_view key, double low, double high, double& out);

template <class Number>
[[nodiscard]] Status ReadNumber(
    const boost::json::object& body, std::string_view key, double low, double high, Number& out) {
    auto number = static_cast<double>(out);
    if (auto read = CheckNumber(body, key, low, high, number); !read) {
        return read;
    }
    out = static_cast<Number>(number);
    return {};
}

// The first failure of several reads, or success.
[[nodiscard]] Status FirstFailure(std::initializer_list<Status> statuses);

}  // namespace scs::sandbox
