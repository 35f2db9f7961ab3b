#include "core/money.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace scs {
namespace {

struct CurrencyDigits {
    std::string_view code;
    int exponent;
};

// ISO 4217 active codes whose exponent is not 2; every other listed code has 2.
constexpr auto kNonTwoDigit = std::to_array<CurrencyDigits>({
    {"BHD", 3}, {"BIF", 0}, {"CLF", 4}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3},
    {"OMR", 3}, {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"UYI", 0}, {"UYW", 4},
    {"VND", 0}, {"VUV", 0}, {"XAF", 0}, {"XOF", 0}, {"XPF", 0},
});

// ISO 4217 active codes with two decimals, sorted for binary search.
constexpr auto kTwoDigit = std::to_array<std::string_view>({
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD",
    "BDT", "BGN", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR",
    "KPW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON",
    "RSD", "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
    "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD",
    "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR", "ZMW", "ZWG",
});
static_assert(std::is_sorted(kTwoDigit.begin(), kTwoDigit.end()));

Error AmountError(std::string_view decimal, std::string_view why) {
    return Error{ErrorCode::kInvalidPayload,
                 "amount \"" + std::string(decimal) + "\": " + std::string(why),
                 {},
                 std::nullopt};
}

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

bool AllDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// value * 10 +/- digit; accumulating negatives on the negative side reaches INT64_MIN exactly.
bool AppendDigit(int64_t& value, char digit, bool negative) {
    const int64_t d = digit - '0';
    if (__builtin_mul_overflow(value, int64_t{10}, &value)) {
        return false;
    }
    return negative ? !__builtin_sub_overflow(value, d, &value)
                    : !__builtin_add_overflow(value, d, &value);
}

}  // namespace

std::optional<int> CurrencyExponent(std::string_view currency) {
    for (const auto& entry : kNonTwoDigit) {
        if (entry.code == currency) {
            return entry.exponent;
        }
    }
    if (std::binary_search(kTwoDigit.begin(), kTwoDigit.end(), currency)) {
        return 2;
    }
    return std::nullopt;
}

Result<int64_t> ParseMinorUnits(std::string_view decimal, std::string_view currency) {
    const auto exponent = CurrencyExponent(currency);
    if (!exponent) {
        return tl::unexpected(
            AmountError(decimal, "unknown currency \"" + std::string(currency) + "\""));
    }
    const bool negative = !decimal.empty() && decimal.front() == '-';
    const std::string_view body = negative ? decimal.substr(1) : decimal;
    const size_t dot = body.find('.');
    const std::string_view whole = body.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? "" : body.substr(dot + 1);
    if (!AllDigits(whole) || (dot != std::string_view::npos && !AllDigits(fraction))) {
        return tl::unexpected(AmountError(decimal, "not a decimal number"));
    }
    const auto places = static_cast<size_t>(*exponent);
    if (fraction.size() > places &&
        fraction.find_first_not_of('0', places) != std::string_view::npos) {
        return tl::unexpected(AmountError(
            decimal, "more decimals than " + std::string(currency) + " has; refusing to round"));
    }
    int64_t value = 0;
    bool ok = true;
    for (const char c : whole) {
        ok = ok && AppendDigit(value, c, negative);
    }
    for (size_t i = 0; i < places; ++i) {
        ok = ok && AppendDigit(value, i < fraction.size() ? fraction[i] : '0', negative);
    }
    if (!ok) {
        return tl::unexpected(AmountError(decimal, "out of range"));
    }
    return value;
}

Result<std::string> FormatMinorUnits(int64_t minor, std::string_view currency) {
    const auto exponent = CurrencyExponent(currency);
    if (!exponent) {
        return Fail(ErrorCode::kInvalidPayload,
                    "unknown currency \"" + std::string(currency) + "\"");
    }
    // The magnitude as unsigned, so INT64_MIN has one too.
    const uint64_t magnitude =
        minor < 0 ? uint64_t{0} - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
    std::string digits = std::to_string(magnitude);
    const auto places = static_cast<size_t>(*exponent);
    if (digits.size() <= places) {
        digits.insert(0, places + 1 - digits.size(), '0');
    }
    if (places > 0) {
        digits.insert(digits.size() - places, ".");
    }
    return minor < 0 ? "-" + digits : digits;
}

}  // namespace scs
