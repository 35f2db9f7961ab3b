#include "api/auth.hpp"

#include <utility>

#include "security/crypto.hpp"

namespace scs {

TokenAuthenticator::TokenAuthenticator(std::string admin_token_sha256,
                                       std::map<std::string, std::string> seller_tokens)
    : admin_hash_(std::move(admin_token_sha256)), seller_hashes_(std::move(seller_tokens)) {}

Result<Principal> TokenAuthenticator::Authenticate(const HttpRequest& request) const {
    const auto header = request.Header("Authorization");
    constexpr std::string_view kScheme = "Bearer ";
    if (!header || header->size() <= kScheme.size() ||
        header->substr(0, kScheme.size()) != kScheme) {
        return Fail(ErrorCode::kAuthentication, "missing bearer token (Authorization: Bearer …)");
    }
    const std::string hash = HashApiToken(header->substr(kScheme.size()));
    // Compare against every hash, so the time taken does not reveal which kind matched.
    bool is_admin = !admin_hash_.empty() && ConstantTimeEquals(hash, admin_hash_);
    std::string seller;
    for (const auto& [seller_id, seller_hash] : seller_hashes_) {
        if (ConstantTimeEquals(hash, seller_hash)) {
            seller = seller_id;
        }
    }
    if (is_admin) {
        return Principal{true, {}};
    }
    if (!seller.empty()) {
        return Principal{false, seller};
    }
    return Fail(ErrorCode::kAuthentication, "invalid API token");
}

std::function<HttpResponse(HttpRequest&)> RequireAuth(const TokenAuthenticator& auth,
                                                      AuthedHandler handler) {
    return [&auth, handler = std::move(handler)](HttpRequest& request) {
        auto principal = auth.Authenticate(request);
        if (!principal) {
            auto response = ErrorResponse(principal.error());
            response.headers.emplace_back("WWW-Authenticate", "Bearer");
            return response;
        }
        return handler(request, *principal);
    };
}

}  // namespace scs
