// The Shopify slice end to end (issue 4's "done when"): a 1,000-order store syncs completely and
// once within the sandbox's rate limit; a re-trigger inside the freeze time is refused with
// retry_after; webhooks for new and updated orders land; a duplicate webhook changes nothing; a
// bad signature gets 401 and stores nothing; a killed worker mid-sync resumes without losing or
// duplicating an order; reconciliation recovers orders whose webhooks were dropped and counts
// them. Every emitted order validates against the order.v1 schema.
#include <csignal>
#include <set>
#include <thread>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "core/time.hpp"
#include "security/crypto.hpp"
#include "shopify_e2e_support.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/json_schema_check.hpp"

namespace scs::e2e {
namespace {

using namespace std::chrono_literals;

constexpr int kBigStore = 1000;

int64_t RunId(const testing::HttpResult& r) {
    const auto data = ShopifyE2E::Json(r).at("data").as_object();
    const auto& run = data.contains("run") ? data.at("run") : data.at("id");
    return run.is_object() ? run.at("id").to_number<int64_t>() : run.to_number<int64_t>();
}

int64_t Count(const boost::json::object& run, const char* name) {
    const auto* counts = run.if_contains("counts");
    const auto& from = counts != nullptr ? counts->as_object() : run;
    return from.at(name).to_number<int64_t>();
}

std::set<std::string> ExternalIds(const std::vector<boost::json::object>& orders) {
    std::set<std::string> ids;
    for (const auto& order : orders) {
        ids.insert(ExternalId(order));
    }
    return ids;
}

const boost::json::object* FindOrder(const std::vector<boost::json::object>& orders,
                                     const std::string& external_id) {
    for (const auto& order : orders) {
        if (ExternalId(order) == external_id) {
            return &order;
        }
    }
    return nullptr;
}

// The rows of a table in the service's SQLite database, read straight from the file.
int64_t CountRows(const std::filesystem::path& database, const std::string& sql) {
    auto db = OpenSqliteDatabase(database, {});
    EXPECT_TRUE(db) << db.error().message;
    if (!db) {
        return -1;
    }
    auto rows = TransactValue<SqlRows>(
        (*db)->Executor(), TxMode::kRead, [&](SqlSession& s) { return s.Exec(sql); });
    EXPECT_TRUE(rows) << rows.error().message;
    return rows ? rows->at(0).Int(0).value_or(-1) : -1;
}

class ShopifyE2ETest : public ::testing::Test, public ShopifyE2E {};

TEST_F(ShopifyE2ETest, ThousandOrdersSyncOnceWithinTheRateLimitAndFreezeTimeRefusesARetrigger) {
    StartSandbox();
    // A standard-sized point bucket that one full sync overdraws: the connector must pace itself
    // (or wait out THROTTLED answers) rather than fail the job.
    const auto store = CreateStore(
        "big-store.myshopify.com", kBigStore, R"("bucket_size":2000,"restore_rate":4000)");
    Configure("sync:\n  freeze_times:\n    orders: 10m\n",
              "    rate_bucket_size: 2000\n    rate_restore_per_second: 4000\n");
    auto service = StartService({"all"});
    const auto connection = Connect(store);
    ASSERT_NE(connection, 0);

    auto trigger = TriggerSync(connection);
    ASSERT_EQ(trigger.status, 202) << trigger.body;
    const auto run = WaitForRun(connection, RunId(trigger), 240s);
    EXPECT_EQ(run.at("status").as_string(), "succeeded") << boost::json::serialize(run);
    EXPECT_EQ(Count(run, "created"), kBigStore);
    EXPECT_EQ(Count(run, "failed"), 0);
    EXPECT_EQ(run.at("attempts").to_number<int64_t>(), 1) << "a throttle reached the job";

    const auto orders = ListOrders(connection);
    EXPECT_EQ(orders.size(), size_t{kBigStore});
    EXPECT_EQ(ExternalIds(orders).size(), size_t{kBigStore});
    std::vector<std::string> documents;
    for (const auto& order : orders) {
        EXPECT_EQ(order.at("version").to_number<int64_t>(), 1);
        documents.push_back(boost::json::serialize(order));
    }
    const auto check = testing::ValidateAgainstSchema(
        testing::SourceDir() / "docs/contracts/order.v1.schema.json", documents);
    EXPECT_EQ(check.exit_code, 0) << check.output;
    // Exactly one OMS message per order version.
    EXPECT_EQ(CountRows(Database(), "SELECT COUNT(*) FROM outbox WHERE queue = 'oms-orders'"),
              kBigStore);

    const auto stats = SandboxGet("/_sandbox/stores/" + store.id + "/stats").as_object();
    std::cout << "sandbox: " << boost::json::serialize(stats) << "\n";
    EXPECT_LE(stats.at("max_bucket_used").to_number<double>(),
              stats.at("bucket").at("maximumAvailable").to_number<double>());

    auto again = TriggerSync(connection);
    EXPECT_EQ(again.status, 429) << again.body;
    EXPECT_EQ(Json(again).at("code").as_string(), "RATE_LIMIT_EXCEEDED");
    EXPECT_TRUE(again.Header("Retry-After").has_value());
    auto status = Api("GET", ConnectionPath(connection) + "/sync_status?entity=orders");
    ASSERT_EQ(status.status, 200) << status.body;
    const auto data = Json(status).at("data").as_object();
    EXPECT_FALSE(data.at("is_valid").as_bool());
    EXPECT_FALSE(data.at("enable_button").as_bool());
    EXPECT_GT(data.at("retry_after").to_number<int64_t>(), 0);
    EXPECT_EQ(service->Stop(SIGTERM), 0) << service->Stderr();
}

TEST_F(ShopifyE2ETest, WebhooksLandOnceAndForgedOnesAreRefused) {
    StartSandbox();
    const auto store = CreateStore("hooks.myshopify.com", 0);
    Configure();
    auto service = StartService({"all"});
    const auto connection = Connect(store);  // subscribes the order webhooks
    ASSERT_NE(connection, 0);

    const auto added = AddOrders(store, "{}");
    const auto& first = added.at("orders").as_array().at(0);
    const std::string id = std::to_string(first.at("id").to_number<int64_t>());
    const auto start = std::chrono::steady_clock::now();
    ASSERT_TRUE(WaitForOrders(
        connection, [&](const auto& orders) { return FindOrder(orders, id) != nullptr; }, 10s));
    const auto landed = std::chrono::steady_clock::now() - start;
    std::cout << "webhook landed after "
              << std::chrono::duration_cast<std::chrono::milliseconds>(landed).count() << " ms\n";

    // An update, delivered twice: one new version, not two.
    SetKnobs(store, R"({"duplicate_webhooks":true})");
    AddOrders(store, R"({"order":{"id":)" + id + R"(,"note":"ring the bell twice"}})");
    ASSERT_TRUE(WaitForOrders(
        connection,
        [&](const auto& orders) {
            const auto* order = FindOrder(orders, id);
            return order != nullptr && order->at("version").template to_number<int64_t>() == 2;
        },
        10s));
    std::this_thread::sleep_for(1s);  // let the duplicate delivery be processed too
    const auto orders = ListOrders(connection);
    EXPECT_EQ(FindOrder(orders, id)->at("version").to_number<int64_t>(), 2);
    EXPECT_EQ(FindOrder(orders, id)->at("note").as_string(), "ring the bell twice");

    const auto events_before = CountRows(Database(), "SELECT COUNT(*) FROM webhook_events");
    const std::string body = R"({"id":1,"name":"#forged"})";
    auto forged = testing::HttpCall(
        ServicePort(),
        "POST",
        "/internal/v1/sales_channels/webhooks/shopify",
        {{"Content-Type", "application/json"},
         {"X-Shopify-Topic", "orders/create"},
         {"X-Shopify-Hmac-Sha256", Base64Encode(HmacSha256("not-the-secret", body))},
         {"X-Shopify-Shop-Domain", store.shop},
         {"X-Shopify-API-Version", "2025-10"},
         {"X-Shopify-Webhook-Id", "forged-1"},
         {"X-Shopify-Event-Id", "forged-1"}},
        body);
    EXPECT_EQ(forged.status, 401) << forged.body;
    EXPECT_EQ(Json(forged).at("code").as_string(), "WEBHOOK_SIGNATURE_ERROR");
    EXPECT_EQ(CountRows(Database(), "SELECT COUNT(*) FROM webhook_events"), events_before);
    EXPECT_EQ(service->Stop(SIGTERM), 0) << service->Stderr();
}

TEST_F(ShopifyE2ETest, ReconciliationRecoversOrdersWhoseWebhooksWereDropped) {
    StartSandbox();
    const auto store = CreateStore("lossy.myshopify.com", 20);
    Configure("sync:\n  reconcile_interval: 2s\n  overlap: 1m\n");
    auto service = StartService({"all"});
    const auto connection = Connect(store);
    ASSERT_NE(connection, 0);
    // The first reconcile run brings the existing orders in (they predate the webhooks).
    ASSERT_TRUE(WaitForOrders(
        connection, [](const auto& orders) { return orders.size() == 20; }, 60s));
    const double recovered_before =
        Metric(R"(scs_orders_recovered_by_poll_total{platform="shopify"})");

    SetKnobs(store, R"({"drop_webhooks":true})");
    AddOrders(store, R"({"count":5})");
    ASSERT_TRUE(WaitForOrders(
        connection, [](const auto& orders) { return orders.size() == 25; }, 60s));
    EXPECT_GE(Metric(R"(scs_orders_recovered_by_poll_total{platform="shopify"})"),
              recovered_before + 5);
    EXPECT_EQ(ExternalIds(ListOrders(connection)).size(), 25U);
    EXPECT_EQ(service->Stop(SIGTERM), 0) << service->Stderr();
}

TEST_F(ShopifyE2ETest, AWorkerKilledMidSyncResumesWithoutLosingOrDuplicatingOrders) {
    StartSandbox();
    const auto store = CreateStore("crashy.myshopify.com", kBigStore);
    Configure("sync:\n  batch_sizes:\n    orders: 25\n");
    auto api = StartService({"serve"});
    const auto connection = Connect(store);
    ASSERT_NE(connection, 0);
    SetKnobs(store, R"({"latency_ms":100})");  // slow pages, so the kill lands mid-sync

    auto worker = StartService({"work", "--groups", "orders,webhooks"});
    auto trigger = TriggerSync(connection);
    ASSERT_EQ(trigger.status, 202) << trigger.body;
    const auto run_id = RunId(trigger);
    const auto deadline = std::chrono::steady_clock::now() + 120s;
    int64_t pages = 0;
    while (pages < 3 && std::chrono::steady_clock::now() < deadline) {
        auto r = Api("GET", ConnectionPath(connection) + "/syncs/" + std::to_string(run_id));
        if (r.status == 200) {
            const auto data = Json(r).at("data");
            const auto& run = data.as_object().contains("run") ? data.at("run") : data;
            pages = Count(run.as_object(), "pages");
        }
        std::this_thread::sleep_for(20ms);
    }
    ASSERT_GE(pages, 3) << worker->Stderr();
    worker->Stop(SIGKILL);
    SetKnobs(store, R"({"latency_ms":0})");

    auto second = StartService({"work", "--groups", "orders,webhooks"});
    const auto run = WaitForRun(connection, run_id, 240s);
    EXPECT_EQ(run.at("status").as_string(), "succeeded") << boost::json::serialize(run);
    const auto orders = ListOrders(connection);
    EXPECT_EQ(orders.size(), size_t{kBigStore});
    EXPECT_EQ(ExternalIds(orders).size(), size_t{kBigStore});
    for (const auto& order : orders) {
        EXPECT_EQ(order.at("version").to_number<int64_t>(), 1) << ExternalId(order);
    }
    EXPECT_EQ(CountRows(Database(), "SELECT COUNT(*) FROM outbox WHERE queue = 'oms-orders'"),
              kBigStore);
    EXPECT_EQ(second->Stop(SIGTERM), 0) << second->Stderr();
    EXPECT_EQ(api->Stop(SIGTERM), 0) << api->Stderr();
}

}  // namespace
}  // namespace scs::e2e
