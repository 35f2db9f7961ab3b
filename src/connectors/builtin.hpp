#pragma once

#include <map>
#include <string>

#include "connectors/connector_registry.hpp"

namespace scs {

// The one explicit table of built connectors, called from the composition root with each
// platform's settings (base URL and API version from config).
void RegisterBuiltinConnectors(ConnectorRegistry& registry,
                               const std::map<std::string, ConnectorDeps>& platform_deps);

}  // namespace scs
