#include "state/token_bucket.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace scs {
namespace {

constexpr int64_t kNow = 1'700'000'000'000;

BucketRequest Request(double capacity, double refill, double tokens) {
    auto request = MakeBucketRequest(capacity, refill, tokens);
    EXPECT_TRUE(request) << request.error().message;
    return request.value_or(BucketRequest{});
}

TEST(MakeBucketRequest, ConvertsToMilliTokens) {
    const BucketRequest request = Request(40, 0.5, 1.25);
    EXPECT_EQ(request.capacity, 40'000);
    EXPECT_EQ(request.refill_per_second, 500);
    EXPECT_EQ(request.tokens, 1'250);
}

TEST(MakeBucketRequest, RejectsTokensAboveCapacity) {
    const auto request = MakeBucketRequest(10, 1, 10.5);
    ASSERT_FALSE(request);
    EXPECT_EQ(request.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(request.error().field, "tokens");
    EXPECT_EQ(request.error().message, "tokens: 10.5 exceeds the bucket capacity 10");
}

TEST(MakeBucketRequest, RejectsNumbersOutOfRange) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(MakeBucketRequest(0, 1, 0).error().field, "capacity");
    EXPECT_EQ(MakeBucketRequest(0.0001, 1, 0).error().field, "capacity");  // rounds to 0
    EXPECT_EQ(MakeBucketRequest(2e9, 1, 1).error().field, "capacity");
    EXPECT_EQ(MakeBucketRequest(10, -1, 1).error().field, "refill_per_second");
    EXPECT_EQ(MakeBucketRequest(10, nan, 1).error().field, "refill_per_second");
    EXPECT_EQ(MakeBucketRequest(10, 1, -0.5).error().field, "tokens");
    EXPECT_TRUE(MakeBucketRequest(10, 1, 0));  // a peek
}

TEST(DrawFromBucket, NewBucketStartsFull) {
    const BucketDraw draw = DrawFromBucket(std::nullopt, Request(10, 1, 3), kNow);
    EXPECT_TRUE(draw.granted);
    EXPECT_EQ(draw.remaining, 7'000'000);
    EXPECT_EQ(draw.next.level, 7'000'000);
    EXPECT_EQ(draw.next.updated_ms, kNow);
}

TEST(DrawFromBucket, RefusalTakesNothingAndSaysWhenEnoughTokensExist) {
    const BucketState half{500'000, kNow};
    const BucketDraw draw = DrawFromBucket(half, Request(10, 2, 3), kNow);
    EXPECT_FALSE(draw.granted);
    EXPECT_EQ(draw.remaining, 500'000);
    EXPECT_EQ(draw.next.level, 500'000);
    EXPECT_EQ(draw.retry_after_ms, 1'250);  // 2.5 tokens at 2 per second
}

TEST(DrawFromBucket, GrantedExactlyAtRetryAfter) {
    const BucketRequest request = Request(10, 2, 3);
    EXPECT_FALSE(DrawFromBucket(BucketState{500'000, kNow}, request, kNow + 1'249).granted);
    const BucketDraw draw = DrawFromBucket(BucketState{500'000, kNow}, request, kNow + 1'250);
    EXPECT_TRUE(draw.granted);
    EXPECT_EQ(draw.remaining, 0);
}

TEST(DrawFromBucket, RetryAfterRoundsUpToAWholeMillisecond) {
    // 1 token at 0.3 per second: 3333.3 ms.
    const BucketDraw draw = DrawFromBucket(BucketState{0, kNow}, Request(10, 0.3, 1), kNow);
    EXPECT_EQ(draw.retry_after_ms, 3'334);
    EXPECT_TRUE(DrawFromBucket(BucketState{0, kNow}, Request(10, 0.3, 1), kNow + 3'334).granted);
}

TEST(DrawFromBucket, RefillIsCappedAtCapacity) {
    const BucketDraw draw = DrawFromBucket(BucketState{0, kNow}, Request(10, 5, 0), kNow + 60'000);
    EXPECT_EQ(draw.remaining, 10'000'000);
    EXPECT_EQ(draw.next.updated_ms, kNow + 60'000);
}

TEST(DrawFromBucket, LongIdleSpellDoesNotOverflow) {
    const BucketRequest request = Request(1e9, 1e9, 1e9);
    const BucketDraw draw = DrawFromBucket(BucketState{0, 0}, request, kNow);
    EXPECT_TRUE(draw.granted);
    EXPECT_EQ(draw.remaining, 0);
}

TEST(DrawFromBucket, FrequentDrawsLoseNoRefill) {
    // 0.3 tokens per second is 0.3 milli-tokens per millisecond: a draw every millisecond
    // must still add up to exactly the rate.
    const BucketRequest peek = Request(10, 0.3, 0);
    BucketState state{0, kNow};
    for (int ms = 1; ms <= 10; ++ms) {
        state = DrawFromBucket(state, peek, kNow + ms).next;
    }
    EXPECT_EQ(state.level, 3'000);  // 3 milli-tokens
}

TEST(DrawFromBucket, GainsExactlyRefillTimesElapsed) {
    const BucketRequest peek = Request(1'000, 0.7, 0);
    BucketState state{0, kNow};
    for (int64_t t = kNow; t <= kNow + 100'000; t += 13) {
        state = DrawFromBucket(state, peek, t).next;
        ASSERT_EQ(state.level, (t - kNow) * 700);
    }
}

TEST(DrawFromBucket, ShrunkCapacityCapsTheSavedLevel) {
    const BucketDraw draw = DrawFromBucket(BucketState{50'000'000, kNow}, Request(10, 1, 0), kNow);
    EXPECT_EQ(draw.remaining, 10'000'000);
}

TEST(DrawFromBucket, ClockGoingBackwardsAddsNothing) {
    const BucketRequest peek = Request(10, 1, 0);
    const BucketDraw draw = DrawFromBucket(BucketState{1'000'000, kNow}, peek, kNow - 5'000);
    EXPECT_EQ(draw.remaining, 1'000'000);
    EXPECT_EQ(draw.next.updated_ms, kNow - 5'000);
    EXPECT_EQ(DrawFromBucket(draw.next, peek, kNow - 4'000).remaining, 2'000'000);
}

TEST(ToBucketResult, ConvertsToTokensAndDuration) {
    BucketDraw draw;
    draw.remaining = 1'500'000;
    draw.retry_after_ms = 250;
    const BucketResult result = ToBucketResult(draw);
    EXPECT_FALSE(result.granted);
    EXPECT_DOUBLE_EQ(result.remaining, 1.5);
    EXPECT_EQ(result.retry_after, std::chrono::milliseconds(250));
}

}  // namespace
}  // namespace scs
