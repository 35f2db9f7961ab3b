// The webhook ingress over real HTTP on loopback, with real storage (SQLite and PostgreSQL), real
// credential encryption and real HMAC signatures.
#include "webhooks/webhook_ingress.hpp"

#include <atomic>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/server.hpp"
#include "observability/metrics.hpp"
#include "security/crypto.hpp"
#include "storage/webhook_event_store.hpp"
#include "support/http_client.hpp"
#include "webhook_test_env.hpp"

namespace scs {
namespace {

using testing::Backend;
using testing::HttpCall;
using testing::HttpResult;
using testing::kAppSecret;
using testing::kShop;
using testing::kShopSecret;

constexpr const char* kPath = "/internal/v1/sales_channels/webhooks/shopify";

struct Delivery {
    std::string topic = "orders/create";
    std::string shop = kShop;
    std::string secret = kShopSecret;
    std::string event_id = "ev-1";
    std::string webhook_id = "wh-1";
    std::string body = R"({"id":5730000000000000001,"note":"مرحبا"})";
};

class WebhookIngressTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        env_ = std::make_unique<testing::WebhookTestEnv>(GetParam());
        if (!env_->Ok()) {
            GTEST_SKIP() << "no database for this backend";
        }
        ingress_ = std::make_unique<WebhookIngress>(WebhookIngressDeps{env_->Registry(),
                                                                       env_->Db().Connections(),
                                                                       env_->Executor(),
                                                                       env_->Secrets(),
                                                                       clock_,
                                                                       webhook_metrics_},
                                                    WebhookIngressOptions{[this] {
                                                        ++notified_;
                                                    }});
        Router router;
        AddWebhookRoutes(router, *ingress_);
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
        port_ = server_->Port();
    }

    void TearDown() override {
        if (server_) {
            server_->Shutdown();
        }
    }

    HttpResult Send(const Delivery& d, const std::string& path = kPath) const {
        return HttpCall(port_,
                        "POST",
                        path,
                        {{"Content-Type", "application/json"},
                         {"X-Shopify-Topic", d.topic},
                         {"X-Shopify-Hmac-Sha256", Base64Encode(HmacSha256(d.secret, d.body))},
                         {"X-Shopify-Shop-Domain", d.shop},
                         {"X-Shopify-API-Version", "2025-10"},
                         {"X-Shopify-Webhook-Id", d.webhook_id},
                         {"X-Shopify-Event-Id", d.event_id},
                         {"X-Shopify-Triggered-At", "2026-03-02T05:00:00.000Z"}},
                        d.body);
    }

    std::vector<WebhookEvent> Events() {
        auto events = ListWebhookEvents(env_->Executor(), WebhookEventQuery{});
        EXPECT_TRUE(events) << events.error().message;
        return events.value_or(std::vector<WebhookEvent>{});
    }

    static std::string Code(const HttpResult& r) {
        return std::string(boost::json::parse(r.body).at("code").as_string());
    }

    std::unique_ptr<testing::WebhookTestEnv> env_;
    SystemTimeSource clock_;
    Metrics metrics_{"test", "abc"};
    WebhookMetrics webhook_metrics_{metrics_};
    std::atomic<int> notified_{0};
    std::unique_ptr<WebhookIngress> ingress_;
    std::unique_ptr<HttpServer> server_;
    int port_ = 0;
};

TEST_P(WebhookIngressTest, SignedDeliveryIsStoredWithItsJobAndAnswered200) {
    const Delivery delivery;
    auto r = Send(delivery);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto events = Events();
    ASSERT_EQ(events.size(), 1U);
    const auto& event = events.front();
    EXPECT_EQ(event.connection_id, env_->Shop().id);
    EXPECT_EQ(event.topic, "orders/create");
    EXPECT_EQ(event.dedup_key, "ev-1");
    EXPECT_EQ(event.body, delivery.body);
    EXPECT_EQ(event.status, WebhookEventStatus::kReceived);
    EXPECT_EQ(event.triggered_at, ParseRfc3339("2026-03-02T05:00:00Z"));
    EXPECT_EQ(event.headers_json.find(Base64Encode(HmacSha256(kShopSecret, delivery.body))),
              std::string::npos);
    EXPECT_EQ(env_->Count("outbox",
                          "queue = 'webhooks' AND dedup_id = 'webhook-" + std::to_string(event.id) +
                              "' AND group_id = '" + std::to_string(env_->Shop().id) + "'"),
              1);
    EXPECT_EQ(notified_.load(), 1);
    EXPECT_NE(metrics_.Serialize().find(
                  R"(scs_webhooks_received_total{platform="shopify",result="accepted"} 1)"),
              std::string::npos);
}

TEST_P(WebhookIngressTest, BadSignatureIs401AndStoresNothing) {
    Delivery wrong_secret;
    wrong_secret.secret = "not-the-secret";
    auto r = Send(wrong_secret);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(Code(r), "WEBHOOK_SIGNATURE_ERROR");
    EXPECT_EQ(env_->Count("webhook_events"), 0);
    EXPECT_EQ(env_->Count("outbox"), 0);
    EXPECT_EQ(notified_.load(), 0);
    EXPECT_NE(metrics_.Serialize().find(
                  R"(scs_webhooks_received_total{platform="shopify",result="bad_signature"} 1)"),
              std::string::npos);
}

TEST_P(WebhookIngressTest, TamperedBodyIs401) {
    const Delivery delivery;
    auto r =
        HttpCall(port_,
                 "POST",
                 kPath,
                 {{"X-Shopify-Topic", delivery.topic},
                  {"X-Shopify-Hmac-Sha256", Base64Encode(HmacSha256(kShopSecret, delivery.body))},
                  {"X-Shopify-Shop-Domain", kShop},
                  {"X-Shopify-API-Version", "2025-10"},
                  {"X-Shopify-Webhook-Id", "wh-1"}},
                 delivery.body + " ");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(env_->Count("webhook_events"), 0);
}

TEST_P(WebhookIngressTest, DuplicateEventIdIsAcknowledgedOnce) {
    Delivery first;
    Delivery retry = first;
    retry.webhook_id = "wh-2";  // another subscription's delivery of the same event
    ASSERT_EQ(Send(first).status, 200);
    auto again = Send(retry);
    ASSERT_EQ(again.status, 200);
    EXPECT_TRUE(boost::json::parse(again.body).at("duplicate").as_bool());
    EXPECT_EQ(env_->Count("webhook_events"), 1);
    EXPECT_EQ(env_->Count("outbox"), 1);
    EXPECT_EQ(notified_.load(), 1);
}

TEST_P(WebhookIngressTest, MissingHeadersAre400AndStoreNothing) {
    auto r = HttpCall(port_,
                      "POST",
                      kPath,
                      {{"X-Shopify-Topic", "orders/create"}, {"X-Shopify-Shop-Domain", kShop}},
                      "{}");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(Code(r), "BAD_REQUEST");
    EXPECT_EQ(env_->Count("webhook_events"), 0);
}

TEST_P(WebhookIngressTest, UnknownShopIs401) {
    Delivery delivery;
    delivery.shop = "stranger.myshopify.com";
    delivery.secret = kAppSecret;
    auto r = Send(delivery);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(env_->Count("webhook_events"), 0);
    EXPECT_NE(metrics_.Serialize().find(
                  R"(scs_webhooks_received_total{platform="shopify",result="unknown_store"} 1)"),
              std::string::npos);
}

TEST_P(WebhookIngressTest, ShopDomainCaseAndAppSecretAreAccepted) {
    Delivery delivery;
    delivery.shop = "Demo-Shop.MyShopify.com";
    delivery.secret = kAppSecret;
    ASSERT_EQ(Send(delivery).status, 200);
    const auto events = Events();
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events.front().connection_id, env_->Shop().id);
}

TEST_P(WebhookIngressTest, ComplianceTopicForAGoneShopIsKeptWhenAppSigned) {
    Delivery delivery;
    delivery.topic = "shop/redact";
    delivery.shop = "gone.myshopify.com";
    delivery.secret = kAppSecret;
    delivery.body = R"({"shop_id":954889,"shop_domain":"gone.myshopify.com"})";
    ASSERT_EQ(Send(delivery).status, 200);
    const auto events = Events();
    ASSERT_EQ(events.size(), 1U);
    EXPECT_EQ(events.front().connection_id, 0);
    delivery.secret = kShopSecret;
    delivery.event_id = "ev-2";
    EXPECT_EQ(Send(delivery).status, 401);
    EXPECT_EQ(env_->Count("webhook_events"), 1);
}

TEST_P(WebhookIngressTest, UnknownPlatformIs404) {
    auto r = Send(Delivery{}, "/internal/v1/sales_channels/webhooks/etsy");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(Code(r), "NOT_FOUND");
}

TEST_P(WebhookIngressTest, DatabaseFailureIs503AndKeepsNoEventWithoutItsJob) {
    // The event insert succeeds, the job insert fails: the transaction must take both back.
    ASSERT_TRUE(testing::ExecSql(env_->Executor(), "DROP TABLE outbox"));
    auto r = Send(Delivery{});
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(Code(r), "UNAVAILABLE");
    EXPECT_EQ(env_->Count("webhook_events"), 0);
    EXPECT_EQ(notified_.load(), 0);
}

TEST_P(WebhookIngressTest, UnreachableEventTableIs503) {
    ASSERT_TRUE(testing::ExecSql(env_->Executor(), "DROP TABLE webhook_events"));
    auto r = Send(Delivery{});
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(env_->Count("outbox"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WebhookIngressTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace scs
