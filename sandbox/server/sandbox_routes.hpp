#pragma once

#include "http/router.hpp"
#include "sandbox/kit/platform_registry.hpp"

// The /_sandbox control API tests and demos drive, the same for every platform: it finds a
// platform by the spec's "platform" tag or by the store id and asks it through SandboxPlatform,
// naming none. Handlers keep no state of their own; the registry must outlive the router.
namespace scs::sandbox {

// The uniform routes (create, list, describe, add orders, knobs) and every platform's own
// per-store routes; a store answers only the routes its platform serves.
void AddControlRoutes(Router& router, const PlatformRegistry& platforms);

}  // namespace scs::sandbox
