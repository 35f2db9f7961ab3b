#pragma once

#include <cstdint>
#include <optional>

#include "core/result.hpp"
#include "state/state_store.hpp"

// Token-bucket arithmetic shared by every StateStore. Requests are whole milli-tokens and rates
// milli-tokens per second, and a bucket's level is kept in micro-tokens: a rate in milli-tokens
// per second times milliseconds elapsed is then an exact integer, so refill never rounds. The
// Redis Lua script (redis_scripts.cpp) repeats the same arithmetic.
namespace scs {

// The largest capacity, refill rate or draw, in tokens. It keeps every level and intermediate
// product (at most about 1e15 micro-tokens) below 2^53, where Lua's doubles are exact integers.
inline constexpr double kMaxBucketTokens = 1e9;

// One validated TryTake call, in milli-tokens.
struct BucketRequest {
    int64_t capacity = 0;           // milli-tokens, > 0
    int64_t refill_per_second = 0;  // milli-tokens per second, > 0
    int64_t tokens = 0;             // milli-tokens, 0 .. capacity
};

// What a backend stores per bucket.
struct BucketState {
    int64_t level = 0;       // micro-tokens at `updated_ms`
    int64_t updated_ms = 0;  // unix milliseconds
};

// The outcome of one draw: what to answer, and the state to store when granted.
struct BucketDraw {
    bool granted = false;
    int64_t remaining = 0;  // micro-tokens
    int64_t retry_after_ms = 0;
    BucketState next;
};

// Checks TryTake's arguments and converts them to milli-tokens; kBadRequest naming the argument.
[[nodiscard]] Result<BucketRequest> MakeBucketRequest(double capacity,
                                                      double refill_per_second,
                                                      double tokens);

// Refills `state` (nullopt: a new, full bucket) up to now_ms, then draws request.tokens. Nothing
// is taken when refused; retry_after_ms is then the first millisecond at which the draw would be
// granted. A clock that went backwards counts as no time passing.
BucketDraw DrawFromBucket(const std::optional<BucketState>& state,
                          const BucketRequest& request,
                          int64_t now_ms);

// The public form of a draw.
BucketResult ToBucketResult(const BucketDraw& draw);

}  // namespace scs
