#include "sandbox/shopify/oauth_query.hpp"

#include <cctype>

#include <fmt/format.h>

#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

std::string FormDecode(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
                   HexValue(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

std::string QueryEncode(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '*' || c == '-' || c == '.' || c == '_') {
            out.push_back(c);
        } else {
            out += fmt::format("%{:02X}", byte);
        }
    }
    return out;
}

std::string CanonicalQuery(const std::map<std::string, std::string>& params) {
    std::string query;
    for (const auto& [key, value] : params) {
        if (key == "hmac" || key == "signature") {
            continue;
        }
        query += (query.empty() ? "" : "&") + QueryEncode(key) + "=" + QueryEncode(value);
    }
    return query;
}

std::string QueryHmac(const std::map<std::string, std::string>& params, std::string_view secret) {
    return HexEncode(HmacSha256(secret, CanonicalQuery(params)));
}

std::map<std::string, std::string> ParseForm(std::string_view body) {
    std::map<std::string, std::string> form;
    while (!body.empty()) {
        const size_t amp = body.find('&');
        const std::string_view pair = body.substr(0, amp);
        const size_t equals = pair.find('=');
        if (!pair.empty()) {
            form[FormDecode(pair.substr(0, equals))] =
                equals == std::string_view::npos ? "" : FormDecode(pair.substr(equals + 1));
        }
        body = amp == std::string_view::npos ? "" : body.substr(amp + 1);
    }
    return form;
}

}  // namespace scs::sandbox
