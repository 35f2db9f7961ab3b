// Webhook deliveries from the sandbox to a real receiver: Shopify's headers and HMAC, retries,
// and the duplicate, drop and out-of-order knobs.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "sandbox_test_support.hpp"
#include "security/crypto.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "hooks.myshopify.com";
constexpr const char* kToken = "shpat_hooks";
constexpr const char* kSecret = "whsec_hooks";

class SandboxWebhooksTest : public ::testing::Test {
protected:
    void Subscribe(WebhookReceiver& receiver, const std::string& topic) {
        auto answer = sandbox_.Graphql(
            kShop,
            kToken,
            "mutation { webhookSubscriptionCreate(topic: " + topic +
                ", webhookSubscription: {callbackUrl: \"" + receiver.Url() +
                "\", format: JSON}) { webhookSubscription { id } userErrors { message } } }");
        ASSERT_EQ(answer.status, 200) << answer.raw.body;
        ASSERT_TRUE(answer.body.at("data")
                        .at("webhookSubscriptionCreate")
                        .at("userErrors")
                        .as_array()
                        .empty());
    }

    JsonResult AddOrder(const std::string& body) {
        return sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/orders", body);
    }

    void SetKnobs(const std::string& knobs) {
        ASSERT_EQ(sandbox_.Call("PATCH", "/_sandbox/stores/" + store_ + "/knobs", knobs).status,
                  200);
    }

    // The delivery log once it holds `count` entries (the sender logs after the receiver answered).
    json::array Deliveries(size_t count = 1) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        json::array log;
        do {
            log = sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/webhooks")
                      .body.at("deliveries")
                      .as_array();
        } while (log.size() < count && std::chrono::steady_clock::now() < deadline);
        return log;
    }

    SandboxFixture sandbox_;
    std::string store_ = sandbox_.CreateStore(
        {{"shop", kShop}, {"access_token", kToken}, {"webhook_secret", kSecret}, {"seed", 3}});
};

TEST_F(SandboxWebhooksTest, DeliversSignedOrderWebhooks) {
    WebhookReceiver receiver;
    Subscribe(receiver, "ORDERS_CREATE");
    Subscribe(receiver, "ORDERS_UPDATED");
    Subscribe(receiver, "ORDERS_CANCELLED");
    auto added = AddOrder(R"({"order":{"id":4400000000001,"name":"#1","currency":"SAR"}})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    AddOrder(
        R"({"order":{"id":4400000000001,"cancelled_at":"2026-11-24T10:00:00Z","cancel_reason":"customer"}})");
    auto hooks = receiver.WaitFor(3);
    ASSERT_EQ(hooks.size(), 3U);
    EXPECT_EQ(hooks[0].headers["x-shopify-topic"], "orders/create");
    EXPECT_EQ(hooks[1].headers["x-shopify-topic"], "orders/updated");
    EXPECT_EQ(hooks[2].headers["x-shopify-topic"], "orders/cancelled");
    for (auto& hook : hooks) {
        EXPECT_EQ(hook.headers["x-shopify-hmac-sha256"],
                  Base64Encode(HmacSha256(kSecret, hook.body)));
        EXPECT_EQ(hook.headers["x-shopify-shop-domain"], kShop);
        // Subscribed at 2025-10, which Shopify no longer serves: it falls forward to 2026-01.
        EXPECT_EQ(hook.headers["x-shopify-api-version"], "2026-01");
        EXPECT_FALSE(hook.headers["x-shopify-webhook-id"].empty());
        EXPECT_FALSE(hook.headers["x-shopify-event-id"].empty());
        EXPECT_FALSE(hook.headers["x-shopify-triggered-at"].empty());
        // The body is the REST order itself, not wrapped.
        EXPECT_EQ(json::serialize(json::parse(hook.body).at("id")), "4400000000001");
    }
    EXPECT_NE(hooks[0].headers["x-shopify-webhook-id"], hooks[1].headers["x-shopify-webhook-id"]);
    EXPECT_NE(hooks[1].headers["x-shopify-event-id"], hooks[2].headers["x-shopify-event-id"]);
    EXPECT_EQ(json::parse(hooks[2].body).at("cancel_reason"), "customer");
}

TEST_F(SandboxWebhooksTest, RetriesAFailedDeliveryWithTheSameWebhookId) {
    WebhookReceiver receiver(/*fail_first=*/2);
    Subscribe(receiver, "ORDERS_CREATE");
    AddOrder("{}");
    auto hooks = receiver.WaitFor(3);
    ASSERT_EQ(hooks.size(), 3U);
    EXPECT_EQ(hooks[0].headers["x-shopify-webhook-id"], hooks[2].headers["x-shopify-webhook-id"]);
    EXPECT_EQ(hooks[0].body, hooks[2].body);
    const auto log = Deliveries(3);
    ASSERT_EQ(log.size(), 3U);
    EXPECT_EQ(log[0].at("outcome"), "failed");
    EXPECT_EQ(log[0].at("status_code"), 500);
    EXPECT_EQ(log[2].at("outcome"), "delivered");
    EXPECT_EQ(log[2].at("attempt"), 3);
}

TEST_F(SandboxWebhooksTest, DuplicateKnobSendsEachDeliveryTwice) {
    WebhookReceiver receiver;
    Subscribe(receiver, "ORDERS_CREATE");
    SetKnobs(R"({"duplicate_webhooks":true})");
    AddOrder("{}");
    auto hooks = receiver.WaitFor(2);
    ASSERT_EQ(hooks.size(), 2U);
    EXPECT_EQ(hooks[0].headers["x-shopify-webhook-id"], hooks[1].headers["x-shopify-webhook-id"]);
    EXPECT_EQ(hooks[0].body, hooks[1].body);
}

TEST_F(SandboxWebhooksTest, DropKnobSkipsDeliveriesAndLogsThem) {
    WebhookReceiver receiver;
    Subscribe(receiver, "ORDERS_CREATE");
    SetKnobs(R"({"drop_webhooks":true})");
    auto dropped = AddOrder("{}");
    SetKnobs(R"({"drop_webhooks":false})");
    auto delivered = AddOrder("{}");
    auto hooks = receiver.WaitFor(1);
    ASSERT_EQ(hooks.size(), 1U);
    const auto delivered_id = json::serialize(delivered.body.at("orders").at(0).at("id"));
    EXPECT_EQ(json::serialize(json::parse(hooks[0].body).at("id")), delivered_id);
    const auto log = Deliveries();
    ASSERT_GE(log.size(), 1U);
    EXPECT_EQ(log[0].at("outcome"), "dropped");
    EXPECT_EQ(std::string(log[0].at("order_id").as_string()),
              json::serialize(dropped.body.at("orders").at(0).at("id")));
}

TEST_F(SandboxWebhooksTest, OutOfOrderKnobSendsTheLaterUpdateFirst) {
    WebhookReceiver receiver;
    Subscribe(receiver, "ORDERS_CREATE");
    Subscribe(receiver, "ORDERS_UPDATED");
    SetKnobs(R"({"out_of_order_webhooks":true})");
    AddOrder(R"({"order":{"id":4400000000002,"currency":"USD","note":"first"}})");
    AddOrder(R"({"order":{"id":4400000000002,"note":"second"}})");
    auto hooks = receiver.WaitFor(2);
    ASSERT_EQ(hooks.size(), 2U);
    EXPECT_EQ(hooks[0].headers["x-shopify-topic"], "orders/updated");
    EXPECT_EQ(hooks[1].headers["x-shopify-topic"], "orders/create");
    EXPECT_EQ(json::parse(hooks[0].body).at("note"), "second");
}

}  // namespace
}  // namespace scs::testing
