#include "jobs/worker/retry_policy.hpp"

#include <climits>
#include <limits>

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr RetryPolicy kPolicy{milliseconds(1000), minutes(15)};
constexpr double kAlmostOne = 0.999999;

TEST(RetryDelay, DoublesTheCeilingPerAttempt) {
    EXPECT_EQ(RetryDelay(kPolicy, 1, std::nullopt, kAlmostOne), milliseconds(999));
    EXPECT_EQ(RetryDelay(kPolicy, 2, std::nullopt, kAlmostOne), milliseconds(1999));
    EXPECT_EQ(RetryDelay(kPolicy, 3, std::nullopt, kAlmostOne), milliseconds(3999));
    EXPECT_EQ(RetryDelay(kPolicy, 5, std::nullopt, 0.5), milliseconds(8000));
}

TEST(RetryDelay, FullJitterSpansZeroToTheCeiling) {
    EXPECT_EQ(RetryDelay(kPolicy, 4, std::nullopt, 0.0), milliseconds(0));
    EXPECT_EQ(RetryDelay(kPolicy, 4, std::nullopt, 0.25), milliseconds(2000));
    EXPECT_EQ(RetryDelay(kPolicy, 4, std::nullopt, 0.75), milliseconds(6000));
    for (int step = 0; step < 100; ++step) {
        const milliseconds delay = RetryDelay(kPolicy, 4, std::nullopt, step / 100.0);
        EXPECT_GE(delay, milliseconds(0));
        EXPECT_LT(delay, milliseconds(8000));
    }
}

TEST(RetryDelay, StopsGrowingAtTheCap) {
    EXPECT_EQ(RetryDelay(kPolicy, 10, std::nullopt, 0.5), milliseconds(256'000));
    EXPECT_EQ(RetryDelay(kPolicy, 11, std::nullopt, 0.5), milliseconds(450'000));
    EXPECT_EQ(RetryDelay(kPolicy, 20, std::nullopt, 0.5), milliseconds(450'000));
    EXPECT_LT(RetryDelay(kPolicy, 20, std::nullopt, kAlmostOne), minutes(15));
}

TEST(RetryDelay, HugeAttemptsDoNotOverflow) {
    for (int attempt : {63, 64, 65, 1000, INT_MAX}) {
        EXPECT_EQ(RetryDelay(kPolicy, attempt, std::nullopt, 0.5), milliseconds(450'000))
            << attempt;
    }
    const RetryPolicy huge_base{milliseconds(std::numeric_limits<int64_t>::max() / 2), hours(1)};
    EXPECT_EQ(RetryDelay(huge_base, INT_MAX, std::nullopt, 0.5), minutes(30));
}

TEST(RetryDelay, AttemptsBelowOneCountAsTheFirst) {
    EXPECT_EQ(RetryDelay(kPolicy, 0, std::nullopt, 0.5), milliseconds(500));
    EXPECT_EQ(RetryDelay(kPolicy, INT_MIN, std::nullopt, 0.5), milliseconds(500));
}

TEST(RetryDelay, OutOfRangeRandomIsClamped) {
    EXPECT_EQ(RetryDelay(kPolicy, 1, std::nullopt, -3.0), milliseconds(0));
    EXPECT_EQ(RetryDelay(kPolicy, 1, std::nullopt, std::numeric_limits<double>::quiet_NaN()),
              milliseconds(0));
    EXPECT_EQ(RetryDelay(kPolicy, 1, std::nullopt, 7.0), milliseconds(1000));
}

TEST(RetryDelay, NeverShorterThanRetryAfter) {
    EXPECT_EQ(RetryDelay(kPolicy, 1, seconds(30), 0.0), seconds(30));
    EXPECT_EQ(RetryDelay(kPolicy, 1, seconds(30), kAlmostOne), seconds(30));
    // The backoff wins when it is longer.
    EXPECT_EQ(RetryDelay(kPolicy, 10, seconds(1), 0.5), milliseconds(256'000));
}

TEST(RetryDelay, RetryAfterMayExceedTheCapButNotTwelveHours) {
    EXPECT_EQ(RetryDelay(kPolicy, 1, hours(2), 0.5), hours(2));
    EXPECT_EQ(RetryDelay(kPolicy, 1, hours(24), 0.5), hours(12));
    const RetryPolicy big_cap{hours(1), hours(100)};
    EXPECT_EQ(RetryDelay(big_cap, 30, std::nullopt, kAlmostOne), hours(12));
}

TEST(RetryDelay, ZeroBaseMeansImmediateRetry) {
    const RetryPolicy zero{milliseconds(0), minutes(1)};
    EXPECT_EQ(RetryDelay(zero, 1, std::nullopt, 0.9), milliseconds(0));
    EXPECT_EQ(RetryDelay(zero, INT_MAX, std::nullopt, 0.9), milliseconds(0));
}

TEST(IsRetryable, PermanentErrorsAreNotRetried) {
    for (ErrorCode code : {ErrorCode::kBadRequest,
                           ErrorCode::kInvalidPayload,
                           ErrorCode::kInvalidCredentials,
                           ErrorCode::kAuthentication,
                           ErrorCode::kAuthorization,
                           ErrorCode::kNotFound,
                           ErrorCode::kHubMappingNotFound,
                           ErrorCode::kWebhookSignature,
                           ErrorCode::kNotImplemented,
                           ErrorCode::kOAuth,
                           ErrorCode::kPayloadTooLarge,
                           ErrorCode::kMethodNotAllowed}) {
        EXPECT_FALSE(IsRetryable(code)) << ErrorCodeName(code);
    }
}

TEST(IsRetryable, TransientErrorsAreRetried) {
    for (ErrorCode code : {ErrorCode::kRateLimited,
                           ErrorCode::kUnavailable,
                           ErrorCode::kTimeout,
                           ErrorCode::kConflict,
                           ErrorCode::kSyncInProgress,
                           ErrorCode::kInternal}) {
        EXPECT_TRUE(IsRetryable(code)) << ErrorCodeName(code);
    }
}

}  // namespace
}  // namespace scs
