#include "sandbox/shopify/token_book.hpp"

#include "security/crypto.hpp"

namespace scs::sandbox {

TokenBook::TokenBook(std::string static_token) {
    if (!static_token.empty()) {
        access_[std::move(static_token)] = Access{};
    }
}

bool TokenBook::Accepts(std::string_view token, TimePoint now) const {
    const auto found = access_.find(token);
    return found != access_.end() && (!found->second.expires_at || now < *found->second.expires_at);
}

std::string TokenBook::IssueCode(std::string scope) {
    std::string code = RandomToken(16);
    codes_[code] = std::move(scope);
    return code;
}

Result<IssuedToken> TokenBook::ExchangeCode(const std::string& code, bool expiring, TimePoint now) {
    const auto found = codes_.find(code);
    if (found == codes_.end()) {
        return Fail(ErrorCode::kOAuth, "invalid_request");
    }
    const std::string scope = found->second;
    codes_.erase(found);
    if (expiring) {
        return IssueExpiring(scope, now);
    }
    IssuedToken token{"shpat_" + RandomToken(16), scope, std::nullopt, {}, 0};
    access_[token.access_token] = Access{};
    return token;
}

Result<IssuedToken> TokenBook::Refresh(const std::string& refresh_token, TimePoint now) {
    const auto found = refresh_.find(refresh_token);
    if (found == refresh_.end() || now >= found->second.expires_at) {
        return Fail(ErrorCode::kOAuth, "invalid_grant");
    }
    const std::string scope = found->second.scope;
    access_.erase(found->second.access_token);
    refresh_.erase(found);
    return IssueExpiring(scope, now);
}

IssuedToken TokenBook::ClientCredentials(TimePoint now) {
    IssuedToken token{"shpat_" + RandomToken(16), "", kClientCredentialsTtlSeconds, {}, 0};
    access_[token.access_token] =
        Access{now + std::chrono::seconds(kClientCredentialsTtlSeconds), true};
    return token;
}

void TokenBook::ExpireAccessTokens(TimePoint now) {
    for (auto& [token, access] : access_) {
        if (access.expiring) {
            access.expires_at = now;
        }
    }
}

// Only one expiring offline token is active per app and shop: a new one revokes the others.
IssuedToken TokenBook::IssueExpiring(const std::string& scope, TimePoint now) {
    std::erase_if(access_, [](const auto& entry) { return entry.second.expiring; });
    refresh_.clear();
    IssuedToken token{"shpat_" + RandomToken(16),
                      scope,
                      kAccessTtlSeconds,
                      "shprt_" + RandomToken(16),
                      kRefreshTtlSeconds};
    access_[token.access_token] = Access{now + std::chrono::seconds(kAccessTtlSeconds), true};
    refresh_[token.refresh_token] =
        Refreshable{token.access_token, scope, now + std::chrono::seconds(kRefreshTtlSeconds)};
    return token;
}

}  // namespace scs::sandbox
