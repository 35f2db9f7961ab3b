#include "connectors/woocommerce/woocommerce_webhook_subscriptions.hpp"

#include <gtest/gtest.h>

#include "scripted_woocommerce.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using testing::ScriptedWooCommerce;

constexpr const char* kCallback =
    "https://scs.test/internal/v1/sales_channels/webhooks/woocommerce";

json::object Webhook(int64_t id,
                     const std::string& topic,
                     const std::string& status,
                     const std::string& url = kCallback) {
    return {{"id", id}, {"topic", topic}, {"status", status}, {"delivery_url", url}};
}

class WooCommerceWebhookSubscriptionsTest : public ::testing::Test {
protected:
    WooCommerceWebhookSubscriptionsTest() { woo_.session.credentials["webhook_secret"] = "whsec"; }

    // The (method, path) of every request after the listing.
    std::vector<std::pair<std::string, std::string>> Writes(size_t from) const {
        std::vector<std::pair<std::string, std::string>> writes;
        for (size_t i = from; i < woo_.http->requests.size(); ++i) {
            writes.emplace_back(woo_.http->requests[i].method, woo_.http->Path(i));
        }
        return writes;
    }

    ScriptedWooCommerce woo_;
};

TEST_F(WooCommerceWebhookSubscriptionsTest, CreatesEveryMissingTopicWithTheSecret) {
    woo_.http->AddPage({Webhook(1, "order.created", "active", "https://other.test/hook")}, 1);
    for (int i = 0; i < 4; ++i) {
        woo_.http->Add(201, json::serialize(json::object{{"id", 100 + i}}));
    }
    ASSERT_TRUE(woo_.connector->SubscribeWebhooks(woo_.session, kCallback));
    EXPECT_EQ(woo_.http->Path(0), "/wp-json/wc/v3/webhooks");
    EXPECT_EQ(woo_.http->Param(0, "per_page"), "100");
    ASSERT_EQ(woo_.http->requests.size(), 5U);
    std::vector<std::string> topics;
    for (size_t i = 1; i < 5; ++i) {
        EXPECT_EQ(woo_.http->requests[i].method, "POST");
        const auto body = woo_.http->Body(i).as_object();
        topics.emplace_back(body.at("topic").as_string());
        EXPECT_EQ(body.at("delivery_url").as_string(), kCallback);
        EXPECT_EQ(body.at("secret").as_string(), "whsec");
        EXPECT_EQ(body.at("status").as_string(), "active");
    }
    EXPECT_EQ(topics,
              (std::vector<std::string>{
                  "order.created", "order.updated", "order.deleted", "product.updated"}));
    EXPECT_EQ(woo_.vault.saves, 0);
}

TEST_F(WooCommerceWebhookSubscriptionsTest, KeepsActiveOnesAndReEnablesDisabledOrPausedOnes) {
    woo_.http->AddPage({Webhook(1, "order.created", "active"),
                        Webhook(2, "order.updated", "disabled"),
                        Webhook(3, "order.deleted", "paused")},
                       2);
    woo_.http->AddPage({Webhook(4, "product.updated", "active")}, 2);
    woo_.http->AddJson(json::object{{"id", 2}, {"status", "active"}});
    woo_.http->AddJson(json::object{{"id", 3}, {"status", "active"}});
    ASSERT_TRUE(woo_.connector->SubscribeWebhooks(woo_.session, kCallback));
    EXPECT_EQ(woo_.http->Param(1, "page"), "2");
    EXPECT_EQ(Writes(2),
              (std::vector<std::pair<std::string, std::string>>{
                  {"PUT", "/wp-json/wc/v3/webhooks/2"}, {"PUT", "/wp-json/wc/v3/webhooks/3"}}));
    EXPECT_EQ(woo_.http->Body(2), (json::object{{"status", "active"}, {"secret", "whsec"}}));
}

TEST_F(WooCommerceWebhookSubscriptionsTest, AllInShapeCostsOneListing) {
    woo_.http->AddPage({Webhook(1, "order.created", "active"),
                        Webhook(2, "order.updated", "active"),
                        Webhook(3, "order.deleted", "active"),
                        Webhook(4, "product.updated", "active")},
                       1);
    ASSERT_TRUE(woo_.connector->SubscribeWebhooks(woo_.session, kCallback));
    EXPECT_EQ(woo_.http->requests.size(), 1U);
}

TEST_F(WooCommerceWebhookSubscriptionsTest, ANewSecretIsSavedFirstAndGivenToExistingWebhooks) {
    woo_.session.credentials.erase("webhook_secret");
    woo_.vault.stored = woo_.session.credentials;
    woo_.http->AddPage({Webhook(1, "order.created", "active"),
                        Webhook(2, "order.updated", "active"),
                        Webhook(3, "order.deleted", "active")},
                       1);
    for (int i = 0; i < 4; ++i) {
        woo_.http->AddJson(json::object{{"id", i}});
    }
    ASSERT_TRUE(woo_.connector->SubscribeWebhooks(woo_.session, kCallback));
    ASSERT_EQ(woo_.vault.saves, 1);
    const std::string secret = woo_.vault.stored.at("webhook_secret");
    EXPECT_EQ(secret.size(), 64U);
    EXPECT_EQ(woo_.vault.stored.at("consumer_key"), "ck_test");
    EXPECT_EQ(woo_.session.credentials.at("webhook_secret"), secret);
    ASSERT_EQ(woo_.http->requests.size(), 5U);
    for (size_t i = 1; i < 5; ++i) {
        EXPECT_EQ(woo_.http->Body(i).at("secret").as_string(), secret);
    }
    EXPECT_EQ(woo_.http->requests[4].method, "POST");
}

TEST_F(WooCommerceWebhookSubscriptionsTest, ASecretAnotherProcessSavedIsReused) {
    woo_.session.credentials.erase("webhook_secret");
    woo_.vault.stored = woo_.session.credentials;
    woo_.vault.stored["webhook_secret"] = "theirs";
    woo_.http->AddPage({Webhook(1, "order.created", "active"),
                        Webhook(2, "order.updated", "active"),
                        Webhook(3, "order.deleted", "active"),
                        Webhook(4, "product.updated", "active")},
                       1);
    ASSERT_TRUE(woo_.connector->SubscribeWebhooks(woo_.session, kCallback));
    EXPECT_EQ(woo_.vault.saves, 0);
    EXPECT_EQ(woo_.session.credentials.at("webhook_secret"), "theirs");
    EXPECT_EQ(woo_.http->requests.size(), 1U);
}

TEST_F(WooCommerceWebhookSubscriptionsTest, WithoutAVaultNoSecretCanBeMade) {
    woo_.session.credentials.erase("webhook_secret");
    woo_.session.vault = nullptr;
    const auto refused = woo_.connector->SubscribeWebhooks(woo_.session, kCallback);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
    EXPECT_TRUE(woo_.http->requests.empty());
}

TEST_F(WooCommerceWebhookSubscriptionsTest, ARefusedCreationFailsTheSubscription) {
    woo_.http->AddPage({}, 0);
    woo_.http->Add(
        400,
        R"({"code":"woocommerce_rest_webhook_invalid_delivery_url","message":"Webhook delivery URL must be a valid URL starting with http:// or https://."})");
    const auto refused = woo_.connector->SubscribeWebhooks(woo_.session, "ftp://bad");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
}

}  // namespace
}  // namespace scs
