#include "connectors/shopify/shopify_webhooks.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

Headers Complete() {
    return {{"x-shopify-topic", "orders/create"},
            {"X-Shopify-Hmac-SHA256", "c2ln"},
            {"X-SHOPIFY-SHOP-DOMAIN", "a.myshopify.com"},
            {"X-Shopify-API-Version", "2025-10"},
            {"X-Shopify-Webhook-Id", "wh-1"},
            {"X-Shopify-Triggered-At", "2026-01-02T03:04:05.123Z"}};
}

TEST(ShopifyWebhooks, ReadsHeadersCaseInsensitively) {
    auto headers = ReadShopifyWebhookHeaders(Complete());
    ASSERT_TRUE(headers) << headers.error().message;
    EXPECT_EQ(headers->topic, "orders/create");
    EXPECT_EQ(headers->shop_domain, "a.myshopify.com");
    EXPECT_EQ(headers->api_version, "2025-10");
    EXPECT_EQ(headers->triggered_at, ParseRfc3339("2026-01-02T03:04:05.123Z"));
    EXPECT_EQ(headers->DedupKey(), "wh-1");
}

TEST(ShopifyWebhooks, EventIdIsTheDedupKeyWhenSent) {
    Headers with_event = Complete();
    with_event.emplace_back("X-Shopify-Event-Id", "ev-9");
    EXPECT_EQ(ReadShopifyWebhookHeaders(with_event)->DedupKey(), "ev-9");
}

TEST(ShopifyWebhooks, EachRequiredHeaderIsRequired) {
    for (size_t skip = 0; skip < 5; ++skip) {
        Headers headers = Complete();
        const std::string name = headers[skip].first;
        headers.erase(headers.begin() + static_cast<std::ptrdiff_t>(skip));
        const auto read = ReadShopifyWebhookHeaders(headers);
        ASSERT_FALSE(read) << name;
        EXPECT_EQ(read.error().code, ErrorCode::kBadRequest);
    }
}

TEST(ShopifyWebhooks, VerifiesTheBase64HmacOfTheRawBody) {
    const std::string body = R"({"id":1,"note":"مرحبا"})";
    const std::string hmac = Base64Encode(HmacSha256("secret", body));
    EXPECT_TRUE(VerifyShopifyWebhook(body, hmac, "secret"));
    EXPECT_FALSE(VerifyShopifyWebhook(body + " ", hmac, "secret"));
    EXPECT_FALSE(VerifyShopifyWebhook(body, hmac, "other"));
    EXPECT_FALSE(VerifyShopifyWebhook(body, HexEncode(HmacSha256("secret", body)), "secret"));
    EXPECT_FALSE(VerifyShopifyWebhook(body, "", "secret"));
    EXPECT_FALSE(VerifyShopifyWebhook(body, hmac, ""));
}

}  // namespace
}  // namespace scs
