#include "net/retry_after.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace scs {
namespace {

constexpr double kMaxSeconds = 86400.0;

bool IsSecondsText(std::string_view text) {
    bool digits = false;
    bool dot = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            return false;
        }
    }
    return digits;
}

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value) {
    const std::string_view text = Trim(value);
    if (!IsSecondsText(text)) {
        return std::nullopt;
    }
    // strtod saturates to HUGE_VAL instead of throwing on absurdly long numbers.
    const std::string copy(text);
    const double seconds = std::min(std::strtod(copy.c_str(), nullptr), kMaxSeconds);
    return std::chrono::milliseconds(std::llround(std::ceil(seconds * 1000.0)));
}

std::chrono::seconds CeilSeconds(std::chrono::milliseconds wait) {
    return std::chrono::ceil<std::chrono::seconds>(wait);
}

}  // namespace scs
