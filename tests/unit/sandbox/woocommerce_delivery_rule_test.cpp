// WooCommerce's webhook delivery rules in the sandbox: the failure count, the disable threshold,
// what counts as success, topics and Delivery-IDs.
#include <gtest/gtest.h>

#include "sandbox/woocommerce/webhook_rules.hpp"

namespace scs::sandbox::woocommerce {
namespace {

TEST(WooDeliveryRuleTest, DisablesAtTheSeventhFailureInARow) {
    WebhookHealth health;
    for (int failure = 1; failure <= 6; ++failure) {
        EXPECT_FALSE(ApplyDeliveryResult(health, 500));
        EXPECT_EQ(health.failure_count, failure);
        EXPECT_EQ(health.status, "active");
    }
    EXPECT_TRUE(ApplyDeliveryResult(health, 0));
    EXPECT_EQ(health.status, "disabled");
    EXPECT_EQ(health.failure_count, 6);
}

TEST(WooDeliveryRuleTest, SuccessIncludingRedirectsResetsTheCount) {
    WebhookHealth health;
    ApplyDeliveryResult(health, 404);
    ApplyDeliveryResult(health, 503);
    EXPECT_EQ(health.failure_count, 2);
    EXPECT_FALSE(ApplyDeliveryResult(health, 302));
    EXPECT_EQ(health.failure_count, 0);
    EXPECT_TRUE(IsDeliverySuccess(200));
    EXPECT_TRUE(IsDeliverySuccess(301));
    EXPECT_FALSE(IsDeliverySuccess(303));
    EXPECT_FALSE(IsDeliverySuccess(199));
}

TEST(WooDeliveryRuleTest, KnowsWooCommerceTopics) {
    for (const char* topic : {"order.created",
                              "order.updated",
                              "order.deleted",
                              "order.restored",
                              "product.created",
                              "product.published",
                              "coupon.updated",
                              "action.woocommerce_new_order"}) {
        EXPECT_TRUE(IsValidWebhookTopic(topic)) << topic;
    }
    for (const char* topic : {"", "order", "order.shipped", "orders.created", "action."}) {
        EXPECT_FALSE(IsValidWebhookTopic(topic)) << topic;
    }
    EXPECT_TRUE(IsValidDeliveryUrl("http://127.0.0.1:9/hooks"));
    EXPECT_FALSE(IsValidDeliveryUrl("ftp://x/y"));
    EXPECT_FALSE(IsValidDeliveryUrl("https://"));
}

TEST(WooDeliveryRuleTest, DeliveryIdsAreOnlyUniquePerWebhookPerSecond) {
    const std::string first = DeliveryId("salt", 7, 1'700'000'000);
    EXPECT_EQ(first.size(), 32U);
    EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(first, DeliveryId("salt", 7, 1'700'000'000));
    EXPECT_NE(first, DeliveryId("salt", 7, 1'700'000'001));
    EXPECT_NE(first, DeliveryId("salt", 8, 1'700'000'000));
    EXPECT_EQ(GenerateWebhookSecret().size(), 50U);
}

}  // namespace
}  // namespace scs::sandbox::woocommerce
