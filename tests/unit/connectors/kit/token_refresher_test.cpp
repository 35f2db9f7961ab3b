#include "connectors/kit/token_refresher.hpp"

#include <gtest/gtest.h>

#include "support/inert_state_store.hpp"
#include "support/memory_vault.hpp"

namespace scs::kit {
namespace {

using std::chrono::milliseconds;

const TimePoint kNow = *ParseRfc3339("2026-01-01T00:00:00Z");

class FixedClock final : public TimeSource {
public:
    TimePoint Now() const override { return kNow; }
};

// Only the single-flight lock matters here; it is held by someone else when `taken`.
class LockOnlyState final : public scs::testing::InertStateStore {
public:
    Result<bool> TryLock(std::string_view key, std::string_view, milliseconds) override {
        locked.emplace_back(key);
        return !taken;
    }

    Status Unlock(std::string_view key, std::string_view) override {
        unlocked.emplace_back(key);
        return {};
    }

    bool taken = false;
    std::vector<std::string> locked;
    std::vector<std::string> unlocked;
};

class KitTokenRefresherTest : public ::testing::Test {
protected:
    KitTokenRefresherTest() {
        session_.connection.id = 42;
        session_.credentials = {{"access_token", "at1"},
                                {"refresh_token", "rt1"},
                                {"expires_at", "2026-01-01T00:01:00Z"}};
        vault_.stored = session_.credentials;
    }

    // A refresh call that rotates the pair and records the refresh token it was given.
    RefreshCall Rotating() {
        return [this](std::string_view refresh_token) -> Result<TokenGrant> {
            used_.emplace_back(refresh_token);
            return TokenGrant{"at2", "", "rt2", kNow + std::chrono::hours(1), std::nullopt};
        };
    }

    FixedClock clock_;
    LockOnlyState state_;
    testing::MemoryVault vault_;
    ConnectorSession session_{Connection{}, Credentials{}, &vault_};
    std::vector<milliseconds> slept_;
    std::vector<std::string> used_;
    TokenRefresher refresher_{&state_,
                              clock_,
                              [this](milliseconds wait) { slept_.push_back(wait); },
                              "Acme",
                              "acme-refresh:"};
};

TEST_F(KitTokenRefresherTest, RefreshesAnExpiringTokenUnderTheLockAndSavesFirst) {
    ASSERT_TRUE(refresher_.EnsureFresh(session_, false, Rotating()));
    EXPECT_EQ(used_, (std::vector<std::string>{"rt1"}));
    EXPECT_EQ(vault_.saves, 1);
    EXPECT_EQ(vault_.stored.at("refresh_token"), "rt2");
    EXPECT_EQ(session_.credentials.at("access_token"), "at2");
    EXPECT_EQ(state_.locked, (std::vector<std::string>{"acme-refresh:42"}));
    EXPECT_EQ(state_.unlocked, state_.locked);
}

TEST_F(KitTokenRefresherTest, LeavesAFreshTokenAlone) {
    session_.credentials["expires_at"] = "2026-01-01T02:00:00Z";
    ASSERT_TRUE(refresher_.EnsureFresh(session_, false, Rotating()));
    EXPECT_TRUE(used_.empty());
    EXPECT_TRUE(state_.locked.empty());
}

TEST_F(KitTokenRefresherTest, UsesTokensThePreviousHolderAlreadySaved) {
    vault_.stored = {
        {"access_token", "at9"}, {"refresh_token", "rt9"}, {"expires_at", "2026-01-01T05:00:00Z"}};
    ASSERT_TRUE(refresher_.EnsureFresh(session_, true, Rotating()));
    EXPECT_TRUE(used_.empty());
    EXPECT_EQ(session_.credentials.at("access_token"), "at9");
}

TEST_F(KitTokenRefresherTest, ALoserWaitsForTheWinnersTokens) {
    state_.taken = true;
    const RefreshCall never = [](std::string_view) -> Result<TokenGrant> {
        ADD_FAILURE() << "a loser must not refresh";
        return Fail(ErrorCode::kInternal, "unreachable");
    };
    const auto failed = refresher_.EnsureFresh(session_, true, never);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(failed.error().message,
              "another process is refreshing this store's Acme token and has not finished");
    EXPECT_EQ(slept_.size(),
              static_cast<size_t>(TokenRefresher::kLoserWait / TokenRefresher::kLoserPoll));
}

TEST_F(KitTokenRefresherTest, ARejectedTokenWithoutRefreshTokenIsDead) {
    session_.credentials.erase("refresh_token");
    const auto dead = refresher_.EnsureFresh(session_, true, Rotating());
    ASSERT_FALSE(dead);
    EXPECT_EQ(dead.error().code, ErrorCode::kInvalidCredentials);
    EXPECT_EQ(dead.error().message, "Acme rejected the access token and it cannot be refreshed");
    // Not rejected, it has nothing to refresh: it is used until the platform refuses it.
    EXPECT_TRUE(refresher_.EnsureFresh(session_, false, Rotating()));
    EXPECT_TRUE(used_.empty());
}

}  // namespace
}  // namespace scs::kit
