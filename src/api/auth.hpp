#pragma once

#include <functional>
#include <map>
#include <string>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace scs {

// Who is calling the internal API.
struct Principal {
    bool admin = false;
    std::string seller_id;  // set for a seller-scoped token

    // A seller-scoped token sees only its own seller's resources.
    bool MaySee(std::string_view seller) const { return admin || seller_id == seller; }
};

// Checks bearer tokens against SHA-256 hashes held in memory: one admin hash and one per seller.
// Immutable after construction; thread-safe.
class TokenAuthenticator {
public:
    // admin_token_sha256 may be empty (no admin token); seller_tokens maps seller id -> hash.
    TokenAuthenticator(std::string admin_token_sha256,
                       std::map<std::string, std::string> seller_tokens);

    // kAuthentication for a missing, malformed or unknown token.
    [[nodiscard]] Result<Principal> Authenticate(const HttpRequest& request) const;

private:
    std::string admin_hash_;
    std::map<std::string, std::string> seller_hashes_;
};

using AuthedHandler = std::function<HttpResponse(HttpRequest&, const Principal&)>;

// Wraps a handler so it runs only for an authenticated caller; answers 401 otherwise.
std::function<HttpResponse(HttpRequest&)> RequireAuth(const TokenAuthenticator& auth,
                                                      AuthedHandler handler);

}  // namespace scs
