#include "observability/json_escape.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs {
namespace {

std::string Decoded(std::string_view text) {
    return std::string(boost::json::parse(JsonString(text)).as_string());
}

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
    EXPECT_EQ(JsonString(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
    EXPECT_EQ(JsonString("a\nb\r\tc"), R"("a\nb\r\tc")");
    EXPECT_EQ(JsonString(std::string("\x01\x1f\b\f\0", 5)), R"("\u0001\u001f\u0008\u000c\u0000")");
    EXPECT_EQ(JsonString(""), R"("")");
}

TEST(JsonString, KeepsValidUtf8AsIs) {
    const std::string arabic = "طلب جديد من متجر الرياض";
    EXPECT_EQ(JsonString(arabic), "\"" + arabic + "\"");
    EXPECT_EQ(JsonString("€ 😀 \x7f"), "\"€ 😀 \x7f\"");
    EXPECT_EQ(Decoded(arabic), arabic);
}

TEST(JsonString, ReplacesInvalidUtf8) {
    const std::string replacement = "\xEF\xBF\xBD";
    EXPECT_EQ(JsonString("a\xff"
                         "b"),
              "\"a" + replacement + "b\"");
    EXPECT_EQ(JsonString("\xd8"), "\"" + replacement + "\"");                    // truncated
    EXPECT_EQ(JsonString("\xc0\xaf"), "\"" + replacement + replacement + "\"");  // overlong
    EXPECT_EQ(JsonString("\xed\xa0\x80").find(replacement), 1U);                 // surrogate
    EXPECT_EQ(JsonString("\xf4\x90\x80\x80").find(replacement), 1U);             // > U+10FFFF
    EXPECT_NO_THROW(Decoded("x\xe2\x82y\xfe"));
}

TEST(JsonString, RoundTripsThroughAParser) {
    std::string all_ascii;
    for (int c = 0; c < 128; ++c) {
        all_ascii.push_back(static_cast<char>(c));
    }
    EXPECT_EQ(Decoded(all_ascii), all_ascii);
}

}  // namespace
}  // namespace scs
