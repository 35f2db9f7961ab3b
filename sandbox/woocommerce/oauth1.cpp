#include "sandbox/woocommerce/oauth1.hpp"

#include <array>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "security/crypto.hpp"

namespace scs::sandbox::woocommerce {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool IsUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

}  // namespace

std::string RawUrlDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool escape = text[i] == '%' && i + 2 < text.size();
        const int high = escape ? HexValue(text[i + 1]) : -1;
        const int low = escape ? HexValue(text[i + 2]) : -1;
        if (high >= 0 && low >= 0) {
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

namespace {

// "k=v" pairs of one top-level parameter, as join_with_equals_sign() builds them.
void JoinParam(const std::string& key, const PhpValue& value, std::vector<std::string>& out) {
    const std::string encoded_key = RawUrlEncode(key);
    if (!value.is_array) {
        out.push_back(RawUrlEncode(encoded_key + "=" + RawUrlEncode(value.scalar)));
        return;
    }
    for (const auto& [sub_key, sub_value] : value.entries) {
        std::string pair = encoded_key;
        pair += "%5B";
        pair += sub_key;
        pair += "%5D=";
        pair += RawUrlEncode(sub_value);
        out.push_back(RawUrlEncode(pair));
    }
}

const EVP_MD* Digest(std::string_view algorithm) {
    if (algorithm == "sha1") {
        return EVP_sha1();
    }
    if (algorithm == "sha256") {
        return EVP_sha256();
    }
    if (algorithm == "md5") {
        return EVP_md5();
    }
    return nullptr;
}

}  // namespace

void AddPhpParam(PhpParams& params, std::string_view name, std::string value) {
    const size_t open = name.find('[');
    if (open == std::string_view::npos || open == 0 || name.back() != ']') {
        auto& slot = params[std::string(name)];
        slot = PhpValue{std::move(value), {}, false};
        return;
    }
    auto& slot = params[std::string(name.substr(0, open))];
    if (!slot.is_array) {
        slot = PhpValue{{}, {}, true};
    }
    std::string sub_key(name.substr(open + 1, name.size() - open - 2));
    if (sub_key.empty()) {
        // "k[]": the next integer index, as PHP appends.
        sub_key = std::to_string(slot.entries.size());
    }
    for (auto& entry : slot.entries) {
        if (entry.first == sub_key) {
            entry.second = std::move(value);
            return;
        }
    }
    slot.entries.emplace_back(std::move(sub_key), std::move(value));
}

void ParsePhpQuery(std::string_view query, PhpParams& params) {
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const size_t equals = pair.find('=');
        const std::string name = UrlDecode(pair.substr(0, equals));
        if (name.empty()) {
            continue;
        }
        AddPhpParam(params,
                    name,
                    equals == std::string_view::npos ? "" : UrlDecode(pair.substr(equals + 1)));
    }
}

std::string UrlDecode(std::string_view text) {
    std::string plus_as_space(text);
    for (auto& c : plus_as_space) {
        c = c == '+' ? ' ' : c;
    }
    return RawUrlDecode(plus_as_space);
}

std::string UrlEncode(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ' ') {
            out.push_back('+');
        } else if (IsUnreserved(c) && c != '~') {
            out.push_back(c);
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        }
    }
    return out;
}

std::string RawUrlEncode(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (IsUnreserved(c)) {
            out.push_back(c);
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> ParseOAuthHeader(std::string_view header) {
    std::vector<std::pair<std::string, std::string>> params;
    if (header.substr(0, 6) != "OAuth ") {
        return params;
    }
    std::string_view rest = header.substr(6);
    while (!rest.empty()) {
        const size_t start = rest.find("oauth_");
        if (start == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(start);
        const size_t equals = rest.find('=');
        if (equals == std::string_view::npos) {
            break;
        }
        const std::string name(rest.substr(0, equals));
        rest.remove_prefix(equals + 1);
        std::string_view value;
        if (!rest.empty() && rest.front() == '"') {
            const size_t close = rest.find('"', 1);
            value = rest.substr(1, close == std::string_view::npos ? rest.npos : close - 1);
            rest.remove_prefix(close == std::string_view::npos ? rest.size() : close + 1);
        } else {
            const size_t comma = rest.find(',');
            value = rest.substr(0, comma);
            rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma);
        }
        params.emplace_back(name, UrlDecode(value));
    }
    return params;
}

std::string OAuthBaseString(std::string_view method,
                            std::string_view url,
                            const PhpParams& params) {
    std::vector<std::string> pairs;
    for (const auto& [key, value] : params) {
        JoinParam(key, value, pairs);
    }
    std::string joined;
    for (const auto& pair : pairs) {
        joined += joined.empty() ? pair : "%26" + pair;
    }
    return std::string(method) + "&" + RawUrlEncode(url) + "&" + joined;
}

std::optional<std::string> OAuthSignature(std::string_view signature_method,
                                          std::string_view key,
                                          std::string_view base_string) {
    if (signature_method != "HMAC-SHA1" && signature_method != "HMAC-SHA256") {
        return std::nullopt;
    }
    const std::string_view algorithm = signature_method == "HMAC-SHA1" ? "sha1" : "sha256";
    return Base64Encode(Hmac(algorithm, key, base_string));
}

std::string Hmac(std::string_view algorithm, std::string_view key, std::string_view data) {
    const EVP_MD* digest = Digest(algorithm);
    if (digest == nullptr) {
        return {};
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    HMAC(digest,
         key.data(),
         static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()),
         data.size(),
         out.data(),
         &length);
    return {reinterpret_cast<const char*>(out.data()), length};
}

}  // namespace scs::sandbox::woocommerce
