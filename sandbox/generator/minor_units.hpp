#pragma once

#include <cstdint>
#include <string>

// Money as every platform's JSON writes it. Pure, thread-safe.
namespace scs::sandbox {

// Minor units as a decimal string with the currency's exponent: (12345, 2) -> "123.45",
// (1250, 3) -> "1.250".
std::string FormatMinorUnits(int64_t minor, int exponent);

}  // namespace scs::sandbox
