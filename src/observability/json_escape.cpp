#include "observability/json_escape.hpp"

#include <cstdint>

namespace scs {
namespace {

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

struct LeadByte {
    size_t length = 0;       // 0: not a valid lead byte
    uint32_t bits = 0;       // the code point bits it carries
    uint32_t min_value = 0;  // smaller code points are overlong encodings
};

LeadByte DecodeLead(unsigned char b) {
    if ((b & 0xE0U) == 0xC0U) {
        return {2, b & 0x1FU, 0x80};
    }
    if ((b & 0xF0U) == 0xE0U) {
        return {3, b & 0x0FU, 0x800};
    }
    if ((b & 0xF8U) == 0xF0U) {
        return {4, b & 0x07U, 0x10000};
    }
    return {};
}

// The length of the valid multi-byte UTF-8 sequence at the start of `s`, or 0 if it is invalid
// (bad lead or continuation byte, truncated, overlong, a surrogate, or beyond U+10FFFF).
size_t ValidSequenceLength(std::string_view s) {
    const LeadByte lead = DecodeLead(static_cast<unsigned char>(s[0]));
    if (lead.length == 0 || s.size() < lead.length) {
        return 0;
    }
    uint32_t code_point = lead.bits;
    for (size_t i = 1; i < lead.length; ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if ((b & 0xC0U) != 0x80U) {
            return 0;
        }
        code_point = (code_point << 6U) | (b & 0x3FU);
    }
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    if (code_point < lead.min_value || code_point > 0x10FFFF || surrogate) {
        return 0;
    }
    return lead.length;
}

void AppendEscapedAscii(std::string& out, char c) {
    constexpr std::string_view kHex = "0123456789abcdef";
    switch (c) {
        case '"':
            out.append("\\\"");
            return;
        case '\\':
            out.append("\\\\");
            return;
        case '\n':
            out.append("\\n");
            return;
        case '\r':
            out.append("\\r");
            return;
        case '\t':
            out.append("\\t");
            return;
        default:
            break;
    }
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20U) {
        out.push_back(c);
        return;
    }
    out.append("\\u00");
    out.push_back(kHex[b >> 4U]);
    out.push_back(kHex[b & 0x0FU]);
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size() + 2);
    out.push_back('"');
    size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80U) {
            AppendEscapedAscii(out, text[i++]);
            continue;
        }
        const size_t length = ValidSequenceLength(text.substr(i));
        if (length == 0) {
            out.append(kReplacementChar);
            ++i;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
    out.push_back('"');
}

std::string JsonString(std::string_view text) {
    std::string out;
    AppendJsonString(out, text);
    return out;
}

}  // namespace scs
