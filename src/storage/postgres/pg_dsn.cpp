#include "storage/postgres/pg_dsn.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace scs {
namespace {

constexpr std::string_view kMask = "***";

// Where a value sits in the DSN text, [begin, end), and what it means once unquoted.
struct Field {
    std::string key;
    size_t begin = 0;
    size_t end = 0;
    std::string value;
};

bool IsUri(std::string_view dsn) {
    return dsn.starts_with("postgresql://") || dsn.starts_with("postgres://");
}

bool IsSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Like libpq: user info runs from after "://" to an '@' met before any '/'. Returns the position
// just past the '@', or the authority start when there is no user info.
size_t UriHostStart(std::string_view dsn) {
    const size_t start = dsn.find("://") + 3;
    const size_t stop = dsn.find_first_of("@/", start);
    return stop != std::string_view::npos && dsn[stop] == '@' ? stop + 1 : start;
}

std::optional<Field> UriUserPassword(std::string_view dsn) {
    const size_t start = dsn.find("://") + 3;
    const size_t host = UriHostStart(dsn);
    if (host == start) {
        return std::nullopt;
    }
    const size_t colon = dsn.find(':', start);
    if (colon == std::string_view::npos || colon >= host - 1) {
        return std::nullopt;
    }
    return Field{
        "password", colon + 1, host - 1, std::string(dsn.substr(colon + 1, host - 2 - colon))};
}

std::vector<Field> UriQueryFields(std::string_view dsn) {
    std::vector<Field> fields;
    const size_t query = dsn.find('?', UriHostStart(dsn));
    for (size_t pos = query; pos != std::string_view::npos && pos < dsn.size();) {
        ++pos;
        const size_t end = std::min(dsn.find('&', pos), dsn.size());
        const size_t equals = dsn.find('=', pos);
        if (equals < end) {
            fields.push_back({std::string(dsn.substr(pos, equals - pos)),
                              equals + 1,
                              end,
                              std::string(dsn.substr(equals + 1, end - equals - 1))});
        }
        pos = end;
    }
    return fields;
}

// A keyword value: single-quoted with backslash escapes, or bare up to white space.
size_t ReadKeywordValue(std::string_view dsn, size_t pos, std::string& value) {
    const bool quoted = pos < dsn.size() && dsn[pos] == '\'';
    pos += quoted ? 1 : 0;
    while (pos < dsn.size() && (quoted ? dsn[pos] != '\'' : !IsSpace(dsn[pos]))) {
        if (dsn[pos] == '\\' && pos + 1 < dsn.size()) {
            ++pos;
        }
        value.push_back(dsn[pos++]);
    }
    return quoted && pos < dsn.size() ? pos + 1 : pos;
}

size_t SkipSpaces(std::string_view dsn, size_t pos) {
    while (pos < dsn.size() && IsSpace(dsn[pos])) {
        ++pos;
    }
    return pos;
}

std::vector<Field> KeywordFields(std::string_view dsn) {
    std::vector<Field> fields;
    size_t pos = SkipSpaces(dsn, 0);
    while (pos < dsn.size()) {
        const size_t key_begin = pos;
        while (pos < dsn.size() && dsn[pos] != '=' && !IsSpace(dsn[pos])) {
            ++pos;
        }
        Field field{std::string(dsn.substr(key_begin, pos - key_begin)), 0, 0, {}};
        pos = SkipSpaces(dsn, pos);
        if (pos >= dsn.size() || dsn[pos] != '=') {
            break;  // malformed: libpq will say so when connecting
        }
        field.begin = SkipSpaces(dsn, pos + 1);
        field.end = ReadKeywordValue(dsn, field.begin, field.value);
        pos = SkipSpaces(dsn, field.end);
        fields.push_back(std::move(field));
    }
    return fields;
}

std::vector<Field> Fields(std::string_view dsn) {
    return IsUri(dsn) ? UriQueryFields(dsn) : KeywordFields(dsn);
}

std::vector<Field> Passwords(std::string_view dsn) {
    std::vector<Field> passwords;
    if (IsUri(dsn)) {
        if (auto user_password = UriUserPassword(dsn)) {
            passwords.push_back(std::move(*user_password));
        }
    }
    for (Field& field : Fields(dsn)) {
        if (field.key == "password") {
            passwords.push_back(std::move(field));
        }
    }
    return passwords;
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

std::string PercentDecode(std::string_view text) {
    std::string decoded;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool escape = text[i] == '%' && i + 2 < text.size();
        const int high = escape ? HexDigit(text[i + 1]) : -1;
        const int low = escape ? HexDigit(text[i + 2]) : -1;
        if (high >= 0 && low >= 0) {
            decoded.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            decoded.push_back(text[i]);
        }
    }
    return decoded;
}

void ReplaceAll(std::string& text, std::string_view needle) {
    if (needle.empty()) {
        return;
    }
    for (size_t pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + kMask.size())) {
        text.replace(pos, needle.size(), kMask);
    }
}

}  // namespace

std::string DsnPassword(std::string_view dsn) {
    const auto passwords = Passwords(dsn);
    return passwords.empty() ? std::string() : passwords.front().value;
}

std::string RedactDsn(std::string_view dsn) {
    auto passwords = Passwords(dsn);
    std::sort(passwords.begin(), passwords.end(), [](const Field& a, const Field& b) {
        return a.begin > b.begin;
    });
    std::string redacted(dsn);
    for (const Field& password : passwords) {
        redacted.replace(password.begin, password.end - password.begin, kMask);
    }
    return redacted;
}

std::string WithConnectTimeout(std::string_view dsn, std::chrono::milliseconds timeout) {
    const auto fields = Fields(dsn);
    const bool has_timeout = std::any_of(fields.begin(), fields.end(), [](const Field& field) {
        return field.key == "connect_timeout";
    });
    if (has_timeout) {
        return std::string(dsn);
    }
    const int64_t seconds = std::max<int64_t>(1, (timeout.count() + 999) / 1000);
    const std::string setting = "connect_timeout=" + std::to_string(seconds);
    if (IsUri(dsn)) {
        const bool has_query = dsn.find('?', UriHostStart(dsn)) != std::string_view::npos;
        return std::string(dsn) + (has_query ? "&" : "?") + setting;
    }
    return dsn.empty() ? setting : std::string(dsn) + " " + setting;
}

std::string ScrubSecret(std::string text, std::string_view secret) {
    ReplaceAll(text, secret);
    ReplaceAll(text, PercentDecode(secret));
    return text;
}

}  // namespace scs
