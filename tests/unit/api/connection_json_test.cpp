#include "api/connection_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace scs {
namespace {

boost::json::object Parse(const std::string& text) {
    return boost::json::parse(text).as_object();
}

TEST(SettingsPatch, ReplacesOnlyTheSectionsGiven) {
    ConnectionSettings base;
    base.hub_locations = {{"RUH1", "gid://shopify/Location/1"}};
    base.safety_stock = 3;
    auto patched = ApplySettingsPatch(
        Parse(R"({"status_mapping":{"paid":"confirmed"},"freeze_times":{"orders":"30s"}})"), base);
    ASSERT_TRUE(patched) << patched.error().message;
    EXPECT_EQ(patched->hub_locations, base.hub_locations);
    EXPECT_EQ(patched->status_mapping.at("paid"), "confirmed");
    EXPECT_EQ(patched->freeze_times.at("orders"), std::chrono::seconds(30));
    EXPECT_EQ(patched->safety_stock, 3);
}

struct Bad {
    const char* json;
    const char* field;
};

class SettingsErrors : public ::testing::TestWithParam<Bad> {};

TEST(SettingsPatch, AcceptsAFreezeTimeOfUpToThirtyDays) {
    auto patched = ApplySettingsPatch(Parse(R"({"freeze_times":{"orders":"30d"}})"), {});
    ASSERT_TRUE(patched) << patched.error().message;
    EXPECT_EQ(patched->freeze_times.at("orders"), std::chrono::days(30));
}

TEST_P(SettingsErrors, NameTheField) {
    auto patched = ApplySettingsPatch(Parse(GetParam().json), {});
    ASSERT_FALSE(patched);
    EXPECT_EQ(patched.error().field, GetParam().field);
    EXPECT_EQ(patched.error().code, ErrorCode::kBadRequest);
}

INSTANTIATE_TEST_SUITE_P(
    Fields,
    SettingsErrors,
    ::testing::Values(
        Bad{R"({"colour":"red"})", "settings.colour"},
        Bad{R"({"hub_locations":{"RUH1":7}})", "settings.hub_locations.RUH1"},
        Bad{R"({"hub_locations":{"RUH1":""}})", "settings.hub_locations.RUH1"},
        Bad{R"({"status_mapping":{"paid":"happy"}})", "settings.status_mapping.paid"},
        Bad{R"({"freeze_times":{"carts":"1m"}})", "settings.freeze_times.carts"},
        Bad{R"({"freeze_times":{"orders":"soon"}})", "settings.freeze_times.orders"},
        Bad{R"({"freeze_times":{"orders":"31d"}})", "settings.freeze_times.orders"},
        Bad{R"({"freeze_times":{"returns":"99999999999d"}})", "settings.freeze_times.returns"},
        Bad{R"({"freeze_times":{"orders":"999999999999999d"}})", "settings.freeze_times.orders"},
        Bad{R"({"safety_stock":-1})", "settings.safety_stock"},
        Bad{R"({"safety_stock":"5"})", "settings.safety_stock"}));

TEST(ConnectionJson, NeverCarriesCredentialValues) {
    Connection c;
    c.id = 7;
    c.seller_id = "s1";
    c.platform = "shopify";
    c.name = "متجر";
    c.store_id = "shop.myshopify.com";
    c.credential_fields = {"access_token"};
    c.credentials = {"k1", "Y2lwaGVydGV4dA=="};
    c.settings.freeze_times = {{"orders", std::chrono::minutes(2)}};
    const std::string text = boost::json::serialize(ConnectionToJson(c, nullptr));
    EXPECT_EQ(text.find("Y2lwaGVydGV4dA=="), std::string::npos);
    EXPECT_EQ(text.find("k1"), std::string::npos);
    const auto json = boost::json::parse(text).as_object();
    EXPECT_EQ(json.at("credentials_set").as_array().at(0).as_string(), "access_token");
    EXPECT_EQ(json.at("name").as_string(), "متجر");
    EXPECT_EQ(json.at("settings").at("freeze_times").at("orders").as_string(), "2m");
    EXPECT_EQ(json.at("status").as_string(), "active");
    EXPECT_TRUE(json.at("sales_channel_enabled").as_bool());
    // A connection of a platform switched off says so.
    EXPECT_FALSE(ConnectionToJson(c, nullptr, false).at("sales_channel_enabled").as_bool());
}

}  // namespace
}  // namespace scs
