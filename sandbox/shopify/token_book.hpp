#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"

// The access tokens, authorization codes and refresh tokens of one sandbox store, with Shopify's
// rules (platform notes A1.1, A1.4): codes are single-use, one expiring offline token is active
// at a time, a refresh rotates the refresh token and kills the old access token. Not
// thread-safe: the owning store locks it.
namespace scs::sandbox {

struct IssuedToken {
    std::string access_token;
    std::string scope;
    std::optional<int64_t> expires_in;  // seconds; none for a non-expiring token
    std::string refresh_token;          // expiring tokens only
    int64_t refresh_token_expires_in = 0;
};

class TokenBook {
public:
    static constexpr int64_t kAccessTtlSeconds = 3600;
    static constexpr int64_t kRefreshTtlSeconds = int64_t{90} * 86'400;
    static constexpr int64_t kClientCredentialsTtlSeconds = 86'399;

    // `static_token`: the store's custom-app token, valid for ever ("" for none).
    explicit TokenBook(std::string static_token);

    bool Accepts(std::string_view token, TimePoint now) const;

    std::string IssueCode(std::string scope);

    // kOAuth ("invalid_request") for an unknown or already used code.
    [[nodiscard]] Result<IssuedToken> ExchangeCode(const std::string& code,
                                                   bool expiring,
                                                   TimePoint now);

    // kOAuth ("invalid_grant") for an unknown, used or expired refresh token.
    [[nodiscard]] Result<IssuedToken> Refresh(const std::string& refresh_token, TimePoint now);

    IssuedToken ClientCredentials(TimePoint now);

    // Every expiring access token expires now (a test hook: no waiting an hour).
    void ExpireAccessTokens(TimePoint now);

private:
    struct Access {
        std::optional<TimePoint> expires_at;
        bool expiring = false;
    };

    struct Refreshable {
        std::string access_token;
        std::string scope;
        TimePoint expires_at;
    };

    IssuedToken IssueExpiring(const std::string& scope, TimePoint now);

    std::map<std::string, Access, std::less<>> access_;
    std::map<std::string, std::string> codes_;  // code -> scope
    std::map<std::string, Refreshable> refresh_;
};

}  // namespace scs::sandbox
