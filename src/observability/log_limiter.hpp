#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/time.hpp"
#include "observability/log.hpp"

namespace scs::log {

// Rate-limits repeated log lines (DESIGN: rate-limit repeated failures). Each key, such as
// "fetch_failed:<connection id>", may log `per_interval` lines per `interval`; the rest are
// counted, and the next allowed line reports how many were dropped. The clock is injected and
// must outlive the limiter. Usually one per component, living as long as it. Thread-safe.
class LogLimiter {
public:
    struct Decision {
        bool allowed = false;
        uint64_t suppressed = 0;  // lines dropped for this key since its last allowed line

        explicit operator bool() const { return allowed; }
    };

    LogLimiter(size_t per_interval, std::chrono::milliseconds interval, const TimeSource& clock);

    // With the wall clock.
    LogLimiter(size_t per_interval, std::chrono::milliseconds interval);

    // Whether a line for `key` may be written now; when it may, also how many were dropped.
    Decision Allow(std::string_view key);

private:
    struct Window {
        TimePoint start;
        size_t used = 0;
        uint64_t suppressed = 0;
    };

    // Keys that have been quiet for a whole interval are forgotten once this many exist.
    static constexpr size_t kPruneThreshold = 4096;

    void PruneIdle(TimePoint now);

    struct KeyHash {
        using is_transparent = void;  // NOLINT(readability-identifier-naming): std spelling

        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    const size_t per_interval_;
    const std::chrono::milliseconds interval_;
    const TimeSource& clock_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window, KeyHash, std::equal_to<>> windows_;
};

// Logs through `logger` when `limiter` allows `key`, adding a "suppressed" field when earlier
// lines were dropped.
void LogLimited(LogLimiter& limiter,
                std::string_view key,
                const Logger& logger,
                Level level,
                std::string_view message,
                std::initializer_list<Field> fields = {});

}  // namespace scs::log
