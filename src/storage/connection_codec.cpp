#include "storage/connection_codec.hpp"

#include <boost/json.hpp>

#include "core/time.hpp"

namespace scs {
namespace {

namespace json = boost::json;

Result<json::value> Parse(std::string_view text, std::string_view what) {
    boost::system::error_code ec;
    json::value value = json::parse(json::string_view(text.data(), text.size()), ec);
    if (ec) {
        return Fail(ErrorCode::kInternal, "stored " + std::string(what) + " is not JSON");
    }
    return value;
}

json::object EncodeStringMap(const std::map<std::string, std::string>& values) {
    json::object object;
    for (const auto& [key, value] : values) {
        object[key] = value;
    }
    return object;
}

// Reads object[key] as a map of strings; a missing key leaves `out` empty.
Status DecodeStringMap(const json::object& object,
                       std::string_view key,
                       std::map<std::string, std::string>& out) {
    const json::value* member = object.if_contains(json::string_view(key.data(), key.size()));
    if (member == nullptr) {
        return {};
    }
    const json::object* map = member->if_object();
    if (map == nullptr) {
        return Fail(ErrorCode::kInternal,
                    "stored settings." + std::string(key) + " is not an object");
    }
    for (const auto& [name, value] : *map) {
        const json::string* text = value.if_string();
        if (text == nullptr) {
            return Fail(ErrorCode::kInternal,
                        "stored settings." + std::string(key) + " holds a non-string value");
        }
        out[std::string(name)] = std::string(*text);
    }
    return {};
}

Status DecodeFreezeTimes(const json::object& object, ConnectionSettings& settings) {
    std::map<std::string, std::string> texts;
    if (auto status = DecodeStringMap(object, "freeze_times", texts); !status) {
        return status;
    }
    for (const auto& [entity, text] : texts) {
        const auto duration = ParseDuration(text);
        if (!duration) {
            std::string message = "stored freeze time of " + entity;
            message += " is not a duration: " + text;
            return Fail(ErrorCode::kInternal, std::move(message));
        }
        settings.freeze_times[entity] = *duration;
    }
    return {};
}

Status DecodeSafetyStock(const json::object& object, ConnectionSettings& settings) {
    const json::value* member = object.if_contains("safety_stock");
    if (member == nullptr) {
        return {};
    }
    if (const auto* number = member->if_int64()) {
        settings.safety_stock = *number;
        return {};
    }
    if (const auto* unsigned_number = member->if_uint64()) {
        settings.safety_stock = static_cast<int64_t>(*unsigned_number);
        return {};
    }
    return Fail(ErrorCode::kInternal, "stored settings.safety_stock is not an integer");
}

}  // namespace

std::string EncodeStringList(const std::vector<std::string>& values) {
    json::array array;
    for (const auto& value : values) {
        array.emplace_back(json::string(value));
    }
    return json::serialize(array);
}

Result<std::vector<std::string>> DecodeStringList(std::string_view text) {
    auto value = Parse(text, "list");
    if (!value) {
        return tl::unexpected(std::move(value.error()));
    }
    const json::array* array = value->if_array();
    if (array == nullptr) {
        return Fail(ErrorCode::kInternal, "stored list is not a JSON array");
    }
    std::vector<std::string> values;
    for (const json::value& item : *array) {
        const json::string* string = item.if_string();
        if (string == nullptr) {
            return Fail(ErrorCode::kInternal, "stored list holds a non-string item");
        }
        values.emplace_back(*string);
    }
    return values;
}

std::string EncodeSettings(const ConnectionSettings& settings) {
    json::object freeze_times;
    for (const auto& [entity, duration] : settings.freeze_times) {
        freeze_times[entity] = FormatDuration(duration);
    }
    json::object object;
    object["hub_locations"] = EncodeStringMap(settings.hub_locations);
    object["status_mapping"] = EncodeStringMap(settings.status_mapping);
    object["freeze_times"] = std::move(freeze_times);
    object["safety_stock"] = settings.safety_stock;
    return json::serialize(object);
}

Result<ConnectionSettings> DecodeSettings(std::string_view text) {
    auto value = Parse(text, "settings");
    if (!value) {
        return tl::unexpected(std::move(value.error()));
    }
    const json::object* object = value->if_object();
    if (object == nullptr) {
        return Fail(ErrorCode::kInternal, "stored settings is not a JSON object");
    }
    ConnectionSettings settings;
    for (const Status& status :
         {DecodeStringMap(*object, "hub_locations", settings.hub_locations),
          DecodeStringMap(*object, "status_mapping", settings.status_mapping),
          DecodeFreezeTimes(*object, settings),
          DecodeSafetyStock(*object, settings)}) {
        if (!status) {
            return tl::unexpected(status.error());
        }
    }
    return settings;
}

}  // namespace scs
