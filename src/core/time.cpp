#include "core/time.hpp"

#include <array>
#include <charconv>
#include <cstdio>
#include <limits>

namespace scs {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads exactly `width` digits at `pos`, advancing it.
bool ReadDigits(std::string_view s, size_t& pos, size_t width, int& out) {
    if (pos + width > s.size()) {
        return false;
    }
    int value = 0;
    for (size_t i = 0; i < width; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') {
            return false;
        }
        value = value * 10 + (c - '0');
    }
    pos += width;
    out = value;
    return true;
}

bool Expect(std::string_view s, size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) {
        return false;
    }
    ++pos;
    return true;
}

// Fractional seconds after the '.', truncated to milliseconds.
bool ReadFraction(std::string_view s, size_t& pos, int& millis) {
    size_t digits = 0;
    millis = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 3) {
            millis = millis * 10 + (s[pos] - '0');
        }
        ++digits;
        ++pos;
    }
    for (size_t i = digits; i < 3; ++i) {
        millis *= 10;
    }
    return digits > 0;
}

// "Z", "z", "+hh:mm" or "-hh:mm" at the end of the text.
std::optional<minutes> ReadOffset(std::string_view s, size_t& pos) {
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
        return minutes(0);
    }
    if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) {
        return std::nullopt;
    }
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int hh = 0;
    int mm = 0;
    if (!ReadDigits(s, pos, 2, hh) || !Expect(s, pos, ':') || !ReadDigits(s, pos, 2, mm) ||
        hh > 23 || mm > 59) {
        return std::nullopt;
    }
    return minutes(sign * (hh * 60 + mm));
}

struct Fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
};

bool ReadDateTime(std::string_view s, size_t& pos, Fields& f) {
    if (!ReadDigits(s, pos, 4, f.year) || !Expect(s, pos, '-') || !ReadDigits(s, pos, 2, f.month) ||
        !Expect(s, pos, '-') || !ReadDigits(s, pos, 2, f.day)) {
        return false;
    }
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) {
        return false;
    }
    ++pos;
    if (!ReadDigits(s, pos, 2, f.hour) || !Expect(s, pos, ':') ||
        !ReadDigits(s, pos, 2, f.minute) || !Expect(s, pos, ':') ||
        !ReadDigits(s, pos, 2, f.second)) {
        return false;
    }
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        return ReadFraction(s, pos, f.millis);
    }
    return true;
}

// Milliseconds in one `unit` of a duration ("ms", "s", "m", "h", "d"); 0 for anything else.
int64_t DurationUnitMillis(std::string_view unit) {
    struct Unit {
        std::string_view name;
        milliseconds size;
    };

    static constexpr std::array<Unit, 5> kUnits{{{"ms", milliseconds(1)},
                                                 {"s", seconds(1)},
                                                 {"m", minutes(1)},
                                                 {"h", hours(1)},
                                                 {"d", days(1)}}};
    for (const Unit& known : kUnits) {
        if (known.name == unit) {
            return known.size.count();
        }
    }
    return 0;
}

}  // namespace

std::string FormatRfc3339(TimePoint t) {
    const auto day_point = std::chrono::floor<days>(t);
    const std::chrono::year_month_day ymd{day_point};
    const std::chrono::hh_mm_ss<milliseconds> tod{t - day_point};
    std::array<char, 40> buf{};
    const int year = static_cast<int>(ymd.year());
    const auto month = static_cast<unsigned>(ymd.month());
    const auto day = static_cast<unsigned>(ymd.day());
    const auto hour = static_cast<int>(tod.hours().count());
    const auto minute = static_cast<int>(tod.minutes().count());
    const auto second = static_cast<int>(tod.seconds().count());
    const auto millis = static_cast<int>(tod.subseconds().count());
    if (millis == 0) {
        std::snprintf(buf.data(),
                      buf.size(),
                      "%04d-%02u-%02uT%02d:%02d:%02dZ",
                      year,
                      month,
                      day,
                      hour,
                      minute,
                      second);
    } else {
        std::snprintf(buf.data(),
                      buf.size(),
                      "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                      year,
                      month,
                      day,
                      hour,
                      minute,
                      second,
                      millis);
    }
    return buf.data();
}

std::optional<TimePoint> ParseRfc3339(std::string_view text) {
    size_t pos = 0;
    Fields f;
    if (!ReadDateTime(text, pos, f)) {
        return std::nullopt;
    }
    const auto offset = ReadOffset(text, pos);
    if (!offset || pos != text.size()) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year(f.year),
                                          std::chrono::month(static_cast<unsigned>(f.month)),
                                          std::chrono::day(static_cast<unsigned>(f.day))};
    if (!ymd.ok() || f.hour > 23 || f.minute > 59 || f.second > 60) {
        return std::nullopt;
    }
    const auto local = std::chrono::sys_days{ymd} + hours(f.hour) + minutes(f.minute) +
                       seconds(f.second) + milliseconds(f.millis);
    return TimePoint(std::chrono::duration_cast<milliseconds>(local.time_since_epoch() - *offset));
}

std::optional<milliseconds> ParseDuration(std::string_view text) {
    int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr == text.data() || value < 0) {
        return std::nullopt;
    }
    const std::string_view unit(ptr, static_cast<size_t>(end - ptr));
    const int64_t unit_ms = DurationUnitMillis(unit);
    // A count of milliseconds that would overflow is no duration at all.
    if (unit_ms == 0 || value > std::numeric_limits<int64_t>::max() / unit_ms) {
        return std::nullopt;
    }
    return milliseconds(value * unit_ms);
}

std::string FormatDuration(milliseconds d) {
    const int64_t ms = d.count();

    struct Unit {
        int64_t size;
        const char* name;
    };

    constexpr std::array<Unit, 4> kUnits{
        {{86400000, "d"}, {3600000, "h"}, {60000, "m"}, {1000, "s"}}};
    for (const auto& unit : kUnits) {
        if (ms != 0 && ms % unit.size == 0) {
            return std::to_string(ms / unit.size) + unit.name;
        }
    }
    return std::to_string(ms) + "ms";
}

}  // namespace scs
