#include "connectors/kit/connector_settings.hpp"

#include <gtest/gtest.h>

#include "connectors/kit/misconfigured_connector.hpp"

namespace scs::kit {
namespace {

using std::chrono::milliseconds;

TEST(KitConnectorSettings, AbsentAndEmptyKeysReadAsTheDefault) {
    const std::map<std::string, std::string> values{{"scopes", ""}};
    ConnectorSettings settings("shopify", values);
    EXPECT_EQ(settings.Text("client_id"), "");
    EXPECT_EQ(settings.PositiveNumber("scopes", 7), 7);
    EXPECT_EQ(settings.Milliseconds("max_wait_ms", milliseconds(30000)), milliseconds(30000));
    EXPECT_TRUE(settings.Flag("allow_private_addresses", true));
    EXPECT_EQ(settings.Choice("https_auth", {"basic", "query"}), "basic");
    EXPECT_TRUE(settings.Check());
}

TEST(KitConnectorSettings, ReadsTypedValues) {
    const std::map<std::string, std::string> values{{"client_id", "abc"},
                                                    {"bucket_size", "2000"},
                                                    {"restore_rate", "2.5"},
                                                    {"max_wait_ms", "1500"},
                                                    {"allow_private_addresses", "true"},
                                                    {"https_auth", "query"}};
    ConnectorSettings settings("woocommerce", values);
    EXPECT_EQ(settings.Text("client_id"), "abc");
    EXPECT_EQ(settings.PositiveNumber("bucket_size", 1), 2000);
    EXPECT_EQ(settings.PositiveNumber("restore_rate", 1), 2.5);
    EXPECT_EQ(settings.Milliseconds("max_wait_ms", milliseconds(1)), milliseconds(1500));
    EXPECT_TRUE(settings.Flag("allow_private_addresses", false));
    EXPECT_EQ(settings.Choice("https_auth", {"basic", "query"}), "query");
    EXPECT_TRUE(settings.Check());
}

TEST(KitConnectorSettings, NamesTheFirstBadSettingAndKeepsTheDefault) {
    const std::map<std::string, std::string> values{
        {"bucket_size", "0"}, {"restore_rate", "fast"}, {"https_auth", "digest"}};
    ConnectorSettings settings("shopify", values);
    EXPECT_EQ(settings.PositiveNumber("bucket_size", 2000), 2000);
    EXPECT_EQ(settings.PositiveNumber("restore_rate", 100), 100);
    EXPECT_EQ(settings.Choice("https_auth", {"basic", "query"}), "basic");
    const Status checked = settings.Check();
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(checked.error().field, "platforms.shopify.bucket_size");
    EXPECT_EQ(checked.error().message,
              "platforms.shopify.bucket_size: must be a positive number, not \"0\"");
}

TEST(KitConnectorSettings, RefusesNonNumbersFlagsAndChoices) {
    const std::map<std::string, std::string> values{
        {"n", "12abc"}, {"inf", "inf"}, {"flag", "yes"}, {"choice", "digest"}};
    for (const auto& [key, read] :
         std::vector<std::pair<std::string, std::function<void(ConnectorSettings&)>>>{
             {"n",
              [](ConnectorSettings& s) {
                  (void)s.PositiveNumber("n", 1);
              }},
             {"inf",
              [](ConnectorSettings& s) {
                  (void)s.PositiveNumber("inf", 1);
              }},
             {"flag",
              [](ConnectorSettings& s) {
                  (void)s.Flag("flag", false);
              }},
             {"choice", [](ConnectorSettings& s) {
                  (void)s.Choice("choice", {"a", "b"});
              }}}) {
        ConnectorSettings settings("woocommerce", values);
        read(settings);
        ASSERT_FALSE(settings.Check()) << key;
        EXPECT_EQ(settings.Check().error().field, "platforms.woocommerce." + key);
    }
    ConnectorSettings settings("woocommerce", values);
    (void)settings.Choice("choice", {"basic", "query"});
    EXPECT_EQ(settings.Check().error().message,
              "platforms.woocommerce.choice: must be basic or query, not \"digest\"");
}

TEST(KitMisconfiguredConnector, AnswersTheSettingErrorOnEveryCall) {
    const Error error{ErrorCode::kBadRequest, "platforms.x.y: bad", "platforms.x.y", std::nullopt};
    auto connector = MakeMisconfiguredConnector(error);
    ConnectorSession session{Connection{}, Credentials{}, nullptr};
    EXPECT_EQ(connector->VerifyCredentials(Connection{}, Credentials{}).error().message,
              "platforms.x.y: bad");
    EXPECT_EQ(connector->FetchOrders(session, OrderPageRequest{}).error().field, "platforms.x.y");
    EXPECT_FALSE(connector->SubscribeWebhooks(session, "https://example.test/hook"));
    EXPECT_FALSE(connector->FetchProducts(session, ProductPageRequest{}));
    EXPECT_FALSE(connector->ReadInventoryLevels(session, {}));
    EXPECT_FALSE(connector->SetInventory(session, InventorySetBatch{}));
    EXPECT_FALSE(connector->CreateFulfillment(session, FulfillmentRequest{}));
    EXPECT_EQ(connector->ChangeOrderStatus(session, OrderStatusRequest{}).error().code,
              ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace scs::kit
