#include "connectors/woocommerce/woocommerce_json.hpp"

#include <array>
#include <charconv>

#include "core/money.hpp"

namespace scs::woocommerce {
namespace {

namespace json = boost::json;

const json::object& EmptyObject() {
    static const json::object kEmpty;
    return kEmpty;
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

std::optional<TimePoint> ParseGmtTime(std::string_view text) {
    if (auto with_offset = ParseRfc3339(text)) {
        return with_offset;
    }
    return ParseRfc3339(std::string(text) + "Z");
}

std::optional<std::string> IdOf(const json::value& value) {
    // Boost.JSON keeps integer literals in int64/uint64 exactly; a double here means the text had
    // a fraction or exponent, or someone already rounded the id.
    if (value.is_int64() && value.get_int64() > 0) {
        return std::to_string(value.get_int64());
    }
    if (value.is_uint64()) {
        return std::to_string(value.get_uint64());
    }
    return std::nullopt;
}

JsonReader::JsonReader(const json::object& object,
                       std::string path,
                       std::string_view subject,
                       std::optional<Error>& first_error)
    : object_(&object), path_(std::move(path)), subject_(subject), first_error_(&first_error) {}

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
                          std::string(subject_) + ": " + field + ": " + std::string(why),
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

std::optional<std::string> JsonReader::IdText(std::string_view key, const json::value& value) {
    auto id = IdOf(value);
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
    if (value == nullptr || (value->is_int64() && value->get_int64() == 0)) {
        return std::nullopt;
    }
    return IdText(key, *value);
}

std::optional<TimePoint> JsonReader::OptionalGmtTime(std::string_view key) {
    const auto text = OptionalString(key);
    if (!text) {
        return std::nullopt;
    }
    auto time = ParseGmtTime(*text);
    if (!time) {
        Fail(key, "not a time like 2017-03-22T16:28:02: \"" + *text + "\"");
    }
    return time;
}

int64_t JsonReader::Money(std::string_view key, std::string_view currency) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_string()) {
        Fail(key, value == nullptr ? "missing" : "must be a decimal string");
        return 0;
    }
    auto minor = ParseMinorUnits(value->get_string(), currency);
    if (!minor) {
        Fail(key, minor.error().message);
        return 0;
    }
    return *minor;
}

int64_t JsonReader::NumberMoney(std::string_view key, std::string_view currency) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_number()) {
        Fail(key, value == nullptr ? "missing" : "must be a number");
        return 0;
    }
    auto minor = ParseMinorUnits(NumberText(*value), currency);
    if (!minor) {
        Fail(key, minor.error().message);
        return 0;
    }
    return *minor;
}

JsonReader JsonReader::Object(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr || !value->is_object()) {
        Fail(key, value == nullptr ? "missing" : "must be an object");
        return {EmptyObject(), PathOf(key), subject_, *first_error_};
    }
    return {value->get_object(), PathOf(key), subject_, *first_error_};
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
    return JsonReader(value->get_object(), PathOf(key), subject_, *first_error_);
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
        out.emplace_back(array[i].get_object(), PathOf(item), subject_, *first_error_);
    }
    return out;
}

}  // namespace scs::woocommerce
