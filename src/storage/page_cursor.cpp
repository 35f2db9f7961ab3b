#include "storage/page_cursor.hpp"

#include <charconv>
#include <cstdint>

namespace scs {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string Base64UrlEncode(std::string_view bytes) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (const unsigned char byte : bytes) {
        buffer = (buffer << 8U) | byte;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kAlphabet[(buffer >> static_cast<uint32_t>(bits)) & 0x3FU]);
        }
    }
    if (bits > 0) {
        out.push_back(kAlphabet[(buffer << static_cast<uint32_t>(6 - bits)) & 0x3FU]);
    }
    return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
    std::string out;
    uint32_t buffer = 0;
    int bits = 0;
    for (const char ch : text) {
        const auto value = kAlphabet.find(ch);
        if (value == std::string_view::npos) {
            return std::nullopt;
        }
        buffer = (buffer << 6U) | static_cast<uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> static_cast<uint32_t>(bits)) & 0xFFU));
        }
    }
    return out;
}

}  // namespace

std::string EncodePageCursor(const PageKey& key) {
    return Base64UrlEncode(std::to_string(ToUnixMillis(key.stored_at)) + ":" + key.id);
}

std::optional<PageKey> DecodePageCursor(std::string_view cursor) {
    const auto text = Base64UrlDecode(cursor);
    if (!text) {
        return std::nullopt;
    }
    const auto colon = text->find(':');
    if (colon == std::string::npos || colon + 1 == text->size()) {
        return std::nullopt;
    }
    int64_t millis = 0;
    const char* end = text->data() + colon;
    const auto [ptr, ec] = std::from_chars(text->data(), end, millis);
    if (ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return PageKey{FromUnixMillis(millis), text->substr(colon + 1)};
}

}  // namespace scs
