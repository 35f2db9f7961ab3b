#pragma once

#include <vector>

#include "core/platform.hpp"

namespace scs {

// The platforms the service supports, with their auth kinds, store identities, capabilities
// and the credentials a connection needs (../shared/platforms/). Ids are stable: they are
// stored and returned by the API.
std::vector<PlatformInfo> BuiltinCatalogue();

}  // namespace scs
