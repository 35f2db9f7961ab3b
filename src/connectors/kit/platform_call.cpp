#include "connectors/kit/platform_call.hpp"

#include <algorithm>
#include <cstdint>

#include "net/retry_after.hpp"

namespace scs::kit {

bool CallWaits::TryWait(std::chrono::milliseconds wait) {
    if (waited_ + wait > policy_->max_wait) {
        return false;
    }
    policy_->sleep(wait);
    waited_ += wait;
    return true;
}

Status CallWaits::DrawFrom(const BudgetDraw& draw) {
    while (true) {
        auto wait = draw();
        if (!wait) {
            return tl::unexpected(wait.error());
        }
        if (wait->count() <= 0) {
            return {};
        }
        if (!TryWait(*wait)) {
            return RateLimited(policy_->budget_spent, *wait);
        }
    }
}

tl::unexpected<Error> RateLimited(std::string message, std::chrono::milliseconds wait) {
    return FailRetryAfter(ErrorCode::kRateLimited,
                          std::move(message),
                          CeilSeconds(std::max(wait, std::chrono::milliseconds(1))));
}

std::chrono::milliseconds RetryAfterOr(const OutboundResponse& response,
                                       std::chrono::milliseconds fallback) {
    const auto header = response.Header("Retry-After");
    const auto wait = header ? ParseRetryAfter(*header) : std::nullopt;
    return wait ? std::max(*wait, std::chrono::milliseconds(1)) : fallback;
}

std::chrono::milliseconds Backoff(int attempt,
                                  std::chrono::milliseconds first,
                                  std::chrono::milliseconds cap) {
    // Capped shift: 2^10 s is past any cap a platform uses, and keeps the product in range.
    return std::min(first * (int64_t{1} << std::clamp(attempt, 0, 10)), cap);
}

ErrorCode ErrorCodeOfStatus(int status,
                            std::span<const StatusErrorRow> table,
                            ErrorCode otherwise) {
    for (const auto& [row_status, code] : table) {
        if (row_status == status) {
            return code;
        }
    }
    return status >= 500 ? ErrorCode::kUnavailable : otherwise;
}

}  // namespace scs::kit
