#include "core/result.hpp"

#include <gtest/gtest.h>

#include "core/connection.hpp"

namespace scs {
namespace {

TEST(ErrorCodeName, UsesTheApiSpelling) {
    EXPECT_EQ(ErrorCodeName(ErrorCode::kBadRequest), "BAD_REQUEST");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kAuthentication), "AUTHENTICATION_ERROR");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kSyncInProgress), "SYNC_IN_PROGRESS");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kRateLimited), "RATE_LIMIT_EXCEEDED");
    EXPECT_EQ(ErrorCodeName(ErrorCode::kPayloadTooLarge), "PAYLOAD_TOO_LARGE");
}

TEST(Fail, CarriesFieldAndRetryAfter) {
    const Result<int> field = FailField("name", "name: required");
    ASSERT_FALSE(field);
    EXPECT_EQ(field.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(field.error().field, "name");
    const Result<int> later =
        FailRetryAfter(ErrorCode::kRateLimited, "slow down", std::chrono::seconds(7));
    ASSERT_FALSE(later);
    EXPECT_EQ(later.error().retry_after, std::chrono::seconds(7));
}

TEST(ConnectionStatus, RoundTripsNames) {
    for (auto s : {ConnectionStatus::kActive,
                   ConnectionStatus::kPaused,
                   ConnectionStatus::kReauthRequired,
                   ConnectionStatus::kDisconnected}) {
        EXPECT_EQ(ParseConnectionStatus(ConnectionStatusName(s)), s);
    }
    EXPECT_FALSE(ParseConnectionStatus("gone"));
}

}  // namespace
}  // namespace scs
