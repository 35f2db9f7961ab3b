// The webhook-events operations API over real HTTP on loopback, with real SQLite storage and a
// recording replay callback standing in for the webhooks worker's queue.
#include "api/webhook_events_api.hpp"

#include <mutex>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/server.hpp"
#include "security/crypto.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/webhook_event_store.hpp"
#include "support/http_client.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using testing::HttpCallAuthed;

constexpr const char* kAdmin = "admin-token-0123456789";
constexpr const char* kSeller1 = "seller-one-token-0123456789";

// Records replayed ids; fails when told to.
class ReplayRecorder {
public:
    Status Replay(int64_t id) {
        std::lock_guard lock(mutex_);
        if (fail_) {
            return Fail(ErrorCode::kUnavailable, "queue is down");
        }
        ids_.push_back(id);
        return {};
    }

    void FailNext() {
        std::lock_guard lock(mutex_);
        fail_ = true;
    }

    std::vector<int64_t> Ids() {
        std::lock_guard lock(mutex_);
        return ids_;
    }

private:
    std::mutex mutex_;
    bool fail_ = false;
    std::vector<int64_t> ids_;
};

class WebhookEventsApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = OpenSqliteDatabase(dir_.Path() / "scs.db", StorageConfig{});
        ASSERT_TRUE(db) << db.error().message;
        database_ = std::move(*db);
        ASSERT_TRUE(database_->Migrations().Up());
        api_ = std::make_unique<WebhookEventsApi>(
            WebhookEventsApiDeps{database_->Executor(), [this](int64_t id) {
                                     return replays_.Replay(id);
                                 }});
        Router router;
        AddWebhookEventRoutes(router, *api_, auth_);
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
        port_ = server_->Port();
    }

    void TearDown() override { server_->Shutdown(); }

    int64_t Insert(int64_t connection_id,
                   const std::string& dedup_key,
                   const std::string& headers) {
        WebhookEvent event;
        event.platform = "shopify";
        event.connection_id = connection_id;
        event.topic = "orders/create";
        event.dedup_key = dedup_key;
        event.headers_json = headers;
        event.body = R"({"id":450789469,"note":"هدية"})";
        event.received_at = FromUnixMillis(1'767'300'000'000);
        auto id = TransactValue<std::optional<int64_t>>(
            database_->Executor(), TxMode::kWrite, [&](SqlSession& tx) {
                return InsertWebhookEvent(tx, event);
            });
        EXPECT_TRUE(id && *id);
        return id && *id ? **id : 0;
    }

    testing::HttpResult Call(const std::string& token,
                             const std::string& method,
                             const std::string& target) const {
        return HttpCallAuthed(port_, token, method, target);
    }

    static boost::json::value Json(const testing::HttpResult& r) {
        return boost::json::parse(r.body);
    }

    testing::TempDir dir_;
    std::unique_ptr<Database> database_;
    ReplayRecorder replays_;
    TokenAuthenticator auth_{HashApiToken(kAdmin), {{"s1", HashApiToken(kSeller1)}}};
    std::unique_ptr<WebhookEventsApi> api_;
    std::unique_ptr<HttpServer> server_;
    int port_ = 0;
};

TEST_F(WebhookEventsApiTest, SellerTokensAre403) {
    const int64_t id = Insert(7, "e1", "{}");
    const auto path = "/api/v1/webhook_events/" + std::to_string(id);
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/webhook_events"}, {"GET", path}, {"POST", path + "/replay"}}) {
        auto r = Call(kSeller1, method, target);
        EXPECT_EQ(r.status, 403) << target;
        EXPECT_EQ(Json(r).at("code").as_string(), "AUTHORIZATION_ERROR");
    }
    EXPECT_TRUE(replays_.Ids().empty());
}

TEST_F(WebhookEventsApiTest, ReadsAnEventWithItsBodyButNeverASignature) {
    const int64_t id = Insert(
        7,
        "e1",
        R"({"X-Shopify-Topic":"orders/create","X-Shopify-Hmac-Sha256":"c2lnbmF0dXJl","X-Signature":"x"})");
    auto r = Call(kAdmin, "GET", "/api/v1/webhook_events/" + std::to_string(id));
    ASSERT_EQ(r.status, 200) << r.body;
    const auto data = Json(r).at("data");
    EXPECT_EQ(data.at("id").as_int64(), id);
    EXPECT_EQ(data.at("ssc_id").as_int64(), 7);
    EXPECT_EQ(data.at("topic").as_string(), "orders/create");
    EXPECT_EQ(data.at("status").as_string(), "received");
    EXPECT_EQ(data.at("body").as_string(), R"({"id":450789469,"note":"هدية"})");
    EXPECT_EQ(data.at("headers"), boost::json::parse(R"({"X-Shopify-Topic":"orders/create"})"));
    EXPECT_EQ(r.body.find("c2lnbmF0dXJl"), std::string::npos);
    EXPECT_TRUE(data.at("processed_at").is_null());
    EXPECT_EQ(Call(kAdmin, "GET", "/api/v1/webhook_events/999").status, 404);
    EXPECT_EQ(Call(kAdmin, "GET", "/api/v1/webhook_events/abc").status, 404);
}

TEST_F(WebhookEventsApiTest, ListFiltersAndPagesNewestFirst) {
    const int64_t a = Insert(7, "a", "{}");
    const int64_t b = Insert(8, "b", "{}");
    const int64_t c = Insert(7, "c", "{}");
    ASSERT_TRUE(MarkWebhookEvent(database_->Executor(),
                                 c,
                                 WebhookEventStatus::kFailed,
                                 "bad payload",
                                 FromUnixMillis(1'767'300'001'000)));
    const auto ids = [&](const std::string& query) {
        auto r = Call(kAdmin, "GET", "/api/v1/webhook_events" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<int64_t> out;
        const auto json = Json(r);
        for (const auto& event : json.at("data").at("webhook_events").as_array()) {
            out.push_back(event.at("id").as_int64());
        }
        return out;
    };
    EXPECT_EQ(ids(""), (std::vector<int64_t>{c, b, a}));
    EXPECT_EQ(ids("?ssc_id=7"), (std::vector<int64_t>{c, a}));
    EXPECT_EQ(ids("?status=failed"), (std::vector<int64_t>{c}));
    EXPECT_EQ(ids("?before_id=" + std::to_string(c) + "&limit=1"), (std::vector<int64_t>{b}));
    auto page = Json(Call(kAdmin, "GET", "/api/v1/webhook_events?limit=2"));
    EXPECT_EQ(page.at("data").at("next_before_id").as_int64(), b);
    for (const std::string query : {"?limit=0", "?limit=500", "?status=done", "?ssc_id=x"}) {
        auto r = Call(kAdmin, "GET", "/api/v1/webhook_events" + query);
        EXPECT_EQ(r.status, 400) << query;
        EXPECT_EQ(Json(r).at("code").as_string(), "BAD_REQUEST");
    }
}

TEST_F(WebhookEventsApiTest, ReplayHandsTheEventToTheCallback) {
    const int64_t id = Insert(7, "e1", "{}");
    auto r = Call(kAdmin, "POST", "/api/v1/webhook_events/" + std::to_string(id) + "/replay");
    ASSERT_EQ(r.status, 202) << r.body;
    EXPECT_EQ(Json(r).at("data").at("id").as_int64(), id);
    EXPECT_EQ(replays_.Ids(), (std::vector<int64_t>{id}));
    EXPECT_EQ(Call(kAdmin, "POST", "/api/v1/webhook_events/999/replay").status, 404);
    replays_.FailNext();
    auto down = Call(kAdmin, "POST", "/api/v1/webhook_events/" + std::to_string(id) + "/replay");
    EXPECT_EQ(down.status, 503);
    EXPECT_EQ(Json(down).at("code").as_string(), "UNAVAILABLE");
    EXPECT_EQ(replays_.Ids().size(), 1U);
}

}  // namespace
}  // namespace scs
