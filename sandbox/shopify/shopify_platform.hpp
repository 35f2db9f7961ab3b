#pragma once

#include "sandbox/kit/sandbox_platform.hpp"

// The Shopify emulator as a sandbox platform module (tag "shopify"): its stores, its Admin API
// routes and its control hooks. The builtin table (sandbox/builtin.cpp) adds it.
namespace scs::sandbox {

SandboxPlatformPtr ShopifyModule(const SandboxDeps& deps);

}  // namespace scs::sandbox
