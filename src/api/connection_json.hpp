#pragma once

#include <boost/json/object.hpp>

#include "core/connection.hpp"
#include "core/platform.hpp"
#include "core/result.hpp"

namespace scs {

// The API view of a connection. Never includes credential values: only which are set.
// `platform_enabled` false: its platform is switched off on this service (features.<tag>), so
// nothing syncs or pushes for it; the response says so as sales_channel_enabled.
boost::json::object ConnectionToJson(const Connection& connection,
                                     const PlatformInfo* platform,
                                     bool platform_enabled = true);

boost::json::object SettingsToJson(const ConnectionSettings& settings);

// Applies a "settings" object from a request onto `base`: each section present replaces that
// section. Errors name the field, e.g. "settings.status_mapping.paid".
[[nodiscard]] Result<ConnectionSettings> ApplySettingsPatch(const boost::json::object& patch,
                                                            ConnectionSettings base);

}  // namespace scs
