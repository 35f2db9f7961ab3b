#include "connectors/woocommerce/woocommerce_webhooks.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

const std::string kBody = R"({"id":727,"status":"processing"})";

// One delivery as WooCommerce sends it (platforms doc B6), names in mixed case.
Headers Delivery() {
    return {{"Content-Type", "application/json"},
            {"x-wc-webhook-source", "https://Shop.Example.com/"},
            {"X-WC-Webhook-Topic", "order.updated"},
            {"X-WC-WEBHOOK-RESOURCE", "order"},
            {"X-WC-Webhook-Event", "updated"},
            {"X-WC-Webhook-Signature", "1ysNLo8GxOsG52mrioh9f0VuEJ/Yh4jQR2J5q7KwJO8="},
            {"x-wc-webhook-id", "42"},
            {"X-WC-Webhook-Delivery-ID", "6f5a0d2b8e1c4a7f9b3d2e1f0a9b8c7d"}};
}

Headers Without(std::string_view name) {
    Headers headers = Delivery();
    std::erase_if(headers, [&](const auto& header) { return header.first == name; });
    return headers;
}

TEST(WooCommerceWebhooks, ReadsEveryHeaderCaseInsensitively) {
    auto headers = ReadWooCommerceWebhookHeaders(Delivery());
    ASSERT_TRUE(headers) << headers.error().message;
    EXPECT_EQ(headers->source, "https://Shop.Example.com/");
    EXPECT_EQ(headers->topic, "order.updated");
    EXPECT_EQ(headers->resource, "order");
    EXPECT_EQ(headers->event, "updated");
    EXPECT_EQ(headers->signature, "1ysNLo8GxOsG52mrioh9f0VuEJ/Yh4jQR2J5q7KwJO8=");
    EXPECT_EQ(headers->webhook_id, "42");
    EXPECT_EQ(headers->delivery_id, "6f5a0d2b8e1c4a7f9b3d2e1f0a9b8c7d");
}

TEST(WooCommerceWebhooks, NamesTheMissingRequiredHeader) {
    for (const char* name : {"X-WC-Webhook-Topic",
                             "X-WC-Webhook-Signature",
                             "x-wc-webhook-source",
                             "x-wc-webhook-id"}) {
        const auto read = ReadWooCommerceWebhookHeaders(Without(name));
        ASSERT_FALSE(read) << name;
        EXPECT_EQ(read.error().code, ErrorCode::kBadRequest) << name;
        EXPECT_TRUE(std::equal(read.error().field.begin(),
                               read.error().field.end(),
                               std::string_view(name).begin(),
                               std::string_view(name).end(),
                               [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
            << name << " named " << read.error().field;
    }
    Headers empty_topic = Delivery();
    empty_topic[2].second = "";
    EXPECT_EQ(ReadWooCommerceWebhookHeaders(empty_topic).error().field, "X-WC-Webhook-Topic");
}

TEST(WooCommerceWebhooks, OptionalHeadersMayBeAbsent) {
    Headers headers = Without("X-WC-Webhook-Delivery-ID");
    std::erase_if(headers, [](const auto& h) { return h.first == "X-WC-WEBHOOK-RESOURCE"; });
    auto read = ReadWooCommerceWebhookHeaders(headers);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->delivery_id, "");
    EXPECT_EQ(read->resource, "");
    EXPECT_EQ(read->event, "updated");
}

TEST(WooCommerceWebhooks, VerifiesTheBase64HmacOfTheRawBody) {
    // Vector computed with `openssl dgst -sha256 -hmac 'whsec_5bcD&quot;x' -binary | base64`.
    const std::string signature = "1ysNLo8GxOsG52mrioh9f0VuEJ/Yh4jQR2J5q7KwJO8=";
    const std::string secret = "whsec_5bcD&quot;x";
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, signature, secret))
        << "WooCommerce decodes &quot; in the secret before signing";
    // The same secret decoded: what WooCommerce signs with when it stored "whsec_5bcD&quot;x".
    const std::string decoded_signature = "GQKz5FFrhJ5Vds61usOPtmXsfQNWxQdnmrMRiyajbI8=";
    EXPECT_TRUE(VerifyWooCommerceWebhook(kBody, decoded_signature, secret));
    EXPECT_TRUE(VerifyWooCommerceWebhook(kBody, decoded_signature, "whsec_5bcD\"x"));
}

TEST(WooCommerceWebhooks, RefusesBadEmptyAndTruncatedSignatures) {
    const std::string secret = "0f4c9e2a7b1d";
    const std::string good = Base64Encode(HmacSha256(secret, kBody));
    EXPECT_TRUE(VerifyWooCommerceWebhook(kBody, good, secret));
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody + "\n", good, secret));         // body changed
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, good, "0f4c9e2a7b1e"));        // other secret
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, "", secret));                  // empty signature
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, good, ""));                    // no secret
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, good.substr(0, 43), secret));  // truncated
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, good + "=", secret));          // extended
    EXPECT_FALSE(VerifyWooCommerceWebhook(kBody, HexEncode(HmacSha256(secret, kBody)), secret));
}

TEST(WooCommerceWebhooks, DecodesOnlyTheEntitiesWordPressDecodes) {
    const std::string body = "{}";
    const auto signed_with = [&](const std::string& key) {
        return Base64Encode(HmacSha256(key, body));
    };
    EXPECT_TRUE(VerifyWooCommerceWebhook(
        body, signed_with("a&b<c>'d'\"e"), "a&amp;b&lt;c&gt;&#039;d&#x27;&#34;e"));
    EXPECT_TRUE(VerifyWooCommerceWebhook(body, signed_with("&quot;"), "&amp;quot;"));  // one pass
    EXPECT_TRUE(VerifyWooCommerceWebhook(body, signed_with("&eacute;&#65;&x"), "&eacute;&#65;&x"));
}

TEST(WooCommerceWebhooks, DetectsTheUnsignedCreationPing) {
    const Headers ping = {{"Content-Type", "application/x-www-form-urlencoded"},
                          {"User-Agent", "WooCommerce/9.4.0 Hookshot (WordPress/6.7)"}};
    EXPECT_TRUE(IsWooCommercePing(ping, "webhook_id=42"));
    EXPECT_FALSE(IsWooCommercePing(ping, "webhook_id="));
    EXPECT_FALSE(IsWooCommercePing(ping, "webhook_id=42&x=1"));
    EXPECT_FALSE(IsWooCommercePing(ping, R"({"webhook_id":42})"));
    EXPECT_FALSE(IsWooCommercePing(Delivery(), "webhook_id=42"));  // a topic: a real delivery
    EXPECT_FALSE(IsWooCommercePing(Delivery(), kBody));
}

TEST(WooCommerceWebhooks, DedupKeyIsTheContentHash) {
    const auto headers = ReadWooCommerceWebhookHeaders(Delivery()).value();
    // printf '42\norder.updated\n{"id":727,"status":"processing"}' | sha256sum
    EXPECT_EQ(WooCommerceDedupKey(headers, kBody),
              "96db075cf04807d2bdf9a86e90e2f86bc1983eecf6f6439ee3e5be764c6e7dfc");
    WooCommerceWebhookHeaders same_second = headers;
    same_second.delivery_id = "another-delivery-id";
    EXPECT_EQ(WooCommerceDedupKey(same_second, kBody), WooCommerceDedupKey(headers, kBody));
    EXPECT_NE(WooCommerceDedupKey(headers, R"({"id":727,"status":"completed"})"),
              WooCommerceDedupKey(headers, kBody));
    WooCommerceWebhookHeaders created = headers;
    created.topic = "order.created";
    EXPECT_NE(WooCommerceDedupKey(created, kBody), WooCommerceDedupKey(headers, kBody));
    WooCommerceWebhookHeaders other_webhook = headers;
    other_webhook.webhook_id = "43";
    EXPECT_NE(WooCommerceDedupKey(other_webhook, kBody), WooCommerceDedupKey(headers, kBody));
}

// The same results NormalizeStoreId gives a WooCommerce store_id (tests/unit/api/
// store_identity_test.cpp), so a delivery finds its connection.
TEST(WooCommerceWebhooks, NormalisesTheSourceLikeAStoreId) {
    EXPECT_EQ(WooCommerceSourceStoreId("https://Shop.Example.com/"), "https://shop.example.com");
    EXPECT_EQ(WooCommerceSourceStoreId("HTTPS://shop.example.com"), "https://shop.example.com");
    EXPECT_EQ(WooCommerceSourceStoreId("https://shop.example.com/Store//"),
              "https://shop.example.com/Store");
    EXPECT_EQ(WooCommerceSourceStoreId("http://127.0.0.1:8080/"), "http://127.0.0.1:8080");
    EXPECT_EQ(WooCommerceSourceStoreId("https://[::1]:8443/wp/"), "https://[::1]:8443/wp");
}

TEST(WooCommerceWebhooks, AnUnusableSourceIsNoStoreId) {
    for (const char* source : {"",
                               "shop.example.com",
                               "ftp://shop.example.com/",
                               "https:///x",
                               "https://user@shop.example.com/",
                               "https://shop.example.com/?a=1",
                               "https://shop.example.com/#top"}) {
        EXPECT_EQ(WooCommerceSourceStoreId(source), "") << source;
    }
}

}  // namespace
}  // namespace scs
