#include "api/connection_json.hpp"

#include <array>
#include <set>

#include <boost/json/array.hpp>

#include "api/json_body.hpp"
#include "core/time.hpp"

namespace scs {
namespace {

constexpr std::array<std::string_view, 9> kCanonicalStatuses{"pending",
                                                             "confirmed",
                                                             "on_hold",
                                                             "shipped",
                                                             "partially_shipped",
                                                             "delivered",
                                                             "cancelled",
                                                             "returned",
                                                             "closed"};

bool IsCanonicalStatus(const std::string& status) {
    for (const auto& s : kCanonicalStatuses) {
        if (s == status) {
            return true;
        }
    }
    return false;
}

Status ApplyHubLocations(const boost::json::object& patch, ConnectionSettings& settings) {
    auto hubs = OptionalStringMap(patch, "hub_locations", "settings.hub_locations");
    if (!hubs) {
        return tl::unexpected(hubs.error());
    }
    if (!*hubs) {
        return {};
    }
    for (const auto& [hub, location] : **hubs) {
        const std::string path = "settings.hub_locations." + hub;
        if (hub.empty() || location.empty()) {
            return FailField(path, path + ": hub code and location id must not be empty");
        }
    }
    settings.hub_locations = std::move(**hubs);
    return {};
}

Status ApplyStatusMapping(const boost::json::object& patch, ConnectionSettings& settings) {
    auto mapping = OptionalStringMap(patch, "status_mapping", "settings.status_mapping");
    if (!mapping) {
        return tl::unexpected(mapping.error());
    }
    if (!*mapping) {
        return {};
    }
    for (const auto& [external, canonical] : **mapping) {
        if (!IsCanonicalStatus(canonical)) {
            const std::string path = "settings.status_mapping." + external;
            std::string message = path;
            message += ": '";
            message += canonical;
            message +=
                "' is not a canonical order status (pending, confirmed, on_hold, shipped, "
                "partially_shipped, delivered, cancelled, returned, closed)";
            return FailField(path, std::move(message));
        }
    }
    settings.status_mapping = std::move(**mapping);
    return {};
}

// A freeze time pauses an entity's syncs; longer than this is a mistake, not a setting.
constexpr std::chrono::milliseconds kMaxFreezeTime = std::chrono::days(30);

Status ApplyFreezeTimes(const boost::json::object& patch, ConnectionSettings& settings) {
    auto freeze = OptionalStringMap(patch, "freeze_times", "settings.freeze_times");
    if (!freeze) {
        return tl::unexpected(freeze.error());
    }
    if (!*freeze) {
        return {};
    }
    static const std::set<std::string> kEntities{"orders", "products", "inventory", "returns"};
    std::map<std::string, std::chrono::milliseconds> parsed;
    for (const auto& [entity, text] : **freeze) {
        const std::string path = "settings.freeze_times." + entity;
        if (kEntities.count(entity) == 0) {
            return FailField(path,
                             path + ": unknown sync entity (orders, products, inventory, returns)");
        }
        const auto duration = ParseDuration(text);
        if (!duration) {
            return FailField(path, path + ": expected a duration like 30s, 2m or 1h");
        }
        if (*duration > kMaxFreezeTime) {
            return FailField(path, path + ": at most 30d");
        }
        parsed[entity] = *duration;
    }
    settings.freeze_times = std::move(parsed);
    return {};
}

Status ApplySafetyStock(const boost::json::object& patch, ConnectionSettings& settings) {
    auto stock = OptionalInteger(patch, "safety_stock", "settings.safety_stock");
    if (!stock) {
        return tl::unexpected(stock.error());
    }
    if (*stock) {
        if (**stock < 0 || **stock > 1000000) {
            return FailField("settings.safety_stock",
                             "settings.safety_stock: must be 0 to 1000000");
        }
        settings.safety_stock = **stock;
    }
    return {};
}

boost::json::object StringMapToJson(const std::map<std::string, std::string>& map) {
    boost::json::object out;
    for (const auto& [key, value] : map) {
        out[key] = value;
    }
    return out;
}

boost::json::array StringsToJson(const std::vector<std::string>& items) {
    boost::json::array out;
    for (const auto& item : items) {
        out.emplace_back(item);
    }
    return out;
}

}  // namespace

boost::json::object SettingsToJson(const ConnectionSettings& settings) {
    boost::json::object freeze;
    for (const auto& [entity, duration] : settings.freeze_times) {
        freeze[entity] = FormatDuration(duration);
    }
    return {{"hub_locations", StringMapToJson(settings.hub_locations)},
            {"status_mapping", StringMapToJson(settings.status_mapping)},
            {"freeze_times", std::move(freeze)},
            {"safety_stock", settings.safety_stock}};
}

boost::json::object ConnectionToJson(const Connection& connection,
                                     const PlatformInfo* platform,
                                     bool platform_enabled) {
    return {{"id", connection.id},
            {"seller_id", connection.seller_id},
            {"sales_channel", connection.platform},
            {"sales_channel_id", platform != nullptr ? platform->id : 0},
            {"name", connection.name},
            {"store_id", connection.store_id},
            {"marketplaces", StringsToJson(connection.marketplaces)},
            {"status", ConnectionStatusName(connection.status)},
            {"sales_channel_enabled", platform_enabled},
            {"settings", SettingsToJson(connection.settings)},
            {"credentials_set", StringsToJson(connection.credential_fields)},
            {"created_at", FormatRfc3339(connection.created_at)},
            {"updated_at", FormatRfc3339(connection.updated_at)}};
}

Result<ConnectionSettings> ApplySettingsPatch(const boost::json::object& patch,
                                              ConnectionSettings base) {
    auto known = RejectUnknownKeys(
        patch, {"hub_locations", "status_mapping", "freeze_times", "safety_stock"}, "settings");
    if (!known) {
        return tl::unexpected(known.error());
    }
    for (const auto& apply :
         {ApplyHubLocations, ApplyStatusMapping, ApplyFreezeTimes, ApplySafetyStock}) {
        if (auto status = apply(patch, base); !status) {
            return tl::unexpected(status.error());
        }
    }
    return base;
}

}  // namespace scs
