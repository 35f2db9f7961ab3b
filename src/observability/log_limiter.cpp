#include "observability/log_limiter.hpp"

#include <utility>
#include <vector>

namespace scs::log {
namespace {

const TimeSource& WallClock() {
    static const SystemTimeSource kClock;
    return kClock;
}

}  // namespace

LogLimiter::LogLimiter(size_t per_interval,
                       std::chrono::milliseconds interval,
                       const TimeSource& clock)
    : per_interval_(per_interval), interval_(interval), clock_(clock) {}

LogLimiter::LogLimiter(size_t per_interval, std::chrono::milliseconds interval)
    : LogLimiter(per_interval, interval, WallClock()) {}

LogLimiter::Decision LogLimiter::Allow(std::string_view key) {
    const TimePoint now = clock_.Now();
    const std::lock_guard lock(mutex_);
    auto it = windows_.find(key);
    if (it == windows_.end()) {
        PruneIdle(now);
        it = windows_.emplace(std::string(key), Window{now}).first;
    }
    Window& window = it->second;
    if (now - window.start >= interval_) {
        window.start = now;
        window.used = 0;
    }
    if (window.used >= per_interval_) {
        ++window.suppressed;
        return Decision{false, 0};
    }
    ++window.used;
    return Decision{true, std::exchange(window.suppressed, 0)};
}

void LogLimiter::PruneIdle(TimePoint now) {
    if (windows_.size() < kPruneThreshold) {
        return;
    }
    // A key with uncounted drops is kept so its next line can still report them.
    std::erase_if(windows_, [&](const auto& entry) {
        return now - entry.second.start >= interval_ && entry.second.suppressed == 0;
    });
}

void LogLimited(LogLimiter& limiter,
                std::string_view key,
                const Logger& logger,
                Level level,
                std::string_view message,
                std::initializer_list<Field> fields) {
    // A line below the level must not use up the key's budget.
    if (!Enabled(level)) {
        return;
    }
    const auto decision = limiter.Allow(key);
    if (!decision) {
        return;
    }
    if (decision.suppressed == 0) {
        logger.Log(level, message, fields);
        return;
    }
    std::vector<Field> with_count(fields);
    with_count.push_back(F("suppressed", decision.suppressed));
    logger.Log(level, message, with_count);
}

}  // namespace scs::log
