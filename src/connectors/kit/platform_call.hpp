#pragma once

#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <utility>

#include "core/result.hpp"
#include "net/http_client.hpp"

// The platform call loop every connector runs: draw from the store's shared budget, send, wait
// out the answers that ask for it (429/503 by Retry-After or backoff, a platform's own
// throttling), and give up as kRateLimited with a retry_after once the limits are spent; plus
// the status -> error code table. The platform supplies how to draw, send and read an answer.
namespace scs::kit {

using Sleep = std::function<void(std::chrono::milliseconds)>;

// How much waiting one call may do, and how it waits. Owned by the platform's client.
struct CallPolicy {
    int max_attempts = 4;                       // answers waited out within one call, plus one
    std::chrono::milliseconds max_wait{30000};  // total waiting (budget and answers) per call
    Sleep sleep;
    // kRateLimited messages: the shared budget stays spent; the platform kept asking to wait
    // (given the last answer's HTTP status).
    std::string budget_spent;
    std::function<std::string(int status)> kept_waiting;
};

// One attempt's reading of an answer: the call's outcome, or (retry_in > 0) a wait after which
// to send again.
template <class T>
struct Attempt {
    Result<T> outcome;
    std::chrono::milliseconds retry_in{0};
};

// How long the shared budget asks to wait before a call may go (0: it may go now).
using BudgetDraw = std::function<Result<std::chrono::milliseconds>()>;
using Send = std::function<Result<OutboundResponse>()>;

// The waiting of one call against policy.max_wait. Not thread-safe; one per call.
class CallWaits {
public:
    explicit CallWaits(const CallPolicy& policy) : policy_(&policy) {}

    // Sleeps `wait` and answers true, or answers false when it would pass max_wait.
    bool TryWait(std::chrono::milliseconds wait);

    // Draws until the budget lets the call go; kRateLimited (budget_spent) with retry_after
    // when its wait would pass max_wait; the budget's own errors as they come.
    [[nodiscard]] Status DrawFrom(const BudgetDraw& draw);

private:
    const CallPolicy* policy_;
    std::chrono::milliseconds waited_{0};
};

// kRateLimited with retry_after = `wait` rounded up to whole seconds (at least one).
[[nodiscard]] tl::unexpected<Error> RateLimited(std::string message,
                                                std::chrono::milliseconds wait);

// Runs one platform call: before each attempt draws from the budget, then sends and reads the
// answer with `read(response, attempt)`. Transport errors end the call as they come. After
// max_attempts answers that asked to wait, or when a wait would pass max_wait, answers
// kRateLimited (kept_waiting) with the last wait as retry_after; it never sleeps before giving up.
template <class T>
[[nodiscard]] Result<T> RunPlatformCall(
    const CallPolicy& policy,
    const BudgetDraw& draw,
    const Send& send,
    const std::function<Attempt<T>(OutboundResponse&&, int)>& read) {
    CallWaits waits(policy);
    std::chrono::milliseconds wait{1};
    int status = 0;
    for (int attempt = 0; attempt < policy.max_attempts; ++attempt) {
        if (auto drawn = waits.DrawFrom(draw); !drawn) {
            return tl::unexpected(drawn.error());
        }
        auto response = send();
        if (!response) {
            return tl::unexpected(response.error());
        }
        status = response->status;
        Attempt<T> answer = read(std::move(*response), attempt);
        if (answer.retry_in.count() <= 0) {
            return std::move(answer.outcome);
        }
        wait = answer.retry_in;
        if (attempt + 1 == policy.max_attempts || !waits.TryWait(wait)) {
            break;
        }
    }
    return RateLimited(policy.kept_waiting(status), wait);
}

// The wait an answer's Retry-After asks for (at least 1 ms), else `fallback`.
std::chrono::milliseconds RetryAfterOr(const OutboundResponse& response,
                                       std::chrono::milliseconds fallback);

// Exponential backoff: first * 2^attempt, at most `cap`.
std::chrono::milliseconds Backoff(int attempt,
                                  std::chrono::milliseconds first,
                                  std::chrono::milliseconds cap);

// One row of a platform's status table: an HTTP status and the error it means.
using StatusErrorRow = std::pair<int, ErrorCode>;

// The error code of a failed HTTP status: the platform's row for it, else kUnavailable for 5xx,
// else `otherwise`.
ErrorCode ErrorCodeOfStatus(int status, std::span<const StatusErrorRow> table, ErrorCode otherwise);

}  // namespace scs::kit
