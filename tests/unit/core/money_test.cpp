#include "core/money.hpp"

#include <limits>

#include <gtest/gtest.h>

namespace scs {
namespace {

int64_t Minor(std::string_view decimal, std::string_view currency) {
    auto minor = ParseMinorUnits(decimal, currency);
    EXPECT_TRUE(minor.has_value()) << decimal << " " << currency << ": " << minor.error().message;
    return minor.value_or(0);
}

void ExpectRefused(std::string_view decimal, std::string_view currency) {
    auto minor = ParseMinorUnits(decimal, currency);
    ASSERT_FALSE(minor.has_value()) << decimal << " " << currency << " gave " << *minor;
    EXPECT_EQ(minor.error().code, ErrorCode::kInvalidPayload);
    EXPECT_NE(minor.error().message.find(decimal), std::string::npos) << minor.error().message;
}

TEST(CurrencyExponentTest, KnowsEveryExponentClass) {
    for (const char* code : {"SAR", "AED", "QAR", "EGP", "USD", "EUR", "GBP", "INR", "MAD"}) {
        EXPECT_EQ(CurrencyExponent(code), 2) << code;
    }
    for (const char* code : {"KWD", "BHD", "OMR", "JOD", "TND", "IQD", "LYD"}) {
        EXPECT_EQ(CurrencyExponent(code), 3) << code;
    }
    for (const char* code : {"JPY", "KRW", "CLP", "ISK", "VND", "XOF"}) {
        EXPECT_EQ(CurrencyExponent(code), 0) << code;
    }
    EXPECT_EQ(CurrencyExponent("CLF"), 4);
}

TEST(CurrencyExponentTest, UnknownOrMalformedCodesHaveNone) {
    EXPECT_EQ(CurrencyExponent("XXX"), std::nullopt);
    EXPECT_EQ(CurrencyExponent("sar"), std::nullopt);
    EXPECT_EQ(CurrencyExponent(""), std::nullopt);
}

TEST(ParseMinorUnitsTest, ScalesByTheCurrencyExponent) {
    EXPECT_EQ(Minor("12.5", "SAR"), 1250);
    EXPECT_EQ(Minor("100", "AED"), 10000);
    EXPECT_EQ(Minor("0.01", "USD"), 1);
    EXPECT_EQ(Minor("12.750", "KWD"), 12750);
    EXPECT_EQ(Minor("1.5", "BHD"), 1500);
    EXPECT_EQ(Minor("0.001", "OMR"), 1);
    EXPECT_EQ(Minor("1500", "JPY"), 1500);
    EXPECT_EQ(Minor("1.0001", "CLF"), 10001);
}

TEST(ParseMinorUnitsTest, AcceptsExtraDigitsOnlyWhenZero) {
    EXPECT_EQ(Minor("12.500", "SAR"), 1250);
    EXPECT_EQ(Minor("1500.00", "JPY"), 1500);
    EXPECT_EQ(Minor("3.2500000", "KWD"), 3250);
    ExpectRefused("12.505", "SAR");
    ExpectRefused("1500.5", "JPY");
    ExpectRefused("1.0005", "KWD");
}

TEST(ParseMinorUnitsTest, HandlesNegatives) {
    EXPECT_EQ(Minor("-3.250", "KWD"), -3250);
    EXPECT_EQ(Minor("-0.5", "USD"), -50);
    EXPECT_EQ(Minor("-0", "USD"), 0);
    ExpectRefused("-", "USD");
    ExpectRefused("--1", "USD");
}

TEST(ParseMinorUnitsTest, RefusesMalformedText) {
    for (const char* text :
         {"", ".", "1.", ".5", "1,5", "1e3", " 1", "1 ", "+1", "0x10", "1.2.3"}) {
        ExpectRefused(text, "USD");
    }
}

TEST(ParseMinorUnitsTest, ChecksOverflowAtBothEnds) {
    EXPECT_EQ(Minor("92233720368547758.07", "USD"), std::numeric_limits<int64_t>::max());
    EXPECT_EQ(Minor("-92233720368547758.08", "USD"), std::numeric_limits<int64_t>::min());
    ExpectRefused("92233720368547758.08", "USD");
    ExpectRefused("-92233720368547758.09", "USD");
    ExpectRefused("9223372036854775808", "JPY");
    ExpectRefused("99999999999999999999999", "KWD");
}

TEST(ParseMinorUnitsTest, RefusesUnknownCurrencies) {
    auto minor = ParseMinorUnits("1.00", "XXX");
    ASSERT_FALSE(minor.has_value());
    EXPECT_NE(minor.error().message.find("XXX"), std::string::npos);
}

TEST(FormatMinorUnitsTest, WritesTheCurrencyExponent) {
    EXPECT_EQ(FormatMinorUnits(1250, "SAR").value(), "12.50");
    EXPECT_EQ(FormatMinorUnits(5, "USD").value(), "0.05");
    EXPECT_EQ(FormatMinorUnits(0, "EGP").value(), "0.00");
    EXPECT_EQ(FormatMinorUnits(-5, "KWD").value(), "-0.005");
    EXPECT_EQ(FormatMinorUnits(12750, "BHD").value(), "12.750");
    EXPECT_EQ(FormatMinorUnits(7, "JPY").value(), "7");
    EXPECT_EQ(FormatMinorUnits(-1500, "KRW").value(), "-1500");
    EXPECT_EQ(FormatMinorUnits(std::numeric_limits<int64_t>::min(), "USD").value(),
              "-92233720368547758.08");
    EXPECT_FALSE(FormatMinorUnits(1, "XXX").has_value());
}

TEST(FormatMinorUnitsTest, RoundTripsThroughParse) {
    for (const int64_t minor : {int64_t{0}, int64_t{1}, int64_t{-999}, int64_t{123456789}}) {
        for (const char* currency : {"SAR", "KWD", "JPY", "CLF"}) {
            EXPECT_EQ(Minor(FormatMinorUnits(minor, currency).value(), currency), minor);
        }
    }
}

}  // namespace
}  // namespace scs
