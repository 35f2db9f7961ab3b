#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "connectors/connector.hpp"
#include "connectors/kit/oauth2.hpp"
#include "connectors/kit/platform_call.hpp"
#include "core/time.hpp"
#include "state/state_store.hpp"

namespace scs::kit {

// Trades a refresh token for a new grant at the platform (e.g. kit::RefreshAccessToken).
using RefreshCall = std::function<Result<TokenGrant>(std::string_view refresh_token)>;

// Keeps a session's expiring OAuth token usable, for platforms that ROTATE the refresh token on
// every use (each use revokes the previous one). So only ONE process may refresh a connection
// at a time: the winner of StateStore::TryLock "<lock_prefix><connection id>" refreshes and
// saves the rotated pair through the CredentialVault BEFORE using it; a loser waits for the
// winner's tokens to appear in the vault. Without a StateStore the refresh runs unlocked (one
// process). Owned by one connector; not thread-safe.
class TokenRefresher {
public:
    // `platform` names the platform in messages ("Shopify"); `lock_prefix` is its lock's
    // ("shopify-refresh:").
    TokenRefresher(StateStore* state,
                   const TimeSource& clock,
                   Sleep sleep,
                   std::string_view platform,
                   std::string_view lock_prefix);

    // Refreshes when the token expires within kRefreshMargin, or always when `rejected` (the
    // platform just answered 401). Success leaves fresh tokens in session.credentials.
    // kInvalidCredentials when a rejected token cannot be refreshed (no refresh token, no
    // vault, or the platform refuses the refresh token); kUnavailable when another process's
    // refresh did not finish in time.
    [[nodiscard]] Status EnsureFresh(ConnectorSession& session,
                                     bool rejected,
                                     const RefreshCall& refresh);

    // How long a loser waits for the winner, polling the vault.
    static constexpr std::chrono::milliseconds kLoserWait{10000};
    static constexpr std::chrono::milliseconds kLoserPoll{100};

private:
    [[nodiscard]] Status RefreshLocked(ConnectorSession& session,
                                       const std::string& stale_token,
                                       const RefreshCall& refresh);
    [[nodiscard]] Status AwaitOtherRefresh(ConnectorSession& session,
                                           const std::string& stale_token);

    StateStore* state_;
    const TimeSource& clock_;
    Sleep sleep_;
    std::string platform_;
    std::string lock_prefix_;
};

}  // namespace scs::kit
