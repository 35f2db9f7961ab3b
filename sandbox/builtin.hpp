#pragma once

#include "sandbox/kit/platform_registry.hpp"

// The one table of the platforms the sandbox emulates (STYLE "Platforms"): the only code that
// knows which exist. Adding a platform is one line here.
namespace scs::sandbox {

void RegisterBuiltinPlatforms(PlatformRegistry& registry, const SandboxDeps& deps);

}  // namespace scs::sandbox
