// The orders API over real HTTP on loopback, with real SQLite storage holding orders stored the
// way the sync worker stores them (UpsertOrder with the canonical JSON).
#include "api/orders_api.hpp"

#include <set>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "core/order_json.hpp"
#include "http/server.hpp"
#include "security/crypto.hpp"
#include "storage/order_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/http_client.hpp"
#include "support/test_env.hpp"
#include "sync/order_upsert.hpp"

namespace scs {
namespace {

using testing::HttpCallAuthed;

constexpr const char* kAdmin = "admin-token-0123456789";
constexpr const char* kSeller1 = "seller-one-token-0123456789";
constexpr int64_t kT0 = 1'767'300'000'000;

Order MakeOrder(const std::string& seller, int64_t connection_id, const std::string& external_id) {
    Order order;
    order.id = "shopify-" + std::to_string(connection_id) + "-" + external_id;
    order.seller_id = seller;
    order.seller_sales_channel_id = connection_id;
    order.sales_channel = "shopify";
    order.external_id = external_id;
    order.reference = "#" + external_id;
    order.currency = "SAR";
    order.totals = {10'000, 0, 0, 0, 10'000, true};
    order.payment.method = "cod";
    order.note = "اتصل قبل التوصيل";
    order.created_at = FromUnixMillis(kT0);
    order.updated_at = FromUnixMillis(kT0);
    return order;
}

class OrdersApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = OpenSqliteDatabase(dir_.Path() / "scs.db", StorageConfig{});
        ASSERT_TRUE(db) << db.error().message;
        database_ = std::move(*db);
        ASSERT_TRUE(database_->Migrations().Up());
        api_ = std::make_unique<OrdersApi>(OrdersApiDeps{database_->Executor()});
        Router router;
        AddOrderRoutes(router, *api_, auth_);
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
        port_ = server_->Port();
    }

    void TearDown() override { server_->Shutdown(); }

    void Store(const Order& order, int64_t now_ms) {
        const std::string hash = CanonicalContentHash(order);
        auto stored = TransactValue<UpsertOutcome>(
            database_->Executor(), TxMode::kWrite, [&](SqlSession& tx) {
                return UpsertOrder(tx, order, hash, FromUnixMillis(now_ms), OrderToJson);
            });
        ASSERT_TRUE(stored) << stored.error().message;
    }

    testing::HttpResult Get(const std::string& token, const std::string& target) const {
        return HttpCallAuthed(port_, token, "GET", target);
    }

    static boost::json::value Json(const testing::HttpResult& r) {
        return boost::json::parse(r.body);
    }

    testing::TempDir dir_;
    std::unique_ptr<Database> database_;
    TokenAuthenticator auth_{HashApiToken(kAdmin), {{"s1", HashApiToken(kSeller1)}}};
    std::unique_ptr<OrdersApi> api_;
    std::unique_ptr<HttpServer> server_;
    int port_ = 0;
};

TEST_F(OrdersApiTest, ReadsOneOrderAsStored) {
    const Order order = MakeOrder("s1", 7, "1001");
    Store(order, kT0 + 5);
    auto r = Get(kSeller1, "/api/v1/sellers/s1/orders/" + order.id);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto json = Json(r);
    EXPECT_EQ(json.at("status").as_string(), "ok");
    Order expected = order;
    expected.received_at = FromUnixMillis(kT0 + 5);
    EXPECT_EQ(json.at("data"), boost::json::parse(OrderToJson(expected)));
    EXPECT_EQ(Get(kSeller1, "/api/v1/sellers/s1/orders/nope").status, 404);
    EXPECT_EQ(Get(kAdmin, "/api/v1/sellers/s1/orders/" + order.id).status, 200);
}

TEST_F(OrdersApiTest, AnotherSellersOrdersAre404) {
    const Order order = MakeOrder("s2", 9, "2001");
    Store(order, kT0);
    auto other = Get(kSeller1, "/api/v1/sellers/s2/orders/" + order.id);
    EXPECT_EQ(other.status, 404);
    EXPECT_EQ(Json(other).at("code").as_string(), "NOT_FOUND");
    EXPECT_EQ(Get(kSeller1, "/api/v1/sellers/s2/orders").status, 404);
    // The order exists, just not under s1.
    EXPECT_EQ(Get(kSeller1, "/api/v1/sellers/s1/orders/" + order.id).status, 404);
    EXPECT_EQ(Get(kAdmin, "/api/v1/sellers/s2/orders/" + order.id).status, 200);
    EXPECT_EQ(
        HttpCallAuthed(port_, "bad-token-0123456789", "GET", "/api/v1/sellers/s2/orders").status,
        401);
}

TEST_F(OrdersApiTest, ListPagesWithTheCursorAndFilters) {
    std::set<std::string> expected;
    for (int i = 0; i < 7; ++i) {
        const Order order = MakeOrder("s1", 7 + (i % 2), "o" + std::to_string(i));
        Store(order, kT0 + (int64_t{i} * 1000));
        expected.insert(order.id);
    }
    Store(MakeOrder("s2", 9, "x"), kT0);
    std::set<std::string> seen;
    std::string target = "/api/v1/sellers/s1/orders?limit=3";
    int pages = 0;
    for (; pages < 10; ++pages) {
        auto r = Get(kSeller1, target);
        ASSERT_EQ(r.status, 200) << r.body;
        const auto json = Json(r);
        for (const auto& order : json.at("data").at("orders").as_array()) {
            EXPECT_TRUE(seen.insert(std::string(order.at("id").as_string())).second);
            EXPECT_EQ(order.at("seller_id").as_string(), "s1");
        }
        const auto& next = json.at("data").at("next_cursor");
        if (next.is_null()) {
            break;
        }
        target = "/api/v1/sellers/s1/orders?limit=3&cursor=" + std::string(next.as_string());
    }
    EXPECT_EQ(pages, 2);
    EXPECT_EQ(seen, expected);

    auto by_connection = Json(Get(kSeller1, "/api/v1/sellers/s1/orders?ssc_id=8"));
    EXPECT_EQ(by_connection.at("data").at("orders").as_array().size(), 3U);
    const std::string since = FormatRfc3339(FromUnixMillis(kT0 + 5000));
    auto recent = Json(Get(kSeller1, "/api/v1/sellers/s1/orders?updated_since=" + since));
    EXPECT_EQ(recent.at("data").at("orders").as_array().size(), 2U);
}

TEST_F(OrdersApiTest, BadQueryParametersAre400NamingTheField) {
    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
             {"limit=0", "limit"},
             {"limit=201", "limit"},
             {"limit=ten", "limit"},
             {"ssc_id=abc", "ssc_id"},
             {"updated_since=yesterday", "updated_since"},
             {"cursor=%21%21", "cursor"}}) {
        auto r = Get(kSeller1, "/api/v1/sellers/s1/orders?" + query);
        ASSERT_EQ(r.status, 400) << query;
        EXPECT_EQ(Json(r).at("code").as_string(), "BAD_REQUEST");
        EXPECT_EQ(Json(r).at("field").as_string(), field) << query;
    }
}

}  // namespace
}  // namespace scs
