#include "connectors/kit/json_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <boost/json/parse.hpp>

#include "core/money.hpp"

namespace scs::kit {
namespace {

namespace json = boost::json;

const json::object& EmptyObject() {
    static const json::object kEmpty;
    return kEmpty;
}

bool IsDigits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The decimal text of a JSON number as written: integers exactly, doubles as their shortest
// round-trip fixed-point form (12.5 -> "12.5", 19.99 -> "19.99").
std::string NumberText(const json::value& value) {
    if (value.is_int64()) {
        return std::to_string(value.get_int64());
    }
    if (value.is_uint64()) {
        return std::to_string(value.get_uint64());
    }
    std::array<char, 400> buffer{};
    const auto [end, error] = std::to_chars(
        buffer.data(), buffer.data() + buffer.size(), value.get_double(), std::chars_format::fixed);
    return error == std::errc() ? std::string(buffer.data(), end) : std::string();
}

}  // namespace

std::optional<std::string> IdOf(const json::value& value, bool digit_strings) {
    // Boost.JSON keeps integer literals in int64/uint64 exactly; a double here means the text had
    // a fraction or exponent, or someone already rounded the id.
    if (value.is_int64() && value.get_int64() > 0) {
        return std::to_string(value.get_int64());
    }
    if (value.is_uint64()) {
        return std::to_string(value.get_uint64());
    }
    if (digit_strings && value.is_string() && IsDigits(value.get_string())) {
        return std::string(value.get_string());
    }
    return std::nullopt;
}

Result<json::object> ParseObject(std::string_view json, std::string_view subject) {
    boost::system::error_code ec;
    json::value value = json::parse(json, ec);
    if (ec) {
        return Fail(ErrorCode::kInvalidPayload,
                    std::string(subject) + ": not JSON: " + ec.message());
    }
    if (!value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload,
                    std::string(subject) + ": the payload is not a JSON object");
    }
    return std::move(value.get_object());
}

JsonReader::JsonReader(const json::object& object,
                       std::string path,
                       const JsonDialect& dialect,
                       std::optional<Error>& first_error)
    : object_(&object), path_(std::move(path)), dialect_(&dialect), first_error_(&first_error) {}

const json::value* JsonReader::Find(std::string_view key) const {
    const auto* value = object_->if_contains(key);
    return value == nullptr || value->is_null() ? nullptr : value;
}

bool JsonReader::Has(std::string_view key) const {
    return Find(key) != nullptr;
}

std::string JsonReader::PathOf(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void JsonReader::Fail(std::string_view key, std::string_view why) {
    if (Failed()) {
        return;
    }
    const std::string field = PathOf(key);
    *first_error_ = Error{ErrorCode::kInvalidPayload,
                          std::string(dialect_->subject) + ": " + field + ": " + std::string(why),
                          field,
                          {}};
}

std::optional<std::string> JsonReader::OptionalString(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        Fail(key, "must be a string");
        return std::nullopt;
    }
    const auto& text = value->get_string();
    return text.empty() ? std::nullopt : std::optional<std::string>(std::string(text));
}

std::string JsonReader::String(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_string()) {
        Fail(key, value == nullptr ? "missing" : "must be a string");
        return {};
    }
    return std::string(value->get_string());
}

std::vector<std::string> JsonReader::StringArray(std::string_view key) {
    std::vector<std::string> out;
    const auto* value = Find(key);
    if (value == nullptr) {
        return out;
    }
    if (!value->is_array()) {
        Fail(key, "must be an array of strings");
        return out;
    }
    for (const auto& item : value->get_array()) {
        if (!item.is_string()) {
            Fail(key, "must be an array of strings");
            return {};
        }
        out.emplace_back(item.get_string());
    }
    return out;
}

int64_t JsonReader::Integer(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_int64()) {
        Fail(key, value == nullptr ? "missing" : "must be an integer");
        return 0;
    }
    return value->get_int64();
}

std::optional<bool> JsonReader::OptionalBool(std::string_view key) {
    const auto* value = Find(key);
    if (value != nullptr && !value->is_bool()) {
        Fail(key, "must be true or false");
    }
    return value != nullptr && value->is_bool() ? std::optional<bool>(value->get_bool())
                                                : std::nullopt;
}

std::optional<double> JsonReader::OptionalNumber(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number()) {
        Fail(key, "must be a number");
        return std::nullopt;
    }
    return value->to_number<double>();
}

std::optional<TimePoint> JsonReader::OptionalTime(std::string_view key) {
    const auto text = OptionalString(key);
    if (!text) {
        return std::nullopt;
    }
    auto time = dialect_->parse_time(*text);
    if (!time) {
        Fail(key, "not " + std::string(dialect_->time_form) + ": \"" + *text + "\"");
    }
    return time;
}

TimePoint JsonReader::Time(std::string_view key) {
    if (!Has(key)) {
        Fail(key, "missing");
        return {};
    }
    return OptionalTime(key).value_or(TimePoint{});
}

std::optional<std::string> JsonReader::IdText(std::string_view key, const json::value& value) {
    auto id = IdOf(value, dialect_->digit_string_ids);
    if (!id) {
        Fail(key, "must be a positive integer id");
    }
    return id;
}

std::string JsonReader::Id(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr) {
        Fail(key, "missing");
        return {};
    }
    return IdText(key, *value).value_or("");
}

std::optional<std::string> JsonReader::OptionalId(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr ||
        (dialect_->zero_id_is_none && value->is_int64() && value->get_int64() == 0)) {
        return std::nullopt;
    }
    return IdText(key, *value);
}

int64_t JsonReader::MinorUnits(std::string_view key,
                               std::string_view amount,
                               std::string_view currency) {
    auto minor = ParseMinorUnits(amount, currency);
    if (!minor) {
        Fail(key, minor.error().message);
        return 0;
    }
    return *minor;
}

int64_t JsonReader::Money(std::string_view key, std::string_view currency) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_string()) {
        Fail(key, value == nullptr ? "missing" : "must be a decimal string");
        return 0;
    }
    return MinorUnits(key, value->get_string(), currency);
}

int64_t JsonReader::NumberMoney(std::string_view key, std::string_view currency) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_number()) {
        Fail(key, value == nullptr ? "missing" : "must be a number");
        return 0;
    }
    return MinorUnits(key, NumberText(*value), currency);
}

JsonReader JsonReader::Object(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_object()) {
        Fail(key, value == nullptr ? "missing" : "must be an object");
        return {EmptyObject(), PathOf(key), *dialect_, *first_error_};
    }
    return {value->get_object(), PathOf(key), *dialect_, *first_error_};
}

std::optional<JsonReader> JsonReader::OptionalObject(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_object()) {
        Fail(key, "must be an object");
        return std::nullopt;
    }
    return JsonReader(value->get_object(), PathOf(key), *dialect_, *first_error_);
}

std::vector<JsonReader> JsonReader::Objects(std::string_view key) {
    std::vector<JsonReader> out;
    const auto* value = Find(key);
    if (value == nullptr) {
        return out;
    }
    if (!value->is_array()) {
        Fail(key, "must be an array");
        return out;
    }
    const auto& array = value->get_array();
    for (size_t i = 0; i < array.size(); ++i) {
        const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
        if (!array[i].is_object()) {
            Fail(item, "must be an object");
            return {};
        }
        out.emplace_back(array[i].get_object(), PathOf(item), *dialect_, *first_error_);
    }
    return out;
}

}  // namespace scs::kit
