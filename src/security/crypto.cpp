#include "security/crypto.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace scs {
namespace {

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kInvalidSextet = -1;

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

unsigned char* MutableBytes(std::string& s) {
    return reinterpret_cast<unsigned char*>(s.data());
}

int SextetOf(char c) {
    const auto pos = kBase64Alphabet.find(c);
    return pos == std::string_view::npos ? kInvalidSextet : static_cast<int>(pos);
}

// Decodes one 4-character group into `out`; `pad` of its trailing characters are '='.
bool DecodeGroup(std::string_view group, size_t pad, std::string& out) {
    uint32_t bits = 0;
    for (size_t i = 0; i < 4; ++i) {
        const int sextet = i < 4 - pad ? SextetOf(group[i]) : 0;
        if (sextet == kInvalidSextet) {
            return false;
        }
        bits = (bits << 6U) | static_cast<uint32_t>(sextet);
    }
    out.push_back(static_cast<char>((bits >> 16U) & 0xFFU));
    if (pad < 2) {
        out.push_back(static_cast<char>((bits >> 8U) & 0xFFU));
    }
    if (pad < 1) {
        out.push_back(static_cast<char>(bits & 0xFFU));
    }
    return true;
}

size_t PaddingOf(std::string_view text) {
    size_t pad = 0;
    while (pad < 2 && pad < text.size() && text[text.size() - 1 - pad] == '=') {
        ++pad;
    }
    return pad;
}

}  // namespace

std::string HmacSha256(std::string_view key, std::string_view data) {
    std::string out(EVP_MAX_MD_SIZE, '\0');
    unsigned int len = 0;
    // HMAC() takes the key length as int; keys here are short secrets, far below INT_MAX.
    const unsigned char* ok = HMAC(EVP_sha256(),
                                   key.data(),
                                   static_cast<int>(key.size()),
                                   Bytes(data),
                                   data.size(),
                                   MutableBytes(out),
                                   &len);
    if (ok == nullptr) {
        throw std::runtime_error("HMAC-SHA256 failed inside OpenSSL");
    }
    out.resize(len);
    return out;
}

std::string Sha256(std::string_view data) {
    std::string out(EVP_MAX_MD_SIZE, '\0');
    unsigned int len = 0;
    if (EVP_Digest(data.data(), data.size(), MutableBytes(out), &len, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed inside OpenSSL");
    }
    out.resize(len);
    return out;
}

std::string HexEncode(std::string_view bytes) {
    constexpr std::string_view kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(kDigits[b >> 4U]);
        out.push_back(kDigits[b & 0x0FU]);
    }
    return out;
}

std::string Base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        uint32_t bits = 0;
        for (size_t j = 0; j < 3; ++j) {
            const uint32_t b = j < n ? static_cast<unsigned char>(bytes[i + j]) : 0U;
            bits = (bits << 8U) | b;
        }
        for (size_t j = 0; j < 4; ++j) {
            out.push_back(j <= n ? kBase64Alphabet[(bits >> (18 - 6 * j)) & 0x3FU] : '=');
        }
    }
    return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
    if (text.size() % 4 != 0) {
        return std::nullopt;
    }
    const size_t pad = PaddingOf(text);
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        if (!DecodeGroup(text.substr(i, 4), last ? pad : 0, out)) {
            return std::nullopt;
        }
    }
    return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string RandomBytes(size_t n) {
    std::string out(n, '\0');
    size_t done = 0;
    // RAND_bytes takes an int count; fill very large requests in chunks.
    while (done < n) {
        const size_t chunk = std::min<size_t>(n - done, std::numeric_limits<int>::max());
        if (RAND_bytes(MutableBytes(out) + done, static_cast<int>(chunk)) != 1) {
            throw std::runtime_error("the OpenSSL random generator failed");
        }
        done += chunk;
    }
    return out;
}

std::string RandomToken(size_t bytes) {
    return HexEncode(RandomBytes(bytes));
}

std::string HashApiToken(std::string_view token) {
    return HexEncode(Sha256(token));
}

}  // namespace scs
