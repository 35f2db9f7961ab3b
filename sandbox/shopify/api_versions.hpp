#pragma once

#include <string>
#include <string_view>

// The Admin API versions the emulator serves. Shopify supports each stable version (YYYY-01/04/
// 07/10) for at least 12 months; a request for an older one falls forward to the oldest
// supported version, and the X-Shopify-API-Version answer header names the version served.
namespace scs::sandbox {

// The oldest stable version the emulator still serves (2025-10 left the window with 2026-10).
inline constexpr std::string_view kOldestSupportedApiVersion = "2026-01";

// The version a request for `requested` is served with: itself, unless it is a dated version
// older than kOldestSupportedApiVersion, which is moved forward to it. "unstable" stays.
std::string ServedApiVersion(std::string_view requested);

}  // namespace scs::sandbox
