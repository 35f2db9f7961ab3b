#include "core/time.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;

TEST(Rfc3339, FormatsUtcWithZ) {
    EXPECT_EQ(FormatRfc3339(FromUnixMillis(0)), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatRfc3339(FromUnixMillis(1795960800250)), "2026-11-29T14:00:00.250Z");
}

TEST(Rfc3339, ParsesOffsetsToUtc) {
    const auto riyadh = ParseRfc3339("2026-11-24T17:05:00+03:00");
    const auto utc = ParseRfc3339("2026-11-24T14:05:00Z");
    ASSERT_TRUE(riyadh && utc);
    EXPECT_EQ(*riyadh, *utc);
    EXPECT_EQ(FormatRfc3339(*riyadh), "2026-11-24T14:05:00Z");
}

TEST(Rfc3339, ParsesFractionsTruncatedToMillis) {
    const auto t = ParseRfc3339("2026-01-02T03:04:05.123456-01:30");
    ASSERT_TRUE(t);
    EXPECT_EQ(FormatRfc3339(*t), "2026-01-02T04:34:05.123Z");
}

TEST(Rfc3339, RejectsMalformed) {
    for (const char* bad : {"",
                            "2026-11-24",
                            "2026-11-24T14:05:00",
                            "2026-13-01T00:00:00Z",
                            "2026-02-30T00:00:00Z",
                            "2026-11-24T14:05:00+3:00",
                            "2026-11-24T14:05:00Zjunk",
                            "2026-11-24T25:00:00Z"}) {
        EXPECT_FALSE(ParseRfc3339(bad)) << bad;
    }
}

TEST(Duration, ParsesUnits) {
    EXPECT_EQ(ParseDuration("250ms"), milliseconds(250));
    EXPECT_EQ(ParseDuration("30s"), milliseconds(30000));
    EXPECT_EQ(ParseDuration("5m"), milliseconds(300000));
    EXPECT_EQ(ParseDuration("2h"), milliseconds(7200000));
    EXPECT_EQ(ParseDuration("1d"), milliseconds(86400000));
}

TEST(Duration, RejectsMalformed) {
    for (const char* bad : {"", "5", "m", "-5m", "5 m", "5min", "1.5s"}) {
        EXPECT_FALSE(ParseDuration(bad)) << bad;
    }
}

TEST(Duration, RejectsWhatMillisecondsCannotHold) {
    for (const char* huge : {"999999999999999d", "9223372036854775807s", "9999999999999999h"}) {
        EXPECT_FALSE(ParseDuration(huge)) << huge;
    }
    EXPECT_EQ(ParseDuration("9223372036854775807ms"), milliseconds(9223372036854775807));
}

TEST(Duration, FormatsLargestExactUnit) {
    EXPECT_EQ(FormatDuration(milliseconds(300000)), "5m");
    EXPECT_EQ(FormatDuration(milliseconds(90000)), "90s");
    EXPECT_EQ(FormatDuration(milliseconds(1500)), "1500ms");
    EXPECT_EQ(FormatDuration(milliseconds(0)), "0ms");
}

}  // namespace
}  // namespace scs
