#include "storage/connection_codec.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

TEST(ConnectionCodecTest, SettingsEncodeEveryPartWithDurationStrings) {
    ConnectionSettings settings;
    settings.hub_locations = {{"RUH", "loc-1"}};
    settings.status_mapping = {{"paid", "confirmed"}};
    settings.freeze_times = {{"orders", minutes(2)}};
    settings.safety_stock = 4;
    EXPECT_EQ(EncodeSettings(settings),
              R"({"hub_locations":{"RUH":"loc-1"},"status_mapping":{"paid":"confirmed"},)"
              R"("freeze_times":{"orders":"2m"},"safety_stock":4})");
    EXPECT_EQ(EncodeSettings({}),
              R"({"hub_locations":{},"status_mapping":{},"freeze_times":{},"safety_stock":0})");
}

TEST(ConnectionCodecTest, SettingsRoundTrip) {
    ConnectionSettings settings;
    settings.hub_locations = {{"JED", "مستودع جدة"}, {"RUH", "gid://shopify/Location/7"}};
    settings.status_mapping = {{"processing", "confirmed"}, {"completed", "delivered"}};
    settings.freeze_times = {{"orders", milliseconds(1500)}, {"products", hours(1)}};
    settings.safety_stock = 12;
    auto decoded = DecodeSettings(EncodeSettings(settings));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(*decoded, settings);
}

TEST(ConnectionCodecTest, MissingSettingsKeepTheirDefaults) {
    auto decoded = DecodeSettings(R"({"safety_stock":2})");
    ASSERT_TRUE(decoded) << decoded.error().message;
    ConnectionSettings expected;
    expected.safety_stock = 2;
    EXPECT_EQ(*decoded, expected);
    EXPECT_EQ(DecodeSettings("{}").value_or(expected), ConnectionSettings{});
}

TEST(ConnectionCodecTest, MalformedSettingsAreInternalErrors) {
    for (const char* text : {"",
                             "[]",
                             "{",
                             R"({"hub_locations":[]})",
                             R"({"status_mapping":{"a":1}})",
                             R"({"freeze_times":{"orders":"soon"}})",
                             R"({"safety_stock":"3"})"}) {
        auto decoded = DecodeSettings(text);
        ASSERT_FALSE(decoded) << text;
        EXPECT_EQ(decoded.error().code, ErrorCode::kInternal) << text;
    }
}

TEST(ConnectionCodecTest, StringListsRoundTrip) {
    const std::vector<std::string> values{"A1PA6795UKMFR9", "قطر", "with \"quotes\""};
    EXPECT_EQ(EncodeStringList({}), "[]");
    auto decoded = DecodeStringList(EncodeStringList(values));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(*decoded, values);
}

TEST(ConnectionCodecTest, MalformedStringListsAreInternalErrors) {
    for (const char* text : {"", "{}", "[1]", R"(["a",null])", "[\"a\""}) {
        auto decoded = DecodeStringList(text);
        ASSERT_FALSE(decoded) << text;
        EXPECT_EQ(decoded.error().code, ErrorCode::kInternal);
    }
}

}  // namespace
}  // namespace scs
