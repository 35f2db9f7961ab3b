#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace scs {

// Reads a Retry-After header given in seconds, possibly fractional ("2", "2.0", "0.5"), as
// Shopify sends it. nullopt for anything else (negative, empty, HTTP dates, trailing junk).
// Values above a day are clamped to a day, so a hostile header cannot park a caller forever.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value);

// Rounds a wait up to whole seconds, for Error::retry_after.
std::chrono::seconds CeilSeconds(std::chrono::milliseconds wait);

}  // namespace scs
