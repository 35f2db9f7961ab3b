#pragma once

#include <string>

#include "core/result.hpp"

namespace scs {

// What the worker does with a message whose handler failed (before the shutdown deadline).
enum class FailureAction {
    kRetry,                // RetryLater with the backoff; `text` is the error to keep
    kDeadLetterPermanent,  // DeadLetterNow: retrying cannot help; `text` is the reason
    kDeadLetterExhausted,  // DeadLetterNow: this was the last allowed receive; `text` is the reason
};

struct FailureDecision {
    FailureAction action = FailureAction::kRetry;
    std::string text;
};

// "CODE: message", e.g. "UNAVAILABLE: shopify answered 503".
std::string DescribeError(const Error& error);

// The decision for a failure on receive number `receive_count` (1 = first) of a queue that
// allows `max_receives`: a permanent error (IsRetryable false) dead-letters at once ("permanent
// error: CODE: message"); a retryable one dead-letters on the last receive ("failed after N
// attempts: CODE: message") and is retried otherwise ("CODE: message").
FailureDecision DecideFailure(const Error& error, int receive_count, int max_receives);

}  // namespace scs
