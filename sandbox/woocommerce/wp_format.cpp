#include "sandbox/woocommerce/wp_format.hpp"

#include <cmath>
#include <ctime>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

#include "sandbox/generator/minor_units.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

constexpr int64_t kSecondsPerDay = 86'400;

void AppendEscape(std::string& out, uint32_t code_unit) {
    out += fmt::format("\\u{:04x}", code_unit);
}

void AppendCodePoint(std::string& out, uint32_t code_point) {
    if (code_point < 0x10000) {
        AppendEscape(out, code_point);
        return;
    }
    const uint32_t offset = code_point - 0x10000;
    AppendEscape(out, 0xD800 + (offset >> 10U));
    AppendEscape(out, 0xDC00 + (offset & 0x3FFU));
}

// Decodes one UTF-8 sequence starting at text[i] (a non-ASCII lead byte); advances i past it.
// Malformed input decodes as U+FFFD, one byte at a time.
uint32_t DecodeUtf8(std::string_view text, size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t length = 0;
    uint32_t code = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        code = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        code = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        code = lead & 0x07U;
    }
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    for (size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0U) != 0x80U) {
            ++i;
            return 0xFFFD;
        }
        code = (code << 6U) | (next & 0x3FU);
    }
    i += length;
    return code;
}

void AppendAscii(std::string& out, char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '/':
            out += "\\/";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
        AppendEscape(out, static_cast<unsigned char>(c));
    } else {
        out.push_back(c);
    }
}

void AppendString(std::string& out, std::string_view text) {
    out.push_back('"');
    size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            AppendAscii(out, text[i]);
            ++i;
        } else {
            AppendCodePoint(out, DecodeUtf8(text, i));
        }
    }
    out.push_back('"');
}

void AppendDouble(std::string& out, double number) {
    if (!std::isfinite(number)) {
        out += "0";  // PHP refuses to encode these; nothing we render is infinite
        return;
    }
    std::string text = fmt::format("{}", number);
    if (text.find_first_of(".e") == std::string::npos) {
        text += ".0";
    }
    out += text;
}

void AppendValue(std::string& out, const json::value& value);

void AppendObject(std::string& out, const json::object& object) {
    out.push_back('{');
    bool first = true;
    for (const auto& entry : object) {
        if (!first) {
            out.push_back(',');
        }
        first = false;
        AppendString(out, entry.key());
        out.push_back(':');
        AppendValue(out, entry.value());
    }
    out.push_back('}');
}

void AppendArray(std::string& out, const json::array& array) {
    out.push_back('[');
    for (size_t i = 0; i < array.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        AppendValue(out, array[i]);
    }
    out.push_back(']');
}

void AppendValue(std::string& out, const json::value& value) {
    switch (value.kind()) {
        case json::kind::object:
            AppendObject(out, value.get_object());
            return;
        case json::kind::array:
            AppendArray(out, value.get_array());
            return;
        case json::kind::string:
            AppendString(out, value.get_string());
            return;
        case json::kind::int64:
            out += std::to_string(value.get_int64());
            return;
        case json::kind::uint64:
            out += std::to_string(value.get_uint64());
            return;
        case json::kind::double_:
            AppendDouble(out, value.get_double());
            return;
        case json::kind::bool_:
            out += value.get_bool() ? "true" : "false";
            return;
        case json::kind::null:
            out += "null";
            return;
    }
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146'097 + static_cast<int64_t>(day_of_era) - 719'468;
}

bool ReadNumber(std::string_view text, size_t& pos, size_t width, int& out) {
    if (pos + width > text.size()) {
        return false;
    }
    out = 0;
    for (size_t k = 0; k < width; ++k) {
        const char c = text[pos + k];
        if (c < '0' || c > '9') {
            return false;
        }
        out = out * 10 + (c - '0');
    }
    pos += width;
    return true;
}

struct DateParts {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

bool ReadDateParts(std::string_view text, size_t& pos, DateParts& parts) {
    const bool read = ReadNumber(text, pos, 4, parts.year) && text.substr(pos, 1) == "-" &&
                      ReadNumber(text, ++pos, 2, parts.month) && text.substr(pos, 1) == "-" &&
                      ReadNumber(text, ++pos, 2, parts.day) && pos < text.size() &&
                      (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ') &&
                      ReadNumber(text, ++pos, 2, parts.hour) && text.substr(pos, 1) == ":" &&
                      ReadNumber(text, ++pos, 2, parts.minute) && text.substr(pos, 1) == ":" &&
                      ReadNumber(text, ++pos, 2, parts.second);
    return read && parts.month >= 1 && parts.month <= 12 && parts.day >= 1 && parts.day <= 31 &&
           parts.hour <= 23 && parts.minute <= 59 && parts.second <= 60;
}

// Rounds the decimal `text` (digits, at most one '.') to `exponent` places, half away from zero.
std::optional<int64_t> DecimalToMinor(std::string_view text, int exponent) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if ((whole.empty() && fraction.empty()) || whole.size() > 15 ||
        whole.find_first_not_of("0123456789") != std::string_view::npos ||
        fraction.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    int64_t minor = 0;
    for (char c : whole) {
        minor = minor * 10 + (c - '0');
    }
    for (int k = 0; k < exponent; ++k) {
        const auto index = static_cast<size_t>(k);
        minor = minor * 10 + (index < fraction.size() ? fraction[index] - '0' : 0);
    }
    const auto next = static_cast<size_t>(exponent);
    if (next < fraction.size() && fraction[next] >= '5') {
        ++minor;
    }
    return negative ? -minor : minor;
}

}  // namespace

std::string PhpJsonEncode(const json::value& value) {
    std::string out;
    AppendValue(out, value);
    return out;
}

std::string WpDate(TimePoint time, int offset_minutes) {
    const auto local =
        std::chrono::floor<std::chrono::seconds>(time) + std::chrono::minutes(offset_minutes);
    const std::time_t seconds = Clock::to_time_t(Clock::time_point(local));
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                       parts.tm_year + 1900,
                       parts.tm_mon + 1,
                       parts.tm_mday,
                       parts.tm_hour,
                       parts.tm_min,
                       parts.tm_sec);
}

std::optional<TimePoint> ParseWpDate(std::string_view text, int offset_minutes) {
    size_t pos = 0;
    DateParts parts;
    if (!ReadDateParts(text, pos, parts)) {
        return std::nullopt;
    }
    int64_t millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        const size_t start = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            millis = pos - start < 3 ? millis * 10 + (text[pos] - '0') : millis;
            ++pos;
        }
        for (size_t digits = pos - start; digits < 3; ++digits) {
            millis *= 10;
        }
    }
    int offset = offset_minutes;
    if (pos < text.size()) {
        auto parsed = ParseUtcOffset(text.substr(pos));
        if (!parsed) {
            return std::nullopt;
        }
        offset = *parsed;
    }
    const int64_t days = DaysFromCivil(
        parts.year, static_cast<unsigned>(parts.month), static_cast<unsigned>(parts.day));
    const int64_t seconds = days * kSecondsPerDay + int64_t{parts.hour} * 3600 +
                            int64_t{parts.minute} * 60 + parts.second - int64_t{offset} * 60;
    return TimePoint(std::chrono::milliseconds(seconds * 1000 + millis));
}

std::optional<int> ParseUtcOffset(std::string_view text) {
    if (text == "Z" || text == "z" || text == "UTC") {
        return 0;
    }
    if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') {
        return std::nullopt;
    }
    size_t pos = 1;
    int hours = 0;
    int minutes = 0;
    if (!ReadNumber(text, pos, 2, hours) || !ReadNumber(text, ++pos, 2, minutes) || hours > 14 ||
        minutes > 59) {
        return std::nullopt;
    }
    const int total = hours * 60 + minutes;
    return text[0] == '-' ? -total : total;
}

std::string WcPrice(int64_t minor, int exponent) {
    return FormatMinorUnits(minor, exponent);
}

json::value WcPriceNumber(int64_t minor, int exponent) {
    int64_t scale = 1;
    for (int k = 0; k < exponent; ++k) {
        scale *= 10;
    }
    if (minor % scale == 0) {
        return minor / scale;
    }
    return static_cast<double>(minor) / static_cast<double>(scale);
}

std::optional<int64_t> ParseWcPrice(const json::value& value, int exponent) {
    if (value.is_string()) {
        return DecimalToMinor(value.get_string(), exponent);
    }
    if (value.is_int64()) {
        return DecimalToMinor(std::to_string(value.get_int64()), exponent);
    }
    if (value.is_double()) {
        return DecimalToMinor(fmt::format("{:.6f}", value.get_double()), exponent);
    }
    return std::nullopt;
}

}  // namespace scs::sandbox::woocommerce
