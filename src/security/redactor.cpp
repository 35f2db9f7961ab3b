#include "security/redactor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

namespace scs {
namespace {

constexpr std::array<std::string_view, 17> kSecretWords = {
    "token",
    "secret",
    "password",
    "passwd",
    "authorization",
    "api_key",
    "apikey",
    "key",
    "cookie",
    "signature",
    "hmac",
    "credential",
    "credentials",
    "access_token",
    "refresh_token",
    "client_secret",
    "consumer_secret",
};

bool IsUpper(char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}

bool IsLower(char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0;
}

// "X-Shopify-Access-Token" and "accessToken" both become "..._access_token"; trailing digits
// and separators ("signature_256") are dropped.
std::string NormalizeName(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 4);
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (IsUpper(c) && i > 0 && IsLower(name[i - 1])) {
            out.push_back('_');
        }
        const bool separator = c == '-' || c == '.' || c == ' ';
        out.push_back(separator ? '_'
                                : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    const auto last = out.find_last_not_of("_0123456789");
    out.resize(last == std::string::npos ? 0 : last + 1);
    return out;
}

bool EndsWithWord(std::string_view name, std::string_view word) {
    if (name == word) {
        return true;
    }
    return name.size() > word.size() && name.ends_with(word) &&
           name[name.size() - word.size() - 1] == '_';
}

}  // namespace

void Redactor::AddSecret(std::string value) {
    if (value.size() < kMinSecretSize) {
        return;
    }
    const std::unique_lock lock(mutex_);
    auto& bucket = by_prefix_[value.substr(0, kMinSecretSize)];
    if (std::find(bucket.begin(), bucket.end(), value) != bucket.end()) {
        return;
    }
    bucket.push_back(std::move(value));
    std::stable_sort(bucket.begin(), bucket.end(), [](const auto& a, const auto& b) {
        return a.size() > b.size();
    });
}

std::string Redactor::Redact(std::string_view text) const {
    const std::shared_lock lock(mutex_);
    if (by_prefix_.empty() || text.size() < kMinSecretSize) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i + kMinSecretSize <= text.size()) {
        const auto rest = text.substr(i);
        const auto bucket = by_prefix_.find(rest.substr(0, kMinSecretSize));
        const std::string* match = nullptr;
        if (bucket != by_prefix_.end()) {
            const auto& secrets = bucket->second;
            const auto it = std::find_if(
                secrets.begin(), secrets.end(), [&](const auto& s) { return rest.starts_with(s); });
            match = it == secrets.end() ? nullptr : &*it;
        }
        if (match == nullptr) {
            out.push_back(text[i++]);
            continue;
        }
        out.append(kMask);
        i += match->size();
    }
    out.append(text.substr(i));
    return out;
}

bool Redactor::IsSecretName(std::string_view field_name) {
    const std::string name = NormalizeName(field_name);
    return std::any_of(kSecretWords.begin(), kSecretWords.end(), [&](std::string_view word) {
        return EndsWithWord(name, word);
    });
}

}  // namespace scs
