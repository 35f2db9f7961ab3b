#include "observability/log_line.hpp"

#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs::log {
namespace {

// 2026-11-24T14:05:00.123Z
const TimePoint kTime = FromUnixMillis(1795529100123);

std::string Line(std::string_view message,
                 std::vector<Field> fields = {},
                 std::string_view request_id = "",
                 const Redactor* redactor = nullptr) {
    const LogRecord record{kTime, Level::kInfo, "http", message, request_id, fields};
    return FormatLogLine(record, redactor);
}

TEST(FormatLogTime, AlwaysHasMilliseconds) {
    EXPECT_EQ(FormatLogTime(kTime), "2026-11-24T14:05:00.123Z");
    EXPECT_EQ(FormatLogTime(FromUnixMillis(1795529100000)), "2026-11-24T14:05:00.000Z");
    EXPECT_EQ(FormatLogTime(FromUnixMillis(7)), "1970-01-01T00:00:00.007Z");
}

TEST(FormatLogLine, HasTheDocumentedShape) {
    EXPECT_EQ(
        Line("order stored", {F("order_id", "123"), F("attempt", 2), F("new", true)}, "req-1"),
        R"({"time":"2026-11-24T14:05:00.123Z","level":"info","logger":"http",)"
        R"("msg":"order stored","request_id":"req-1","order_id":"123","attempt":2,)"
        R"("new":true})");
}

TEST(FormatLogLine, OmitsRequestIdWhenAbsent) {
    EXPECT_EQ(Line("hi"),
              R"({"time":"2026-11-24T14:05:00.123Z","level":"info","logger":"http","msg":"hi"})");
}

TEST(FormatLogLine, EscapesMessageAndFieldsIntoOneLine) {
    const std::string line =
        Line("bad \"body\"\nline2\\\x01", {F("name", "متجر \"الرياض\"\n"), F("k\"ey", "v")});
    EXPECT_EQ(line.find('\n'), std::string::npos);
    const auto json = boost::json::parse(line).as_object();
    EXPECT_EQ(json.at("msg").as_string(), "bad \"body\"\nline2\\\x01");
    EXPECT_EQ(json.at("name").as_string(), "متجر \"الرياض\"\n");
    EXPECT_EQ(json.at("k\"ey").as_string(), "v");
    EXPECT_NE(line.find("متجر"), std::string::npos);  // Arabic kept as is, not \u-escaped
}

TEST(FormatLogLine, RedactsSecretFieldNamesWhateverTheValue) {
    const auto json = boost::json::parse(Line("auth",
                                              {F("access_token", "shpat_x"),
                                               F("Authorization", "Bearer abc"),
                                               F("api_key", 12345),
                                               F("shop", "demo")}))
                          .as_object();
    EXPECT_EQ(json.at("access_token").as_string(), "[REDACTED]");
    EXPECT_EQ(json.at("Authorization").as_string(), "[REDACTED]");
    EXPECT_EQ(json.at("api_key").as_string(), "[REDACTED]");
    EXPECT_EQ(json.at("shop").as_string(), "demo");
}

TEST(FormatLogLine, RedactsRegisteredSecretsEverywhere) {
    Redactor redactor;
    redactor.AddSecret("shpat_live_999");
    redactor.AddSecret("8675309");
    const std::string line = Line("calling with shpat_live_999",
                                  {F("url", "https://x/?t=shpat_live_999"), F("count", 8675309)},
                                  "req-shpat_live_999",
                                  &redactor);
    EXPECT_EQ(line.find("shpat_live_999"), std::string::npos) << line;
    const auto json = boost::json::parse(line).as_object();
    EXPECT_EQ(json.at("msg").as_string(), "calling with [REDACTED]");
    EXPECT_EQ(json.at("url").as_string(), "https://x/?t=[REDACTED]");
    EXPECT_EQ(json.at("count").as_string(), "[REDACTED]");  // quoted once it is no number
}

TEST(FormatLogLine, RenamesFieldsThatCollideWithFixedKeys) {
    const auto json = boost::json::parse(Line("m", {F("msg", "x"), F("level", "y")})).as_object();
    EXPECT_EQ(json.at("msg").as_string(), "m");
    EXPECT_EQ(json.at("level").as_string(), "info");
    EXPECT_EQ(json.at("field_msg").as_string(), "x");
    EXPECT_EQ(json.at("field_level").as_string(), "y");
}

TEST(FormatLogLine, WritesEveryLevelName) {
    for (const auto level : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
        const LogRecord record{kTime, level, "x", "m", "", {}};
        const auto json = boost::json::parse(FormatLogLine(record, nullptr)).as_object();
        EXPECT_EQ(json.at("level").as_string(), LevelName(level));
    }
}

TEST(F, BuildsTypedFields) {
    EXPECT_EQ(F("a", "text").value, "text");
    EXPECT_FALSE(F("a", "text").literal);
    EXPECT_EQ(F("a", std::string("s")).value, "s");
    EXPECT_EQ(F("a", -42).value, "-42");
    EXPECT_TRUE(F("a", int64_t{7}).literal);
    EXPECT_EQ(F("a", uint64_t{18446744073709551615U}).value, "18446744073709551615");
    EXPECT_EQ(F("a", false).value, "false");
    EXPECT_TRUE(F("a", true).literal);
}

}  // namespace
}  // namespace scs::log
