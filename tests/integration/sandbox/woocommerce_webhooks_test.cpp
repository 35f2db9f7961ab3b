// WooCommerce webhooks from the sandbox to a real receiver: creation with its ping, signed
// deliveries with the seven X-WC-Webhook-* headers, no retries, disabling after failures and
// re-enabling.
#include <chrono>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "security/crypto.hpp"
#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kSecret = "wh-secret/with+chars";

class WooWebhooksTest : public ::testing::Test {
protected:
    JsonResult CreateWebhook(const std::string& topic, const std::string& url) {
        return client_.Call("POST",
                            "/wc/v3/webhooks",
                            R"({"name":"hook","topic":")" + topic + R"(","delivery_url":")" + url +
                                R"(","secret":")" + kSecret + R"("})");
    }

    json::object WebhookState(int64_t id) {
        const auto state = Control(sandbox_, site_, "GET", "/webhooks");
        for (const auto& hook : state.body.at("webhooks").as_array()) {
            if (hook.at("id") == id) {
                return hook.as_object();
            }
        }
        return {};
    }

    json::array Deliveries(size_t count) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        json::array log;
        do {
            log = Control(sandbox_, site_, "GET", "/webhooks").body.at("deliveries").as_array();
        } while (log.size() < count && std::chrono::steady_clock::now() < deadline);
        return log;
    }

    void AddOrder() { ASSERT_EQ(Control(sandbox_, site_, "POST", "/orders", "{}").status, 201); }

    SandboxFixture sandbox_;
    WooSiteInfo site_ = CreateWooSite(sandbox_, {{"site", "hooks-woo"}, {"orders", 2}});
    WooClient client_{sandbox_, site_};
};

TEST_F(WooWebhooksTest, CreatesPingsAndDeliversSignedOrders) {
    WebhookReceiver receiver;
    auto created = CreateWebhook("order.created", receiver.Url());
    ASSERT_EQ(created.status, 201) << created.raw.body;
    const int64_t id = created.body.at("id").as_int64();
    EXPECT_EQ(created.raw.Header("Location"),
              site_.base_url + "/wp-json/wc/v3/webhooks/" + std::to_string(id));
    EXPECT_EQ(created.body.at("status"), "active");
    auto ping = receiver.WaitFor(1);
    ASSERT_EQ(ping.size(), 1U);
    EXPECT_EQ(ping[0].body, "webhook_id=" + std::to_string(id));
    EXPECT_EQ(ping[0].headers["content-type"], "application/x-www-form-urlencoded");
    EXPECT_EQ(ping[0].headers.count("x-wc-webhook-signature"), 0U);
    AddOrder();
    auto hooks = receiver.WaitFor(2);
    ASSERT_EQ(hooks.size(), 2U);
    auto& hook = hooks[1];
    EXPECT_EQ(hook.headers["x-wc-webhook-signature"], Base64Encode(HmacSha256(kSecret, hook.body)));
    EXPECT_EQ(hook.headers["x-wc-webhook-topic"], "order.created");
    EXPECT_EQ(hook.headers["x-wc-webhook-resource"], "order");
    EXPECT_EQ(hook.headers["x-wc-webhook-event"], "created");
    EXPECT_EQ(hook.headers["x-wc-webhook-id"], std::to_string(id));
    EXPECT_EQ(hook.headers["x-wc-webhook-source"], site_.base_url + "/");
    EXPECT_EQ(hook.headers["x-wc-webhook-delivery-id"].size(), 32U);
    EXPECT_EQ(hook.headers["user-agent"], "WooCommerce/9.4.0 Hookshot (WordPress/6.7)");
    EXPECT_NE(hook.body.find("\\/"), std::string::npos);  // PHP escapes slashes
    const json::value order = json::parse(hook.body);
    EXPECT_TRUE(order.at("id").is_int64());
    auto log = Deliveries(1);
    ASSERT_EQ(log.size(), 1U);
    EXPECT_EQ(log[0].at("status_code"), 200);
    EXPECT_EQ(log[0].at("ok"), true);
}

TEST_F(WooWebhooksTest, DisablesAfterRepeatedFailuresWithoutRetriesAndReEnables) {
    WebhookReceiver receiver(8);  // the ping, then seven failed deliveries
    auto created = CreateWebhook("order.created", receiver.Url());
    ASSERT_EQ(created.status, 201);
    const int64_t id = created.body.at("id").as_int64();
    receiver.WaitFor(1);
    for (size_t delivered = 1; delivered <= 6; ++delivered) {
        AddOrder();
        Deliveries(delivered);
    }
    EXPECT_EQ(WebhookState(id).at("failure_count"), 6);
    EXPECT_EQ(WebhookState(id).at("status"), "active");
    AddOrder();
    auto log = Deliveries(7);
    ASSERT_EQ(log.size(), 7U) << "one attempt per order: no retries";
    EXPECT_EQ(WebhookState(id).at("status"), "disabled");
    AddOrder();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(receiver.Received().size(), 8U) << "a disabled webhook delivers nothing";
    auto enabled =
        client_.Call("PUT", "/wc/v3/webhooks/" + std::to_string(id), R"({"status":"active"})");
    ASSERT_EQ(enabled.status, 200) << enabled.raw.body;
    EXPECT_EQ(WebhookState(id).at("failure_count"), 0);
    AddOrder();
    EXPECT_EQ(receiver.WaitFor(9).size(), 9U);
    EXPECT_EQ(Deliveries(8).back().at("ok"), true);
}

TEST_F(WooWebhooksTest, AnswersWooCommercesWebhookErrors) {
    WebhookReceiver receiver;
    auto topic = CreateWebhook("order.shipped", receiver.Url());
    EXPECT_EQ(topic.status, 400);
    EXPECT_EQ(topic.raw.body,
              R"({"code":"woocommerce_rest_shop_webhook_invalid_topic","message":"Webhook topic )"
              R"(is required and must be valid.","data":{"status":400}})");
    auto url = CreateWebhook("order.updated", "ftp://x");
    EXPECT_EQ(url.body.at("code"), "woocommerce_rest_shop_webhook_invalid_delivery_url");
    auto created = CreateWebhook("order.updated", receiver.Url());
    const std::string hook = "/wc/v3/webhooks/" + std::to_string(created.body.at("id").as_int64());
    auto trash = client_.Call("DELETE", hook);
    EXPECT_EQ(trash.status, 501);
    EXPECT_EQ(trash.body.at("code"), "woocommerce_rest_trash_not_supported");
    auto listed = client_.Get("/wc/v3/webhooks");
    EXPECT_EQ(listed.raw.Header("X-WP-Total"), "1");
    EXPECT_EQ(listed.body.at(0).at("secret"), kSecret);
    EXPECT_EQ(client_.Call("DELETE", hook + "?force=true").status, 200);
    EXPECT_EQ(client_.Get(hook).body.at("code"), "woocommerce_rest_shop_webhook_invalid_id");
}

TEST_F(WooWebhooksTest, CoalescesPendingDeliveriesAndSendsTheCurrentState) {
    WebhookReceiver receiver;
    CreateWebhook("order.updated", receiver.Url());
    receiver.WaitFor(1);
    ASSERT_EQ(Control(sandbox_, site_, "PATCH", "/knobs", R"({"webhook_delay_ms":800})").status,
              200);
    client_.Call("PUT", "/wc/v3/orders/1001", R"({"status":"on-hold"})");
    client_.Call("PUT", "/wc/v3/orders/1001", R"({"status":"completed"})");
    receiver.WaitFor(2);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    auto hooks = receiver.Received();
    ASSERT_EQ(hooks.size(), 2U) << "two updates, one pending delivery";
    EXPECT_EQ(json::parse(hooks[1].body).at("status"), "completed");
}

TEST_F(WooWebhooksTest, DeletesCarryOnlyTheId) {
    WebhookReceiver receiver;
    CreateWebhook("order.deleted", receiver.Url());
    receiver.WaitFor(1);
    const std::string id =
        std::to_string(client_.Get("/wc/v3/orders").body.at(0).at("id").as_int64());
    ASSERT_EQ(client_.Call("DELETE", "/wc/v3/orders/" + id + "?force=true").status, 200);
    auto hooks = receiver.WaitFor(2);
    ASSERT_EQ(hooks.size(), 2U);
    EXPECT_EQ(hooks[1].body, R"({"id":)" + id + "}");
}

}  // namespace
}  // namespace scs::testing
