#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

// Money as integer minor units of an ISO 4217 currency. Pure functions, thread-safe; no floating
// point anywhere, so "0.1" + "0.2" stays exact.
namespace scs {

// The ISO 4217 minor-unit exponent of `currency` (upper-case code): 2 for SAR, 3 for KWD, 0 for
// JPY. nullopt for a code the table does not know: callers must fail, not guess.
std::optional<int> CurrencyExponent(std::string_view currency);

// Exact decimal text ("12.5", "-3.250", "100") to minor units of `currency`: ("12.5", "SAR") ->
// 1250. More fractional digits than the exponent are accepted only when the extra digits are
// zeros ("1.2500" SAR); anything that would need rounding, malformed text, an unknown currency or
// a value outside int64 fails with kInvalidPayload naming the amount.
[[nodiscard]] Result<int64_t> ParseMinorUnits(std::string_view decimal, std::string_view currency);

// The inverse: (1250, "SAR") -> "12.50", (-5, "KWD") -> "-0.005", (7, "JPY") -> "7". Fails with
// kInvalidPayload for an unknown currency.
[[nodiscard]] Result<std::string> FormatMinorUnits(int64_t minor, std::string_view currency);

}  // namespace scs
