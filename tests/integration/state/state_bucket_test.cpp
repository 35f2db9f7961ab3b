#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "state_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;

// On the fake clock amounts are exact; on Redis's real clock a draw a few milliseconds after
// the previous one may find a little refill, so amounts are checked within this slack.
class StateBucketTest : public StateStoreTest {
protected:
    BucketResult Take(std::string_view bucket, double capacity, double refill, double tokens) {
        return Value(Store().TryTake(bucket, capacity, refill, tokens));
    }

    // Tokens a real clock could have added at `refill` per second between two quick calls.
    double Slack(double refill) const { return backend_->ExactTime() ? 0.0 : refill * 0.05; }

    // Expects `actual` to be `exact` on the fake clock, and within the slack below it otherwise.
    void ExpectRetryAfter(milliseconds actual, milliseconds exact) const {
        if (backend_->ExactTime()) {
            EXPECT_EQ(actual, exact);
            return;
        }
        EXPECT_GT(actual, milliseconds(0));
        EXPECT_LE(actual, exact);
        EXPECT_GE(actual, exact - milliseconds(100));
    }
};

TEST_P(StateBucketTest, NewBucketStartsFullAndRefusesWhenEmpty) {
    const auto first = Take("shopify:store-1", 10, 1, 4);
    EXPECT_TRUE(first.granted);
    EXPECT_EQ(first.retry_after, milliseconds(0));
    EXPECT_NEAR(first.remaining, 6, Slack(1));
    const auto second = Take("shopify:store-1", 10, 1, 6);
    EXPECT_TRUE(second.granted);
    EXPECT_NEAR(second.remaining, 0, Slack(1));
    const auto refused = Take("shopify:store-1", 10, 1, 1);
    EXPECT_FALSE(refused.granted);
    EXPECT_NEAR(refused.remaining, 0, Slack(1));
    ExpectRetryAfter(refused.retry_after, milliseconds(1000));
}

TEST_P(StateBucketTest, RefusedDrawTakesNothing) {
    ASSERT_TRUE(Take("b", 10, 1, 7).granted);
    EXPECT_FALSE(Take("b", 10, 1, 5).granted);
    const auto rest = Take("b", 10, 1, 3);
    EXPECT_TRUE(rest.granted);
    EXPECT_NEAR(rest.remaining, 0, Slack(1));
}

TEST_P(StateBucketTest, RetryAfterSaysWhenEnoughTokensExist) {
    ASSERT_TRUE(Take("b", 10, 10, 10).granted);
    const auto refused = Take("b", 10, 10, 5);
    ASSERT_FALSE(refused.granted);
    ExpectRetryAfter(refused.retry_after, milliseconds(500));
    if (backend_->ExactTime()) {
        backend_->Elapse(refused.retry_after - milliseconds(1));
        EXPECT_FALSE(Take("b", 10, 10, 5).granted);
        backend_->Elapse(milliseconds(1));
    } else {
        backend_->Elapse(refused.retry_after);
    }
    EXPECT_TRUE(Eventually([&] { return Take("b", 10, 10, 5).granted; }));
}

TEST_P(StateBucketTest, RefillIsProportionalToElapsedTime) {
    ASSERT_TRUE(Take("b", 10, 10, 10).granted);
    backend_->Elapse(milliseconds(250));
    const auto part = Take("b", 10, 10, 2);
    EXPECT_TRUE(part.granted);
    EXPECT_GE(part.remaining, 0.5);  // 2.5 tokens refilled, 2 taken
    EXPECT_LE(part.remaining, 0.5 + Slack(10));
    if (backend_->ExactTime()) {
        ExpectRetryAfter(Take("b", 10, 10, 1).retry_after, milliseconds(50));
    }
}

TEST_P(StateBucketTest, RefillStopsAtCapacity) {
    ASSERT_TRUE(Take("b", 5, 50, 5).granted);
    backend_->Elapse(milliseconds(300));  // enough for 15 tokens, but it holds only 5
    const auto all = Take("b", 5, 50, 5);
    EXPECT_TRUE(all.granted);
    EXPECT_NEAR(all.remaining, 0, Slack(50));
    EXPECT_FALSE(Take("b", 5, 50, 1).granted);
}

TEST_P(StateBucketTest, FractionalTokensAndRates) {
    for (int i = 0; i < 4; ++i) {
        EXPECT_TRUE(Take("b", 2, 0.5, 0.5).granted) << "draw " << i;
    }
    const auto refused = Take("b", 2, 0.5, 0.5);
    EXPECT_FALSE(refused.granted);
    ExpectRetryAfter(refused.retry_after, milliseconds(1000));
}

TEST_P(StateBucketTest, BucketsAreIndependent) {
    ASSERT_TRUE(Take("amazon:1:getOrders", 1, 0.0167, 1).granted);
    EXPECT_FALSE(Take("amazon:1:getOrders", 1, 0.0167, 1).granted);
    EXPECT_TRUE(Take("amazon:1:getOrder", 1, 0.5, 1).granted);
    EXPECT_TRUE(Take("amazon:2:getOrders", 1, 0.0167, 1).granted);
}

TEST_P(StateBucketTest, ZeroTokensPeeksWithoutTaking) {
    ASSERT_TRUE(Take("b", 10, 1, 3).granted);
    const auto peek = Take("b", 10, 1, 0);
    EXPECT_TRUE(peek.granted);
    EXPECT_NEAR(peek.remaining, 7, Slack(1));
    EXPECT_NEAR(Take("b", 10, 1, 7).remaining, 0, Slack(1));
}

TEST_P(StateBucketTest, MoreThanCapacityIsABadRequest) {
    const auto too_many = Store().TryTake("b", 10, 1, 11);
    ASSERT_TRUE(FailedWith(too_many, ErrorCode::kBadRequest));
    EXPECT_EQ(too_many.error().field, "tokens");
    // The refused request took nothing.
    EXPECT_TRUE(Take("b", 10, 1, 10).granted);
}

TEST_P(StateBucketTest, InvalidNumbersAreBadRequests) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_TRUE(FailedWith(Store().TryTake("b", 0, 1, 0), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryTake("b", -1, 1, 0), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryTake("b", inf, 1, 1), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryTake("b", 10, 0, 1), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryTake("b", 10, nan, 1), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryTake("b", 10, 1, -1), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryTake("", 10, 1, 1), ErrorCode::kBadRequest));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         StateBucketTest,
                         ::testing::Values(StateBackend::kSqlite, StateBackend::kRedis),
                         StateBackendName);

}  // namespace
}  // namespace scs::testing
