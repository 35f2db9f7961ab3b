#pragma once

#include "sandbox/kit/sandbox_platform.hpp"

// The WooCommerce emulator as a sandbox platform module (tag "woocommerce"): its sites, their
// REST API and key exchange, and their control hooks. The builtin table (sandbox/builtin.cpp)
// adds it.
namespace scs::sandbox::woocommerce {

SandboxPlatformPtr Module(const SandboxDeps& deps);

}  // namespace scs::sandbox::woocommerce
