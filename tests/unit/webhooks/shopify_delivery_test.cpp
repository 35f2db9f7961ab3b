#include "webhooks/shopify_delivery.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

std::string Sign(std::string_view secret, std::string_view body) {
    return Base64Encode(HmacSha256(secret, body));
}

ShopifyWebhookHeaders Headers() {
    ShopifyWebhookHeaders headers;
    headers.topic = "orders/updated";
    headers.hmac = "c2lnbmF0dXJl";
    headers.shop_domain = "demo.myshopify.com";
    headers.api_version = "2025-10";
    headers.webhook_id = "wh-1";
    headers.event_id = "ev-1";
    headers.triggered_at = ParseRfc3339("2026-03-02T05:00:00Z");
    return headers;
}

TEST(ShopifyDeliveryTest, ComplianceTopicsAreTheThreePrivacyTopics) {
    EXPECT_TRUE(IsShopifyComplianceTopic("customers/data_request"));
    EXPECT_TRUE(IsShopifyComplianceTopic("customers/redact"));
    EXPECT_TRUE(IsShopifyComplianceTopic("shop/redact"));
    EXPECT_FALSE(IsShopifyComplianceTopic("app/uninstalled"));
    EXPECT_FALSE(IsShopifyComplianceTopic("orders/create"));
}

TEST(ShopifyDeliveryTest, SecretsPutTheConnectionsOwnFirstAndSkipEmptyOnes) {
    const Credentials credentials{{"access_token", "tok"}, {"webhook_secret", "own"}};
    EXPECT_EQ(ShopifySigningSecrets(credentials, {"app", "", "old-app"}),
              (std::vector<std::string>{"own", "app", "old-app"}));
    EXPECT_EQ(ShopifySigningSecrets({{"webhook_secret", ""}}, {"app"}),
              (std::vector<std::string>{"app"}));
    EXPECT_TRUE(ShopifySigningSecrets({}, {}).empty());
}

TEST(ShopifyDeliveryTest, VerifiesWithAnyOfTheSecrets) {
    const std::string body = R"({"id":1})";
    EXPECT_TRUE(VerifyWithAnySecret(body, Sign("two", body), {"one", "two"}));
    EXPECT_TRUE(VerifyWithAnySecret(body, Sign("one", body), {"one", "two"}));
    EXPECT_FALSE(VerifyWithAnySecret(body, Sign("three", body), {"one", "two"}));
    EXPECT_FALSE(VerifyWithAnySecret(body + " ", Sign("one", body), {"one"}));
    EXPECT_FALSE(VerifyWithAnySecret(body, Sign("", body), {}));
}

TEST(ShopifyDeliveryTest, EventKeepsIdentifyingHeadersButNeverTheSignature) {
    const auto event = ShopifyWebhookEvent(Headers(), "{\"id\": 1}", 7, FromUnixMillis(1000));
    EXPECT_EQ(event.platform, "shopify");
    EXPECT_EQ(event.connection_id, 7);
    EXPECT_EQ(event.topic, "orders/updated");
    EXPECT_EQ(event.dedup_key, "ev-1");
    EXPECT_EQ(event.body, "{\"id\": 1}");
    EXPECT_EQ(event.received_at, FromUnixMillis(1000));
    EXPECT_EQ(event.triggered_at, ParseRfc3339("2026-03-02T05:00:00Z"));
    EXPECT_EQ(event.status, WebhookEventStatus::kReceived);
    const auto json = boost::json::parse(event.headers_json).as_object();
    EXPECT_EQ(json.at("topic").as_string(), "orders/updated");
    EXPECT_EQ(json.at("shop_domain").as_string(), "demo.myshopify.com");
    EXPECT_EQ(json.at("api_version").as_string(), "2025-10");
    EXPECT_EQ(json.at("webhook_id").as_string(), "wh-1");
    EXPECT_EQ(json.at("event_id").as_string(), "ev-1");
    EXPECT_EQ(json.at("triggered_at").as_string(), "2026-03-02T05:00:00Z");
    EXPECT_EQ(event.headers_json.find("c2lnbmF0dXJl"), std::string::npos);
}

TEST(ShopifyDeliveryTest, WithoutEventIdTheWebhookIdIsTheDedupKey) {
    auto headers = Headers();
    headers.event_id.clear();
    headers.triggered_at.reset();
    const auto event = ShopifyWebhookEvent(headers, "{}", 7, FromUnixMillis(0));
    EXPECT_EQ(event.dedup_key, "wh-1");
    const auto json = boost::json::parse(event.headers_json).as_object();
    EXPECT_FALSE(json.contains("event_id"));
    EXPECT_FALSE(json.contains("triggered_at"));
}

}  // namespace
}  // namespace scs
