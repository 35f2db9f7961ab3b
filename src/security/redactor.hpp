#pragma once

#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Keeps secrets out of logs and responses.
namespace scs {

// Knows the secret values registered at runtime (API tokens, platform credentials in use, master
// keys) and replaces them in text with "[REDACTED]". Lookup cost depends on the text length, not
// on how many secrets are registered. Owned by the composition root and shared (shared_ptr) with
// the logger for the life of the process. Thread-safe: AddSecret takes a unique lock, Redact a
// shared one.
class Redactor {
public:
    static constexpr std::string_view kMask = "[REDACTED]";
    // Shorter values are too likely to be ordinary words or numbers to mask everywhere.
    static constexpr size_t kMinSecretSize = 6;

    // Registers `value`; values shorter than kMinSecretSize are ignored. Idempotent.
    void AddSecret(std::string value);

    // `text` with every registered value replaced by kMask; the longest match wins.
    std::string Redact(std::string_view text) const;

    // Whether a field, header or parameter name denotes a secret: token, secret, password,
    // passwd, authorization, api_key, apikey, key, cookie, signature, hmac, credential(s),
    // access_token, refresh_token, client_secret, consumer_secret, alone or as the last word
    // ("x_shopify_access_token", "X-Shopify-Access-Token", "apiKey"). Case-insensitive.
    static bool IsSecretName(std::string_view field_name);

private:
    struct PrefixHash {
        using is_transparent = void;  // NOLINT(readability-identifier-naming): std spelling

        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    // First kMinSecretSize bytes -> the secrets starting with them, longest first.
    std::unordered_map<std::string, std::vector<std::string>, PrefixHash, std::equal_to<>>
        by_prefix_;
    mutable std::shared_mutex mutex_;
};

}  // namespace scs
