#include "storage/transaction_retry.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TxAttempt Busy() {
    return {Fail(ErrorCode::kUnavailable, "busy"), true};
}

TEST(TransactionRetryTest, SuccessRunsOnce) {
    int calls = 0;
    auto status = RetryTransaction([&] {
        ++calls;
        return TxAttempt{};
    });
    EXPECT_TRUE(status);
    EXPECT_EQ(calls, 1);
}

TEST(TransactionRetryTest, RetryableFailuresAreRetriedUntilSuccess) {
    int calls = 0;
    auto status = RetryTransaction([&] { return ++calls < 3 ? Busy() : TxAttempt{}; });
    EXPECT_TRUE(status);
    EXPECT_EQ(calls, 3);
}

TEST(TransactionRetryTest, GivesUpAfterThreeAttempts) {
    int calls = 0;
    auto status = RetryTransaction([&] {
        ++calls;
        return Busy();
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message, "busy");
    EXPECT_EQ(calls, 3);
}

TEST(TransactionRetryTest, OtherFailuresAreNotRetried) {
    int calls = 0;
    auto status = RetryTransaction([&] {
        ++calls;
        return TxAttempt{Fail(ErrorCode::kConflict, "duplicate"), false};
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kConflict);
    EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace scs
