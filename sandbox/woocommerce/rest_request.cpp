#include "sandbox/woocommerce/rest_request.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json/array.hpp>

#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

std::optional<int64_t> IntegerOf(const json::value& value) {
    if (value.is_int64()) {
        return value.get_int64();
    }
    if (value.is_uint64() && value.get_uint64() <= INT64_MAX) {
        return static_cast<int64_t>(value.get_uint64());
    }
    if (value.is_double() &&
        value.get_double() == static_cast<double>(static_cast<int64_t>(value.get_double()))) {
        return static_cast<int64_t>(value.get_double());
    }
    if (!value.is_string() || value.get_string().empty()) {
        return std::nullopt;
    }
    const std::string_view text = value.get_string();
    int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return number;
}

std::string RangeMessage(const std::string& name, int64_t low, int64_t high) {
    if (high == INT64_MAX) {
        return name + " must be greater than or equal to " + std::to_string(low);
    }
    return name + " must be between " + std::to_string(low) + " (inclusive) and " +
           std::to_string(high) + " (inclusive)";
}

bool IsListSpace(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// wp_parse_list: the items of "a, b,,c" split on commas and white space, empty ones dropped.
std::vector<json::value> ParseWpList(std::string_view text) {
    std::vector<json::value> items;
    while (!text.empty()) {
        const auto* end = std::find_if(text.begin(), text.end(), IsListSpace);
        const auto length = static_cast<size_t>(end - text.begin());
        if (length > 0) {
            items.emplace_back(text.substr(0, length));
        }
        text.remove_prefix(std::min(length + 1, text.size()));
    }
    return items;
}

// The items of an array parameter as rest_is_array and rest_sanitize_array read it: a list
// (a JSON array, or a PHP array with integer keys), or a scalar through wp_parse_list;
// nullopt for anything else (a JSON object, a PHP array with named keys).
std::optional<std::vector<json::value>> ListItems(const json::value& value) {
    if (value.is_array()) {
        return std::vector<json::value>(value.get_array().begin(), value.get_array().end());
    }
    if (value.is_object() || value.is_null()) {
        return std::nullopt;
    }
    if (!value.is_string()) {
        return std::vector<json::value>{value};
    }
    return ParseWpList(value.get_string());
}

// PHP turns an array key that is a canonical decimal integer ("0", "12", "-3") into an int;
// any other key stays a string, and an array with a string key is not a list.
bool IsPhpIntegerKey(std::string_view key) {
    if (!key.empty() && key.front() == '-') {
        key.remove_prefix(1);
    }
    if (key.empty() || key.size() > 18 || (key.size() > 1 && key.front() == '0')) {
        return false;
    }
    return std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A PHP array parameter as JSON: a list when every key is an integer (in arrival order, as
// array_values keeps it), else an object of its keys.
json::value PhpArrayValue(const PhpValue& value) {
    const bool is_list =
        std::all_of(value.entries.begin(), value.entries.end(), [](const auto& entry) {
            return IsPhpIntegerKey(entry.first);
        });
    if (!is_list) {
        json::object named;
        for (const auto& entry : value.entries) {
            named[entry.first] = entry.second;
        }
        return named;
    }
    json::array items;
    for (const auto& entry : value.entries) {
        items.emplace_back(entry.second);
    }
    return items;
}

// rest_validate_array_value_from_schema's "<name> is not of type array.".
void AddNotArray(const std::string& name, ParamErrors& errors) {
    errors.Add(name, name + " is not of type array.", "rest_invalid_type");
}

}  // namespace

std::optional<json::value> RestRequest::Param(std::string_view name) const {
    if (const auto* found = body.if_contains(name); found != nullptr) {
        return *found;
    }
    const auto found = query.find(std::string(name));
    if (found == query.end()) {
        return std::nullopt;
    }
    if (!found->second.is_array) {
        return json::value(found->second.scalar);
    }
    return PhpArrayValue(found->second);
}

int64_t RestRequest::PathId(const std::string& name) const {
    const auto found = path.find(name);
    if (found == path.end()) {
        return 0;
    }
    return IntegerOf(json::value(found->second)).value_or(0);
}

std::optional<int64_t> ReadInt(const RestRequest& request,
                               const std::string& name,
                               int64_t fallback,
                               int64_t low,
                               int64_t high,
                               ParamErrors& errors) {
    const auto param = request.Param(name);
    if (!param) {
        return fallback;
    }
    const auto number = IntegerOf(*param);
    if (!number) {
        errors.Add(name, name + " is not of type integer.", "rest_invalid_type");
        return std::nullopt;
    }
    if (*number < low || *number > high) {
        errors.Add(name, RangeMessage(name, low, high), "rest_out_of_bounds");
        return std::nullopt;
    }
    return number;
}

bool ReadBool(const RestRequest& request,
              const std::string& name,
              bool fallback,
              ParamErrors& errors) {
    const auto param = request.Param(name);
    if (!param) {
        return fallback;
    }
    if (param->is_bool()) {
        return param->get_bool();
    }
    if (param->is_int64() && (param->get_int64() == 0 || param->get_int64() == 1)) {
        return param->get_int64() == 1;
    }
    if (param->is_string()) {
        const std::string_view text = param->get_string();
        if (text == "true" || text == "1") {
            return true;
        }
        if (text == "false" || text == "0" || text.empty()) {
            return false;
        }
    }
    errors.Add(name, name + " is not of type boolean.", "rest_invalid_type");
    return fallback;
}

std::string ReadEnum(const RestRequest& request,
                     const std::string& name,
                     const std::vector<std::string>& allowed,
                     const std::string& fallback,
                     ParamErrors& errors) {
    const auto param = request.Param(name);
    if (!param) {
        return fallback;
    }
    if (!param->is_string()) {
        errors.Add(name, name + " is not of type string.", "rest_invalid_type");
        return fallback;
    }
    std::string value(param->get_string());
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        errors.Add(name, name + " is not one of " + WpList(allowed) + ".", "rest_not_in_enum");
        return fallback;
    }
    return value;
}

std::string ReadString(const RestRequest& request,
                       const std::string& name,
                       const std::string& fallback,
                       ParamErrors& errors) {
    const auto param = request.Param(name);
    if (!param) {
        return fallback;
    }
    if (!param->is_string()) {
        errors.Add(name, name + " is not of type string.", "rest_invalid_type");
        return fallback;
    }
    return std::string(param->get_string());
}

std::vector<int64_t> ReadIdList(const RestRequest& request,
                                const std::string& name,
                                ParamErrors& errors) {
    std::vector<int64_t> ids;
    const auto param = request.Param(name);
    if (!param) {
        return ids;
    }
    const auto list = ListItems(*param);
    if (!list) {
        AddNotArray(name, errors);
        return ids;
    }
    const auto& items = *list;
    for (size_t i = 0; i < items.size(); ++i) {
        const auto id = IntegerOf(items[i]);
        if (!id) {
            const std::string item = name + "[" + std::to_string(i) + "]";
            errors.Add(name, item + " is not of type integer.", "rest_invalid_type");
            return {};
        }
        ids.push_back(*id);
    }
    return ids;
}

std::vector<std::string> ReadStringList(const RestRequest& request,
                                        const std::string& name,
                                        const std::vector<std::string>& allowed,
                                        ParamErrors& errors) {
    std::vector<std::string> values;
    const auto param = request.Param(name);
    if (!param) {
        return values;
    }
    const auto list = ListItems(*param);
    if (!list) {
        AddNotArray(name, errors);
        return values;
    }
    const auto& items = *list;
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string item = name + "[" + std::to_string(i) + "]";
        if (!items[i].is_string()) {
            errors.Add(name, item + " is not of type string.", "rest_invalid_type");
            return {};
        }
        std::string value(items[i].get_string());
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
            errors.Add(name, item + " is not one of " + WpList(allowed) + ".", "rest_not_in_enum");
            return {};
        }
        values.push_back(std::move(value));
    }
    return values;
}

std::optional<TimePoint> ReadDate(const RestRequest& request,
                                  const std::string& name,
                                  int offset_minutes,
                                  ParamErrors& errors) {
    const auto param = request.Param(name);
    if (!param) {
        return std::nullopt;
    }
    std::optional<TimePoint> date;
    if (param->is_string()) {
        date = ParseWpDate(param->get_string(), offset_minutes);
    }
    if (!date) {
        errors.Add(name, "Invalid date.", "rest_invalid_date");
    }
    return date;
}

std::string WpList(const std::vector<std::string>& items) {
    if (items.size() <= 2) {
        return items.empty() ? "" : items.size() == 1 ? items[0] : items[0] + " and " + items[1];
    }
    std::string text;
    for (size_t i = 0; i < items.size(); ++i) {
        text += i + 1 == items.size() ? "and " + items[i] : items[i] + ", ";
    }
    return text;
}

}  // namespace scs::sandbox::woocommerce
