#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace scs {

using Clock = std::chrono::system_clock;
using TimePoint = std::chrono::time_point<Clock, std::chrono::milliseconds>;

// RFC 3339 in UTC with a Z suffix and millisecond precision when non-zero:
// "2026-11-24T14:05:00Z", "2026-11-24T14:05:00.250Z".
std::string FormatRfc3339(TimePoint t);

// Parses RFC 3339 with any offset ("Z", "+03:00") and optional fractional seconds, and returns
// the instant in UTC. Returns nullopt for anything else.
std::optional<TimePoint> ParseRfc3339(std::string_view text);

// Milliseconds since the Unix epoch, the storage representation of every time.
inline int64_t ToUnixMillis(TimePoint t) {
    return t.time_since_epoch().count();
}

inline TimePoint FromUnixMillis(int64_t ms) {
    return TimePoint(std::chrono::milliseconds(ms));
}

// Parses a duration such as "250ms", "30s", "5m", "2h" or "1d". Returns nullopt otherwise.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

// The inverse of ParseDuration with the largest exact unit: 300000ms -> "5m".
std::string FormatDuration(std::chrono::milliseconds d);

// Injected wherever "now" matters, so tests control time. Implementations are thread-safe.
class TimeSource {
public:
    virtual ~TimeSource() = default;
    virtual TimePoint Now() const = 0;
};

// The wall clock.
class SystemTimeSource final : public TimeSource {
public:
    TimePoint Now() const override {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now());
    }
};

}  // namespace scs
