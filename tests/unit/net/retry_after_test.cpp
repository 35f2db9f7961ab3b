#include "net/retry_after.hpp"

#include <gtest/gtest.h>

#include "net/http_client.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;

TEST(RetryAfter, ReadsWholeAndFractionalSeconds) {
    EXPECT_EQ(ParseRetryAfter("2"), milliseconds(2000));
    EXPECT_EQ(ParseRetryAfter("2.0"), milliseconds(2000));
    EXPECT_EQ(ParseRetryAfter(" 0.25 "), milliseconds(250));
    EXPECT_EQ(ParseRetryAfter("0.0001"), milliseconds(1));
    EXPECT_EQ(ParseRetryAfter("0"), milliseconds(0));
}

TEST(RetryAfter, RejectsWhatIsNotSeconds) {
    EXPECT_EQ(ParseRetryAfter(""), std::nullopt);
    EXPECT_EQ(ParseRetryAfter("."), std::nullopt);
    EXPECT_EQ(ParseRetryAfter("-1"), std::nullopt);
    EXPECT_EQ(ParseRetryAfter("1e3"), std::nullopt);
    EXPECT_EQ(ParseRetryAfter("2s"), std::nullopt);
    EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), std::nullopt);
}

TEST(RetryAfter, ClampsToADay) {
    EXPECT_EQ(ParseRetryAfter("99999999999999999999999999999"), milliseconds(86400000));
}

TEST(RetryAfter, CeilSecondsRoundsUp) {
    EXPECT_EQ(CeilSeconds(milliseconds(1)), std::chrono::seconds(1));
    EXPECT_EQ(CeilSeconds(milliseconds(2000)), std::chrono::seconds(2));
    EXPECT_EQ(CeilSeconds(milliseconds(2001)), std::chrono::seconds(3));
}

TEST(OutboundResponse, HeaderLookupIgnoresCase) {
    OutboundResponse response;
    response.headers = {{"Retry-After", "2.0"}, {"x-shopify-api-version", "2025-10"}};
    EXPECT_EQ(response.Header("retry-after"), "2.0");
    EXPECT_EQ(response.Header("X-Shopify-API-Version"), "2025-10");
    EXPECT_EQ(response.Header("Missing"), std::nullopt);
}

}  // namespace
}  // namespace scs
