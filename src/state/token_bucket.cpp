#include "state/token_bucket.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace scs {
namespace {

constexpr int64_t kMilli = 1000;

int64_t CeilDiv(int64_t numerator, int64_t denominator) {
    return (numerator + denominator - 1) / denominator;
}

// A positive (or, with allow_zero, non-negative) finite amount of tokens in milli-tokens.
Result<int64_t> ToMilli(const char* field, double value, bool allow_zero) {
    const std::string name(field);
    if (!std::isfinite(value) || value < 0 || value > kMaxBucketTokens) {
        return FailField(name, name + ": must be a number from 0 to 1e9");
    }
    const auto milli = static_cast<int64_t>(std::llround(value * kMilli));
    if (milli == 0 && !allow_zero) {
        return FailField(name, name + ": must be at least 0.001");
    }
    return milli;
}

// Adds the refill earned since state.updated_ms: exact, since milli-tokens per second times
// milliseconds is micro-tokens.
BucketState Refill(BucketState state, int64_t capacity, int64_t rate, int64_t now_ms) {
    state.level = std::min(state.level, capacity);
    const int64_t elapsed = std::max<int64_t>(now_ms - state.updated_ms, 0);
    // Compared by time first: elapsed * rate could overflow after a long idle spell.
    if (elapsed >= CeilDiv(capacity - state.level, rate)) {
        return BucketState{capacity, now_ms};
    }
    return BucketState{state.level + elapsed * rate, now_ms};
}

}  // namespace

Result<BucketRequest> MakeBucketRequest(double capacity, double refill_per_second, double tokens) {
    BucketRequest request;
    auto checked = ToMilli("capacity", capacity, false);
    if (!checked) {
        return tl::unexpected(checked.error());
    }
    request.capacity = *checked;
    if (checked = ToMilli("refill_per_second", refill_per_second, false); !checked) {
        return tl::unexpected(checked.error());
    }
    request.refill_per_second = *checked;
    if (checked = ToMilli("tokens", tokens, true); !checked) {
        return tl::unexpected(checked.error());
    }
    request.tokens = *checked;
    if (request.tokens > request.capacity) {
        std::ostringstream message;
        message << "tokens: " << tokens << " exceeds the bucket capacity " << capacity;
        return FailField("tokens", message.str());
    }
    return request;
}

BucketDraw DrawFromBucket(const std::optional<BucketState>& state,
                          const BucketRequest& request,
                          int64_t now_ms) {
    const int64_t capacity = request.capacity * kMilli;
    const int64_t tokens = request.tokens * kMilli;
    const int64_t rate = request.refill_per_second;
    const BucketState current =
        state ? Refill(*state, capacity, rate, now_ms) : BucketState{capacity, now_ms};
    BucketDraw draw;
    draw.next = current;
    if (tokens <= current.level) {
        draw.granted = true;
        draw.next.level -= tokens;
        draw.remaining = draw.next.level;
        return draw;
    }
    draw.remaining = current.level;
    draw.retry_after_ms = CeilDiv(tokens - current.level, rate);
    return draw;
}

BucketResult ToBucketResult(const BucketDraw& draw) {
    return BucketResult{draw.granted,
                        std::chrono::milliseconds(draw.retry_after_ms),
                        static_cast<double>(draw.remaining) / (kMilli * kMilli)};
}

}  // namespace scs
