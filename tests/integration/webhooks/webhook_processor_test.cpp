// Processing stored webhook events on real storage (SQLite and PostgreSQL): orders through the
// upsert + outbox path, stale and poison events, redelivery, replay and the lifecycle and
// compliance topics.
#include "webhooks/webhook_processor.hpp"

#include <atomic>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "jobs/worker/job.hpp"
#include "storage/order_store.hpp"
#include "webhook_test_env.hpp"
#include "webhooks/webhook_jobs.hpp"

namespace scs {
namespace {

using testing::Backend;

constexpr const char* kOrderId = "5730000000000000001";

class WebhookProcessorTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        env_ = std::make_unique<testing::WebhookTestEnv>(GetParam());
        if (!env_->Ok()) {
            GTEST_SKIP() << "no database for this backend";
        }
        processor_ = std::make_unique<WebhookProcessor>(WebhookProcessorDeps{
            env_->Registry(), env_->Executor(), env_->Db().Connections(), clock_, [this] {
                ++published_;
            }});
    }

    // Stores an event (and its job) as the ingress does; returns its id.
    int64_t Store(const std::string& topic,
                  const std::string& body,
                  std::optional<int64_t> connection_id = std::nullopt,
                  std::optional<TimePoint> triggered_at = std::nullopt) {
        WebhookEvent event;
        event.platform = "shopify";
        event.connection_id = connection_id.value_or(env_->Shop().id);
        event.topic = topic;
        event.dedup_key = "ev-" + std::to_string(++deliveries_);
        event.body = body;
        event.triggered_at = triggered_at;
        event.received_at = clock_.Now();
        auto id = StoreWebhookEvent(env_->Executor(), event, clock_.Now());
        EXPECT_TRUE(id && *id) << (id ? "duplicate" : id.error().message);
        return id && *id ? **id : 0;
    }

    WebhookEvent Event(int64_t id) {
        auto event = GetWebhookEvent(env_->Executor(), id);
        EXPECT_TRUE(event) << event.error().message;
        return event.value_or(WebhookEvent{});
    }

    void ProcessOk(int64_t id) {
        auto status = processor_->Process(id);
        ASSERT_TRUE(status) << status.error().message;
    }

    int64_t OmsRows() const { return env_->Count("outbox", "queue = 'oms-orders'"); }

    boost::json::value StoredBody() {
        auto order = FindStored();
        return order ? boost::json::parse(order->body_json) : boost::json::value{};
    }

    std::optional<StoredOrder> FindStored() {
        auto order = TransactValue<std::optional<StoredOrder>>(
            env_->Executor(), TxMode::kRead, [&](SqlSession& session) {
                return FindOrderByExternalId(session, env_->Shop().id, kOrderId);
            });
        EXPECT_TRUE(order) << order.error().message;
        return order.value_or(std::nullopt);
    }

    Connection Shop() {
        auto connection = env_->Db().Connections().Get(env_->Shop().id);
        EXPECT_TRUE(connection) << connection.error().message;
        return connection.value_or(Connection{});
    }

    std::unique_ptr<testing::WebhookTestEnv> env_;
    SystemTimeSource clock_;
    std::atomic<int> published_{0};
    int deliveries_ = 0;
    std::unique_ptr<WebhookProcessor> processor_;
};

TEST_P(WebhookProcessorTest, CreateThenStaleUpdateThenNewerUpdate) {
    const auto created =
        Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "v1"));
    ProcessOk(created);
    EXPECT_EQ(Event(created).status, WebhookEventStatus::kProcessed);
    auto stored = FindStored();
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->version, 1);
    EXPECT_EQ(StoredBody().at("note").as_string(), "v1");
    EXPECT_EQ(StoredBody().at("shipping").at("hub_code").as_string(), "RUH-1");
    EXPECT_EQ(OmsRows(), 1);
    EXPECT_EQ(env_->Count("outbox", "dedup_id = '" + stored->id + ":1'"), 1);
    EXPECT_EQ(published_.load(), 1);

    const auto older =
        Store("orders/updated", testing::RiyadhOrder("2026-03-02T07:00:00+03:00", "old"));
    ProcessOk(older);
    const auto stale = Event(older);
    EXPECT_EQ(stale.status, WebhookEventStatus::kIgnored);
    EXPECT_NE(stale.error.find("stale"), std::string::npos);
    EXPECT_EQ(FindStored()->version, 1);
    EXPECT_EQ(StoredBody().at("note").as_string(), "v1");
    EXPECT_EQ(OmsRows(), 1);

    const auto newer =
        Store("orders/updated", testing::RiyadhOrder("2026-03-02T09:00:00+03:00", "v2"));
    ProcessOk(newer);
    EXPECT_EQ(Event(newer).status, WebhookEventStatus::kProcessed);
    EXPECT_EQ(FindStored()->version, 2);
    EXPECT_EQ(StoredBody().at("note").as_string(), "v2");
    EXPECT_EQ(env_->Count("outbox", "dedup_id = '" + stored->id + ":2'"), 1);
    EXPECT_EQ(published_.load(), 2);
}

TEST_P(WebhookProcessorTest, CancelledOrderIsStoredCancelled) {
    ProcessOk(Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "n")));
    const auto cancelled =
        Store("orders/cancelled",
              testing::RiyadhOrder("2026-03-03T08:00:00+03:00", "n", "2026-03-03T08:00:00+03:00"));
    ProcessOk(cancelled);
    EXPECT_EQ(Event(cancelled).status, WebhookEventStatus::kProcessed);
    EXPECT_EQ(StoredBody().at("status").as_string(), "cancelled");
    EXPECT_EQ(StoredBody().at("cancelled_at").as_string(), "2026-03-03T05:00:00Z");
    EXPECT_EQ(FindStored()->version, 2);
    EXPECT_EQ(OmsRows(), 2);
}

TEST_P(WebhookProcessorTest, RedeliveredJobDoesNothing) {
    const auto id = Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "n"));
    ProcessOk(id);
    ProcessOk(id);
    const auto event = Event(id);
    EXPECT_EQ(event.status, WebhookEventStatus::kProcessed);
    EXPECT_EQ(event.attempts, 1);
    EXPECT_EQ(OmsRows(), 1);
    EXPECT_EQ(published_.load(), 1);
}

TEST_P(WebhookProcessorTest, PoisonEventIsFailedAndNotRetried) {
    const auto id = Store("orders/updated", R"({"id":"not a number","line_items":"nope"})");
    ProcessOk(id);  // succeeds: the worker must not retry it
    auto event = Event(id);
    EXPECT_EQ(event.status, WebhookEventStatus::kFailed);
    EXPECT_NE(event.error.find("INVALID_PAYLOAD"), std::string::npos) << event.error;
    ProcessOk(id);
    EXPECT_EQ(Event(id).attempts, 1);
    EXPECT_EQ(env_->Count("orders"), 0);
    EXPECT_EQ(OmsRows(), 0);
}

TEST_P(WebhookProcessorTest, JobHandlerRunsTheEventFromItsMessage) {
    const auto id = Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "n"));
    const auto handler = MakeWebhookJobHandler(*processor_);
    auto job = ParseJob(WebhookJobMessage(id, env_->Shop().id).body);
    ASSERT_TRUE(job);
    std::atomic<bool> stop{false};
    JobContext context("webhooks", ReceivedMessage{}, stop, {});
    ASSERT_TRUE(handler(*job, context));
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kProcessed);
    auto bad = handler(Job{std::string(kWebhookProcessJobType), "{}"}, context);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidPayload);
}

TEST_P(WebhookProcessorTest, DatabaseErrorLeavesTheEventToRetry) {
    const auto id = Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "n"));
    ASSERT_TRUE(testing::ExecSql(env_->Executor(), "DROP TABLE orders"));
    EXPECT_FALSE(processor_->Process(id));
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kReceived);
}

TEST_P(WebhookProcessorTest, ReplayRunsAFinishedEventAgain) {
    const auto id = Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "n"));
    ProcessOk(id);
    ASSERT_TRUE(processor_->Replay(id));
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kReceived);
    EXPECT_EQ(env_->Count("outbox", "queue = 'webhooks'"), 2);
    ProcessOk(id);
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kProcessed);
    EXPECT_EQ(OmsRows(), 1);  // same content: no new version
    auto missing = processor_->Replay(id + 1000);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(WebhookProcessorTest, AppUninstalledAsksForReauthorisation) {
    const auto id =
        Store("app/uninstalled", R"({"id":548380009,"domain":"demo-shop.myshopify.com"})");
    ProcessOk(id);
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kProcessed);
    const auto shop = Shop();
    EXPECT_EQ(shop.status, ConnectionStatus::kReauthRequired);
    EXPECT_FALSE(shop.credentials.Empty());
    const auto again = Store("app/uninstalled", "{}");
    ProcessOk(again);
    EXPECT_EQ(Event(again).status, WebhookEventStatus::kIgnored);
}

TEST_P(WebhookProcessorTest, LateUninstallDoesNotUndoAReinstall) {
    const auto id = Store("app/uninstalled", "{}", std::nullopt, FromUnixMillis(1'600'000'000'000));
    ProcessOk(id);
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kIgnored);
    EXPECT_EQ(Shop().status, ConnectionStatus::kActive);
}

TEST_P(WebhookProcessorTest, CustomerRedactRemovesPersonalDataFromListedOrders) {
    ProcessOk(Store("orders/create", testing::RiyadhOrder("2026-03-02T08:00:00+03:00", "n")));
    ASSERT_FALSE(StoredBody().at("customer").is_null());
    const auto id = Store("customers/redact",
                          R"({"shop_id":1,"shop_domain":"demo-shop.myshopify.com",
                              "customer":{"id":1},"orders_to_redact":[5730000000000000001,42]})");
    ProcessOk(id);
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kProcessed);
    const auto body = StoredBody();
    EXPECT_TRUE(body.at("customer").is_null());
    EXPECT_TRUE(body.at("shipping_address").at("name").is_null());
    EXPECT_EQ(body.at("shipping_address").at("country_code").as_string(), "SA");
    EXPECT_EQ(FindStored()->version, 1);
    EXPECT_EQ(OmsRows(), 1);
}

TEST_P(WebhookProcessorTest, ShopRedactDisconnectsAndWipesCredentials) {
    const auto data_request = Store("customers/data_request", R"({"orders_requested":[1]})");
    ProcessOk(data_request);
    EXPECT_EQ(Event(data_request).status, WebhookEventStatus::kProcessed);
    const auto id =
        Store("shop/redact", R"({"shop_id":1,"shop_domain":"demo-shop.myshopify.com"})");
    ProcessOk(id);
    EXPECT_EQ(Event(id).status, WebhookEventStatus::kProcessed);
    const auto shop = Shop();
    EXPECT_EQ(shop.status, ConnectionStatus::kDisconnected);
    EXPECT_TRUE(shop.credentials.Empty());
    EXPECT_TRUE(shop.credential_fields.empty());
}

TEST_P(WebhookProcessorTest, EventsWithoutConnectionOrHandlerAreIgnored) {
    const auto orphan = Store("shop/redact", "{}", 0);
    ProcessOk(orphan);
    EXPECT_EQ(Event(orphan).status, WebhookEventStatus::kIgnored);
    const auto other = Store("products/update", "{}");
    ProcessOk(other);
    EXPECT_EQ(Event(other).status, WebhookEventStatus::kIgnored);
    EXPECT_EQ(Shop().status, ConnectionStatus::kActive);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WebhookProcessorTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace scs
