#pragma once

#include <chrono>
#include <string_view>

#include "connectors/connector.hpp"
#include "connectors/shopify/shopify_graphql.hpp"
#include "connectors/shopify/shopify_oauth.hpp"
#include "state/state_store.hpp"

namespace scs {

// Keeps a session's expiring offline token usable (platforms doc A1.4). Shopify rotates the
// refresh token on every use and keeps one token pair alive per app and shop, so only ONE
// process may refresh a connection at a time: the winner of StateStore::TryLock
// "shopify-refresh:<connection id>" refreshes and saves the rotated pair through the
// CredentialVault BEFORE using it; a loser waits for the winner's tokens to appear in the vault.
// Without a StateStore the refresh runs unlocked (one process). Owned by one connector; not
// thread-safe.
class ShopifyTokenRefresher {
public:
    ShopifyTokenRefresher(HttpClient& http,
                          StateStore* state,
                          const TimeSource& clock,
                          ShopifyAppSettings app,
                          Sleeper sleep);

    // Refreshes when the token expires within five minutes, or always when `rejected` (the
    // platform just answered 401). Success leaves fresh tokens in session.credentials.
    // kInvalidCredentials when a rejected token cannot be refreshed (no refresh token, no
    // vault, or Shopify refuses the refresh token); kUnavailable when another process's refresh
    // did not finish in time.
    [[nodiscard]] Status EnsureFresh(ConnectorSession& session,
                                     std::string_view shop_url,
                                     bool rejected);

    // How long a loser waits for the winner, polling the vault.
    static constexpr std::chrono::milliseconds kLoserWait{10000};
    static constexpr std::chrono::milliseconds kLoserPoll{100};

private:
    [[nodiscard]] Status RefreshLocked(ConnectorSession& session,
                                       std::string_view shop_url,
                                       const std::string& stale_token);
    [[nodiscard]] Status AwaitOtherRefresh(ConnectorSession& session,
                                           const std::string& stale_token);

    HttpClient& http_;
    StateStore* state_;
    const TimeSource& clock_;
    ShopifyAppSettings app_;
    Sleeper sleep_;
};

}  // namespace scs
