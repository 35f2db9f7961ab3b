// The sync routes over real HTTP on loopback, on the SyncTest stores.
#include "api/sync_api.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "http/server.hpp"
#include "security/crypto.hpp"
#include "support/http_client.hpp"
#include "sync_env.hpp"

namespace scs::testing {
namespace {

constexpr const char* kAdmin = "admin-token-0123456789";
constexpr const char* kSeller2 = "seller-two-token-0123456789";

class SyncApiTest : public SyncTest {
protected:
    void SetUp() override {
        SyncTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        api_ = std::make_unique<SyncApi>(
            SyncApiDeps{env_->Db().Connections(), env_->Executor(), *service_});
        Router router;
        AddSyncRoutes(router, *api_, auth_);
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
    }

    void TearDown() override {
        if (server_) {
            server_->Shutdown();
        }
        SyncTest::TearDown();
    }

    std::string Base(const std::string& seller = "s1") const {
        return "/api/v1/sellers/" + seller + "/sales_channels/" + std::to_string(connection_.id);
    }

    HttpResult Call(const std::string& method,
                    const std::string& target,
                    const std::string& body = "",
                    const char* token = kAdmin) const {
        return HttpCallAuthed(server_->Port(), token, method, target, body);
    }

    static boost::json::value Json(const HttpResult& r) { return boost::json::parse(r.body); }

    TokenAuthenticator auth_{HashApiToken(kAdmin), {{"s2", HashApiToken(kSeller2)}}};
    std::unique_ptr<SyncApi> api_;
    std::unique_ptr<HttpServer> server_;
};

TEST_P(SyncApiTest, PostTriggersThenRefusesWhileInProgressAndWhileFrozen) {
    platform_->Fill(2, 3);
    auto first = Call("POST", Base() + "/syncs", R"({"entity":"orders"})");
    ASSERT_EQ(first.status, 202) << first.body;
    const auto data = Json(first).at("data");
    EXPECT_EQ(data.at("run").at("status").as_string(), "queued");
    EXPECT_EQ(data.at("status").at("current_status").as_string(), "in_progress");
    const auto run_id = data.at("run").at("id").as_int64();

    auto busy = Call("POST", Base() + "/syncs", R"({"entity":"orders"})");
    EXPECT_EQ(busy.status, 409);
    EXPECT_EQ(Json(busy).at("code").as_string(), "SYNC_IN_PROGRESS");

    ASSERT_TRUE(Succeeded(RunNextJob()));
    auto frozen = Call("GET",
                       "/api/v1/sales_channels/sellers/s1/sales_channels/" +
                           std::to_string(connection_.id) + "/sync_products?sync_entity=orders");
    EXPECT_EQ(frozen.status, 429);
    EXPECT_EQ(Json(frozen).at("code").as_string(), "RATE_LIMIT_EXCEEDED");
    EXPECT_EQ(frozen.Header("Retry-After"), "120") << frozen.body;

    auto status = Call("GET", Base() + "/sync_status?entity=orders");
    ASSERT_EQ(status.status, 200);
    const auto view = Json(status).at("data");
    EXPECT_FALSE(view.at("is_valid").as_bool());
    EXPECT_FALSE(view.at("enable_button").as_bool());
    EXPECT_EQ(view.at("retry_after").as_int64(), 120);
    EXPECT_EQ(view.at("current_status").as_string(), "idle");
    EXPECT_TRUE(view.at("last_sync").is_string());

    auto run = Call("GET", Base() + "/syncs/" + std::to_string(run_id));
    ASSERT_EQ(run.status, 200);
    EXPECT_EQ(Json(run).at("data").at("status").as_string(), "succeeded");
    EXPECT_EQ(Json(run).at("data").at("counts").at("created").as_int64(), 2);
    auto runs = Call("GET", Base() + "/syncs?entity=orders&limit=5");
    ASSERT_EQ(runs.status, 200);
    EXPECT_EQ(Json(runs).at("data").at("runs").as_array().size(), 1U);
}

TEST_P(SyncApiTest, TheSeedTriggerAcceptsAFromTime) {
    auto r =
        Call("GET",
             "/api/v1/sales_channels/sellers/s1/sales_channels/" + std::to_string(connection_.id) +
                 "/sync_products?sync_entity=orders&sync_from_time=2026-01-31T12:00:00%2B03:00"
                 "&sync_from_type=updated_at");
    ASSERT_EQ(r.status, 202) << r.body;
    const auto run_id = Json(r).at("data").at("run_id").as_int64();
    EXPECT_EQ(Run(run_id).from, ParseRfc3339("2026-01-31T09:00:00Z"));
}

TEST_P(SyncApiTest, BadInputIs400) {
    const std::string seed = "/api/v1/sales_channels/sellers/s1/sales_channels/" +
                             std::to_string(connection_.id) + "/sync_products?sync_entity=";
    EXPECT_EQ(Call("GET", seed + "inventory").status, 400);
    EXPECT_EQ(Call("GET", seed + "widgets").status, 400);
    EXPECT_EQ(Call("GET", seed + "orders&sync_from_type=created_at").status, 400);
    EXPECT_EQ(Call("GET", seed + "orders&sync_from_time=yesterday").status, 400);
    EXPECT_EQ(Call("POST", Base() + "/syncs", R"({"entity":"orders","from":"x"})").status, 400);
    EXPECT_EQ(Call("POST", Base() + "/syncs", R"({"entity":"orders","extra":1})").status, 400);
    EXPECT_EQ(Call("POST", Base() + "/syncs", R"({})").status, 400);
    EXPECT_EQ(Call("GET", Base() + "/sync_status").status, 400);
    EXPECT_EQ(Call("GET", Base() + "/syncs?limit=0").status, 400);
    auto none = Call("GET", Base() + "/syncs");
    ASSERT_EQ(none.status, 200);
    EXPECT_TRUE(Json(none).at("data").at("runs").as_array().empty());
}

TEST_P(SyncApiTest, AnotherSellersTokenAndUnknownIdsGet404) {
    EXPECT_EQ(Call("GET", Base() + "/sync_status?entity=orders", "", kSeller2).status, 404);
    EXPECT_EQ(Call("POST", Base() + "/syncs", R"({"entity":"orders"})", kSeller2).status, 404);
    EXPECT_EQ(Call("GET", Base("s2") + "/sync_status?entity=orders", "", kSeller2).status, 404);
    EXPECT_EQ(Call("GET", Base() + "/syncs/999").status, 404);
    EXPECT_EQ(Call("GET", "/api/v1/sellers/s1/sales_channels/999/syncs").status, 404);
    EXPECT_EQ(HttpCall(server_->Port(), "GET", Base() + "/syncs").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         SyncApiTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
