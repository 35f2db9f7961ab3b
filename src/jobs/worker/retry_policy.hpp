#pragma once

#include <chrono>
#include <optional>

#include "core/result.hpp"

namespace scs {

// Exponential backoff for failed jobs. Plain data; app/config.cpp fills it.
struct RetryPolicy {
    std::chrono::milliseconds base{1000};                     // the ceiling after the first failure
    std::chrono::milliseconds cap{std::chrono::minutes(15)};  // the largest ceiling
};

// How long a job waits before its next attempt, after failure number `attempt` (1 = the first).
// Full jitter: unit_random * min(cap, base * 2^(attempt-1)), with unit_random in [0, 1), so
// retries of many jobs failing together spread out. Never less than `retry_after` (a rate
// limit's own wait, which may exceed the cap); never more than 12 h, the queue's longest delay.
std::chrono::milliseconds RetryDelay(const RetryPolicy& policy,
                                     int attempt,
                                     std::optional<std::chrono::seconds> retry_after,
                                     double unit_random);

// Whether a job that failed with `code` may succeed when tried again. The one place that maps
// ErrorCode to retry / no retry (STYLE: errors).
bool IsRetryable(ErrorCode code);

}  // namespace scs
