// A Shopify delivery as the generic ingress sees it (ShopifyWebhooks): the compliance topics, the
// signing secrets, verification with any of them, and what is kept of the headers.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/shopify_webhooks.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

std::string Sign(std::string_view secret, std::string_view body) {
    return Base64Encode(HmacSha256(secret, body));
}

HeaderList Headers() {
    return {{"X-Shopify-Topic", "orders/updated"},
            {"X-Shopify-Hmac-Sha256", "c2lnbmF0dXJl"},
            {"X-Shopify-Shop-Domain", "Demo.myshopify.com"},
            {"X-Shopify-API-Version", "2025-10"},
            {"X-Shopify-Webhook-Id", "wh-1"},
            {"X-Shopify-Event-Id", "ev-1"},
            {"X-Shopify-Triggered-At", "2026-03-02T05:00:00Z"}};
}

HeaderList Without(HeaderList headers, std::string_view name) {
    std::erase_if(headers, [name](const auto& header) { return header.first == name; });
    return headers;
}

// Verify() of a delivery signed with `signature` by a connection holding `own` (may be empty),
// for an app whose client secrets are `app`.
bool Verifies(std::string_view body,
              const std::string& signature,
              const std::string& own,
              std::vector<std::string> app) {
    HeaderList headers = Without(Headers(), "X-Shopify-Hmac-Sha256");
    headers.emplace_back("X-Shopify-Hmac-Sha256", signature);
    Credentials credentials;
    if (!own.empty()) {
        credentials["webhook_secret"] = own;
    }
    return ShopifyWebhooks(std::move(app)).Verify(headers, body, credentials);
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
    EXPECT_TRUE(Verifies(body, Sign("two", body), "", {"one", "two"}));
    EXPECT_TRUE(Verifies(body, Sign("one", body), "", {"one", "two"}));
    EXPECT_TRUE(Verifies(body, Sign("own", body), "own", {"one"}));
    EXPECT_FALSE(Verifies(body, Sign("three", body), "", {"one", "two"}));
    EXPECT_FALSE(Verifies(body + " ", Sign("one", body), "", {"one"}));
    EXPECT_FALSE(Verifies(body, Sign("", body), "", {}));
    EXPECT_FALSE(
        ShopifyWebhooks({"one"}).Verify(Without(Headers(), "X-Shopify-Hmac-Sha256"), body, {}));
}

TEST(ShopifyDeliveryTest, DeliveryKeepsIdentifyingHeadersButNeverTheSignature) {
    const auto event = ShopifyWebhooks({}).Identify(Headers(), "{\"id\": 1}");
    ASSERT_TRUE(event) << event.error().message;
    EXPECT_FALSE(event->ping);
    EXPECT_EQ(event->store_id, "demo.myshopify.com");
    EXPECT_FALSE(event->accept_unconnected);
    EXPECT_EQ(event->topic, "orders/updated");
    EXPECT_EQ(event->dedup_key, "ev-1");
    EXPECT_EQ(event->triggered_at, ParseRfc3339("2026-03-02T05:00:00Z"));
    const auto json = boost::json::parse(event->headers_json).as_object();
    EXPECT_EQ(json.at("topic").as_string(), "orders/updated");
    EXPECT_EQ(json.at("shop_domain").as_string(), "Demo.myshopify.com");
    EXPECT_EQ(json.at("api_version").as_string(), "2025-10");
    EXPECT_EQ(json.at("webhook_id").as_string(), "wh-1");
    EXPECT_EQ(json.at("event_id").as_string(), "ev-1");
    EXPECT_EQ(json.at("triggered_at").as_string(), "2026-03-02T05:00:00Z");
    EXPECT_EQ(event->headers_json.find("c2lnbmF0dXJl"), std::string::npos);
}

TEST(ShopifyDeliveryTest, ComplianceTopicsAreKeptWithoutAConnection) {
    HeaderList headers = Without(Headers(), "X-Shopify-Topic");
    headers.emplace_back("x-shopify-topic", "shop/redact");
    const auto event = ShopifyWebhooks({}).Identify(headers, "{}");
    ASSERT_TRUE(event) << event.error().message;
    EXPECT_TRUE(event->accept_unconnected);
}

TEST(ShopifyDeliveryTest, AMissingHeaderIsABadRequestNamingIt) {
    const auto event =
        ShopifyWebhooks({}).Identify(Without(Headers(), "X-Shopify-Webhook-Id"), "{}");
    ASSERT_FALSE(event);
    EXPECT_EQ(event.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(event.error().field, "X-Shopify-Webhook-Id");
}

TEST(ShopifyDeliveryTest, WithoutEventIdTheWebhookIdIsTheDedupKey) {
    const auto headers =
        Without(Without(Headers(), "X-Shopify-Event-Id"), "X-Shopify-Triggered-At");
    const auto event = ShopifyWebhooks({}).Identify(headers, "{}");
    ASSERT_TRUE(event) << event.error().message;
    EXPECT_EQ(event->dedup_key, "wh-1");
    EXPECT_FALSE(event->triggered_at);
    const auto json = boost::json::parse(event->headers_json).as_object();
    EXPECT_FALSE(json.contains("event_id"));
    EXPECT_FALSE(json.contains("triggered_at"));
}

}  // namespace
}  // namespace scs
