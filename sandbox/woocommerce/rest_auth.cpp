#include "sandbox/woocommerce/rest_auth.hpp"

#include <array>
#include <charconv>

#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

constexpr int64_t kTimestampWindowSeconds = int64_t{15} * 60;

WpError AuthError(std::string message) {
    return WpError{401, "woocommerce_rest_authentication_error", std::move(message), {}, {}};
}

struct Credentials {
    std::string key;
    std::string secret;
};

std::optional<Credentials> BasicCredentials(const AuthInput& input) {
    const auto scalar = [&](const char* name) -> std::string {
        const auto found = input.query.find(name);
        return found == input.query.end() || found->second.is_array ? "" : found->second.scalar;
    };
    Credentials query{scalar("consumer_key"), scalar("consumer_secret")};
    if (!query.key.empty() && !query.secret.empty()) {
        return query;
    }
    if (!input.authorization || input.authorization->rfind("Basic ", 0) != 0) {
        return std::nullopt;
    }
    const auto decoded = Base64Decode(input.authorization->substr(6));
    const size_t colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos || colon == 0 || colon + 1 == decoded->size()) {
        return std::nullopt;
    }
    return Credentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

// perform_basic_authentication(): nullopt to fall through to OAuth.
std::optional<WpResult<std::optional<ApiKey>>> TryBasic(const KeyBook& keys,
                                                        const AuthInput& input) {
    const auto credentials = BasicCredentials(input);
    if (!credentials) {
        return std::nullopt;
    }
    auto key = keys.Find(credentials->key);
    if (!key) {
        return std::nullopt;
    }
    if (!ConstantTimeEquals(key->consumer_secret, credentials->secret)) {
        WpError error = AuthError("Consumer secret is invalid.");
        error.headers.emplace_back("WWW-Authenticate", kBasicRealm);
        return WpResult<std::optional<ApiKey>>(tl::unexpected(std::move(error)));
    }
    return WpResult<std::optional<ApiKey>>(std::optional<ApiKey>(std::move(*key)));
}

// get_oauth_parameters(): $_GET + $_POST + the Authorization header's oauth_* params.
PhpParams OAuthParams(const AuthInput& input) {
    PhpParams params = input.query;
    for (const auto& [name, value] : input.form) {
        params[name] = value;
    }
    if (input.authorization) {
        for (auto& [name, value] : ParseOAuthHeader(*input.authorization)) {
            params[name] = PhpValue{std::move(value), {}, false};
        }
    }
    return params;
}

std::string ScalarOf(const PhpParams& params, const std::string& name) {
    const auto found = params.find(name);
    return found == params.end() || found->second.is_array ? "" : found->second.scalar;
}

// The names of the required OAuth params that are missing; nullopt when none is present at all.
std::optional<std::vector<std::string>> MissingOAuthParams(const PhpParams& params) {
    static const std::array<std::string, 5> kRequired = {"oauth_consumer_key",
                                                         "oauth_timestamp",
                                                         "oauth_nonce",
                                                         "oauth_signature",
                                                         "oauth_signature_method"};
    std::vector<std::string> missing;
    for (const auto& name : kRequired) {
        if (ScalarOf(params, name).empty()) {
            missing.push_back(name);
        }
    }
    if (missing.size() == kRequired.size()) {
        return std::nullopt;
    }
    return missing;
}

std::optional<WpError> CheckSignature(const ApiKey& key, const AuthInput& input, PhpParams params) {
    std::string provided = ScalarOf(params, "oauth_signature");
    for (auto& c : provided) {
        c = c == ' ' ? '+' : c;
    }
    provided = RawUrlDecode(provided);
    params.erase("oauth_signature");
    const std::string method = ScalarOf(params, "oauth_signature_method");
    const std::string base = OAuthBaseString(input.method, input.signing_url, params);
    const auto expected = OAuthSignature(method, key.consumer_secret + "&", base);
    if (!expected) {
        return AuthError("Invalid signature - signature method is invalid.");
    }
    if (!ConstantTimeEquals(*expected, provided)) {
        return AuthError("Invalid signature - provided signature does not match.");
    }
    return std::nullopt;
}

std::optional<WpError> CheckTimestampAndNonce(KeyBook& keys,
                                              const ApiKey& key,
                                              const PhpParams& params,
                                              TimePoint now) {
    const std::string text = ScalarOf(params, "oauth_timestamp");
    int64_t timestamp = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), timestamp);
    const int64_t now_seconds = ToUnixMillis(now) / 1000;
    if (error != std::errc() || end != text.data() + text.size() ||
        timestamp < now_seconds - kTimestampWindowSeconds ||
        timestamp > now_seconds + kTimestampWindowSeconds) {
        return AuthError("Invalid timestamp.");
    }
    if (!keys.TryUseNonce(key.key_id, timestamp, ScalarOf(params, "oauth_nonce"), now)) {
        return AuthError("Invalid nonce - nonce has already been used.");
    }
    return std::nullopt;
}

WpResult<std::optional<ApiKey>> TryOAuth(KeyBook& keys, const AuthInput& input, TimePoint now) {
    PhpParams params = OAuthParams(input);
    const auto missing = MissingOAuthParams(params);
    if (!missing) {
        return std::optional<ApiKey>{};
    }
    if (!missing->empty()) {
        std::string names;
        for (const auto& name : *missing) {
            names += names.empty() ? name : ", " + name;
        }
        const char* prefix =
            missing->size() == 1 ? "Missing OAuth parameter " : "Missing OAuth parameters ";
        return WpFail(401, "woocommerce_rest_authentication_missing_parameter", prefix + names);
    }
    auto key = keys.Find(ScalarOf(params, "oauth_consumer_key"));
    if (!key) {
        return tl::unexpected(AuthError("Consumer key is invalid."));
    }
    if (auto error = CheckSignature(*key, input, params)) {
        return tl::unexpected(std::move(*error));
    }
    if (auto error = CheckTimestampAndNonce(keys, *key, params, now)) {
        return tl::unexpected(std::move(*error));
    }
    return std::optional<ApiKey>(std::move(*key));
}

}  // namespace

WpResult<std::optional<ApiKey>> Authenticate(KeyBook& keys, const AuthInput& input, TimePoint now) {
    if (input.ssl) {
        if (auto basic = TryBasic(keys, input)) {
            return std::move(*basic);
        }
    }
    return TryOAuth(keys, input, now);
}

std::optional<WpError> CheckKeyPermissions(const ApiKey& key, const std::string& method) {
    const std::string& p = key.permissions;
    if (method == "GET" || method == "HEAD") {
        if (p != "read" && p != "read_write") {
            return AuthError("The API key provided does not have read permissions.");
        }
        return std::nullopt;
    }
    if (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE") {
        if (p != "write" && p != "read_write") {
            return AuthError("The API key provided does not have write permissions.");
        }
        return std::nullopt;
    }
    if (method == "OPTIONS") {
        return std::nullopt;
    }
    return AuthError("Unknown request method.");
}

}  // namespace scs::sandbox::woocommerce
