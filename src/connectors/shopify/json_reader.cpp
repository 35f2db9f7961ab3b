#include "connectors/shopify/json_reader.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>

#include "core/money.hpp"

namespace scs::shopify {
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

}  // namespace

JsonReader::JsonReader(const json::object& object,
                       std::string path,
                       std::optional<Error>& first_error)
    : object_(&object), path_(std::move(path)), first_error_(&first_error) {}

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
    *first_error_ = Error{
        ErrorCode::kInvalidPayload, "shopify order: " + field + ": " + std::string(why), field, {}};
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
    auto time = ParseRfc3339(*text);
    if (!time) {
        Fail(key, "not an RFC 3339 time: \"" + *text + "\"");
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
    // Boost.JSON keeps integer literals in int64/uint64 exactly; a double here means the text had
    // a fraction or exponent, or the id was already rounded by someone else.
    if (value.is_int64() && value.get_int64() > 0) {
        return std::to_string(value.get_int64());
    }
    if (value.is_uint64()) {
        return std::to_string(value.get_uint64());
    }
    if (value.is_string() && IsDigits(value.get_string())) {
        return std::string(value.get_string());
    }
    Fail(key, "must be a positive integer id");
    return std::nullopt;
}

std::optional<std::string> JsonReader::OptionalId(std::string_view key) {
    const auto* value = Find(key);
    return value == nullptr ? std::nullopt : IdText(key, *value);
}

std::string JsonReader::Id(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr) {
        Fail(key, "missing");
        return {};
    }
    return IdText(key, *value).value_or("");
}

std::optional<std::string> JsonReader::GidText(std::string_view key, const json::value& value) {
    constexpr std::string_view kPrefix = "gid://shopify/";
    std::string_view gid;
    if (value.is_string()) {
        gid = value.get_string();
    }
    const size_t slash = gid.rfind('/');
    const std::string_view tail =
        slash == std::string_view::npos ? "" : gid.substr(slash + 1, gid.find('?') - slash - 1);
    if (gid.substr(0, kPrefix.size()) != kPrefix || !IsDigits(tail)) {
        Fail(key, "must be a gid://shopify/<Type>/<number> id");
        return std::nullopt;
    }
    return std::string(tail);
}

std::optional<std::string> JsonReader::OptionalGid(std::string_view key) {
    const auto* value = Find(key);
    return value == nullptr ? std::nullopt : GidText(key, *value);
}

std::string JsonReader::Gid(std::string_view key) {
    const auto* value = Find(key);
    if (value == nullptr) {
        Fail(key, "missing");
        return {};
    }
    return GidText(key, *value).value_or("");
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

int64_t JsonReader::ShopMoney(std::string_view key,
                              const MoneyBagKeys& keys,
                              std::string_view currency) {
    JsonReader money = Object(key).Object(keys.shop_money);
    const std::string code = money.String(keys.currency_code);
    if (!Failed() && code != currency) {
        money.Fail(keys.currency_code,
                   "is " + code + ", the order's currency is " + std::string(currency));
    }
    return money.Money("amount", currency);
}

JsonReader JsonReader::Object(std::string_view key) {
    auto object = OptionalObject(key);
    if (!object) {
        Fail(key, "missing");
        return {EmptyObject(), PathOf(key), *first_error_};
    }
    return *object;
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
    return JsonReader(value->get_object(), PathOf(key), *first_error_);
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
        const std::string item_path = PathOf(key) + "[" + std::to_string(i) + "]";
        if (!array[i].is_object()) {
            Fail(std::string(key) + "[" + std::to_string(i) + "]", "must be an object");
            return {};
        }
        out.emplace_back(array[i].get_object(), item_path, *first_error_);
    }
    return out;
}

Result<json::object> ParseObject(std::string_view json) {
    boost::system::error_code ec;
    json::value value = json::parse(json, ec);
    if (ec) {
        return Fail(ErrorCode::kInvalidPayload, "shopify order: not JSON: " + ec.message());
    }
    if (!value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "shopify order: the payload is not a JSON object");
    }
    return std::move(value.get_object());
}

}  // namespace scs::shopify
