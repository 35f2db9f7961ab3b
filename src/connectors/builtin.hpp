#pragma once

#include <map>
#include <string>

#include "connectors/connector_registry.hpp"

namespace scs {

// The one explicit table of built platform modules, called from the composition root with each
// platform's settings (base URL, API version and app settings from config).
void RegisterBuiltinPlatforms(ConnectorRegistry& registry,
                              const std::map<std::string, ConnectorDeps>& platform_deps);

}  // namespace scs
