#pragma once

#include "connectors/connector.hpp"
#include "core/result.hpp"

namespace scs::kit {

// A connector whose settings did not parse: every call answers `error` (the first bad setting,
// from ConnectorSettings::Check) without touching the platform, so the mistake surfaces on the
// first job and in /health checks rather than as a silently used default. Thread-safe.
[[nodiscard]] ConnectorPtr MakeMisconfiguredConnector(Error error);

}  // namespace scs::kit
