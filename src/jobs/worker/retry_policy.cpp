#include "jobs/worker/retry_policy.hpp"

#include <algorithm>
#include <cmath>

#include "jobs/queue_limits.hpp"

namespace scs {
namespace {

// Past 2^64 the ceiling is the cap for any base of a millisecond or more.
constexpr int kMaxDoublings = 64;

double Ceiling(const RetryPolicy& policy, int attempt) {
    const double base = std::max<double>(0, static_cast<double>(policy.base.count()));
    const double cap = std::max<double>(0, static_cast<double>(policy.cap.count()));
    // Compared before subtracting: attempt - 1 overflows for INT_MIN.
    const int doublings = attempt <= 1 ? 0 : std::min(attempt - 1, kMaxDoublings);
    // In double arithmetic base * 2^64 cannot overflow, unlike milliseconds::rep.
    return std::min(cap, std::ldexp(base, doublings));
}

}  // namespace

std::chrono::milliseconds RetryDelay(const RetryPolicy& policy,
                                     int attempt,
                                     std::optional<std::chrono::seconds> retry_after,
                                     double unit_random) {
    // A NaN fails both comparisons and becomes 0.
    const double unit = unit_random > 0 ? std::min(unit_random, 1.0) : 0.0;
    const auto max_ms = static_cast<double>(kMaxVisibility.count());
    double delay_ms = std::floor(unit * Ceiling(policy, attempt));
    if (retry_after) {
        delay_ms =
            std::max(delay_ms, std::chrono::duration<double, std::milli>(*retry_after).count());
    }
    return std::chrono::milliseconds(static_cast<int64_t>(std::min(delay_ms, max_ms)));
}

bool IsRetryable(ErrorCode code) {
    switch (code) {
        case ErrorCode::kBadRequest:
        case ErrorCode::kInvalidPayload:
        case ErrorCode::kInvalidCredentials:
        case ErrorCode::kAuthentication:
        case ErrorCode::kAuthorization:
        case ErrorCode::kNotFound:
        case ErrorCode::kHubMappingNotFound:
        case ErrorCode::kWebhookSignature:
        case ErrorCode::kNotImplemented:
        case ErrorCode::kOAuth:
        case ErrorCode::kPayloadTooLarge:
        case ErrorCode::kMethodNotAllowed:
            return false;
        case ErrorCode::kRateLimited:
        case ErrorCode::kUnavailable:
        case ErrorCode::kTimeout:
        case ErrorCode::kConflict:
        case ErrorCode::kSyncInProgress:
        case ErrorCode::kInternal:
            return true;
    }
    // Unreachable for a valid enumerator; an out-of-range value is a bug, and retrying is safe.
    return true;
}

}  // namespace scs
