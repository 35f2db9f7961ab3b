#include "jobs/worker/job_outcome.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

Error MakeError(ErrorCode code, std::string message) {
    return Error{code, std::move(message), {}, std::nullopt};
}

TEST(DescribeError, IsCodeThenMessage) {
    EXPECT_EQ(DescribeError(MakeError(ErrorCode::kUnavailable, "shopify answered 503")),
              "UNAVAILABLE: shopify answered 503");
}

TEST(DecideFailure, RetriesATransientErrorBeforeTheLastReceive) {
    const FailureDecision decision = DecideFailure(MakeError(ErrorCode::kTimeout, "slow"), 1, 5);
    EXPECT_EQ(decision.action, FailureAction::kRetry);
    EXPECT_EQ(decision.text, "TIMEOUT: slow");
    EXPECT_EQ(DecideFailure(MakeError(ErrorCode::kTimeout, "slow"), 4, 5).action,
              FailureAction::kRetry);
}

TEST(DecideFailure, DeadLettersATransientErrorOnTheLastReceive) {
    const FailureDecision decision = DecideFailure(MakeError(ErrorCode::kRateLimited, "429"), 5, 5);
    EXPECT_EQ(decision.action, FailureAction::kDeadLetterExhausted);
    EXPECT_EQ(decision.text, "failed after 5 attempts: RATE_LIMIT_EXCEEDED: 429");
    // A receive past the limit (the queue let one more through) also ends it.
    EXPECT_EQ(DecideFailure(MakeError(ErrorCode::kRateLimited, "429"), 6, 5).action,
              FailureAction::kDeadLetterExhausted);
}

TEST(DecideFailure, SaysAttemptForASingleOne) {
    EXPECT_EQ(DecideFailure(MakeError(ErrorCode::kInternal, "bug"), 1, 1).text,
              "failed after 1 attempt: INTERNAL: bug");
}

TEST(DecideFailure, DeadLettersAPermanentErrorAtOnce) {
    const FailureDecision decision =
        DecideFailure(MakeError(ErrorCode::kInvalidCredentials, "token revoked"), 1, 5);
    EXPECT_EQ(decision.action, FailureAction::kDeadLetterPermanent);
    EXPECT_EQ(decision.text, "permanent error: INVALID_CREDENTIALS: token revoked");
}

}  // namespace
}  // namespace scs
