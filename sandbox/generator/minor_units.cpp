#include "sandbox/generator/minor_units.hpp"

#include <fmt/format.h>

namespace scs::sandbox {

std::string FormatMinorUnits(int64_t minor, int exponent) {
    const bool negative = minor < 0;
    const uint64_t magnitude =
        negative ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
    uint64_t scale = 1;
    for (int i = 0; i < exponent; ++i) {
        scale *= 10;
    }
    std::string text = fmt::format("{}{}", negative ? "-" : "", magnitude / scale);
    if (exponent > 0) {
        text += fmt::format(".{:0{}}", magnitude % scale, exponent);
    }
    return text;
}

}  // namespace scs::sandbox
