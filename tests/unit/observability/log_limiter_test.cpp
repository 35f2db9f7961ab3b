#include "observability/log_limiter.hpp"

#include <atomic>
#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs::log {
namespace {

using std::chrono::milliseconds;

class FakeTimeSource final : public TimeSource {
public:
    TimePoint Now() const override { return FromUnixMillis(now_ms_.load()); }

    void Advance(milliseconds d) { now_ms_ += d.count(); }

private:
    std::atomic<int64_t> now_ms_{1'000'000};
};

TEST(LogLimiter, AllowsBurstPerIntervalThenSuppresses) {
    FakeTimeSource clock;
    LogLimiter limiter(2, milliseconds(1000), clock);
    EXPECT_TRUE(limiter.Allow("k"));
    EXPECT_TRUE(limiter.Allow("k"));
    EXPECT_FALSE(limiter.Allow("k"));
    EXPECT_FALSE(limiter.Allow("k"));
    clock.Advance(milliseconds(999));
    EXPECT_FALSE(limiter.Allow("k"));
    clock.Advance(milliseconds(1));
    const auto next = limiter.Allow("k");
    EXPECT_TRUE(next);
    EXPECT_EQ(next.suppressed, 3U);
    EXPECT_EQ(limiter.Allow("k").suppressed, 0U);  // reported once, then reset
}

TEST(LogLimiter, KeysAreIndependent) {
    FakeTimeSource clock;
    LogLimiter limiter(1, milliseconds(1000), clock);
    EXPECT_TRUE(limiter.Allow("shopify:1"));
    EXPECT_FALSE(limiter.Allow("shopify:1"));
    EXPECT_TRUE(limiter.Allow("shopify:2"));
}

TEST(LogLimiter, ForgetsIdleKeysButKeepsUnreportedCounts) {
    FakeTimeSource clock;
    LogLimiter limiter(1, milliseconds(10), clock);
    EXPECT_TRUE(limiter.Allow("noisy"));
    EXPECT_FALSE(limiter.Allow("noisy"));
    for (int i = 0; i < 5000; ++i) {
        EXPECT_TRUE(limiter.Allow("key-" + std::to_string(i)));
        clock.Advance(milliseconds(1));
    }
    EXPECT_EQ(limiter.Allow("noisy").suppressed, 1U);
}

TEST(LogLimited, ReportsSuppressedCountInNextLine) {
    std::vector<std::string> lines;
    Init(LogConfig{Level::kInfo}, nullptr, [&lines](std::string_view l) { lines.emplace_back(l); });
    FakeTimeSource clock;
    LogLimiter limiter(1, milliseconds(1000), clock);
    const Logger logger("connector.shopify");
    LogLimited(limiter, "fetch:7", logger, Level::kDebug, "below level, uses no budget");
    for (int i = 0; i < 4; ++i) {
        LogLimited(limiter, "fetch:7", logger, Level::kWarn, "fetch failed", {F("attempt", i)});
    }
    clock.Advance(milliseconds(1000));
    LogLimited(limiter, "fetch:7", logger, Level::kWarn, "fetch failed", {F("attempt", 4)});
    Init(LogConfig{}, nullptr);
    ASSERT_EQ(lines.size(), 2U);
    const auto first = boost::json::parse(lines[0]).as_object();
    EXPECT_EQ(first.at("attempt").as_int64(), 0);
    EXPECT_FALSE(first.contains("suppressed"));
    const auto last = boost::json::parse(lines[1]).as_object();
    EXPECT_EQ(last.at("suppressed").as_int64(), 3);
    EXPECT_EQ(last.at("attempt").as_int64(), 4);
}

}  // namespace
}  // namespace scs::log
