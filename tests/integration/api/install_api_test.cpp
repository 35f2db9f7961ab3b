// The install routes (api/install_api) driving Shopify's OAuth install flow through the service's
// routes and the Shopify sandbox, over real HTTP on
// loopback: install → the shop's grant screen → the signed callback → tokens sealed on the
// seller's connection; and the callbacks that must be refused (tampered hmac, replayed state,
// foreign shop).
#include "api/install_api.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "connectors/catalogue.hpp"
#include "connectors/shopify/shopify_module.hpp"
#include "http/server.hpp"
#include "net/http_client.hpp"
#include "sandbox/server/sandbox_server.hpp"
#include "security/credential_seal.hpp"
#include "security/crypto.hpp"
#include "state/sqlite/sqlite_state_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/http_client.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using testing::HttpCall;
using testing::HttpCallAuthed;

constexpr const char* kAdmin = "oauth-admin-token-0123456789";
constexpr const char* kClientId = "app-client-id";
constexpr const char* kClientSecret = "app-client-secret-0123456789";
constexpr const char* kShop = "oauth-shop.myshopify.com";

// The path and query of an absolute http://127.0.0.1:PORT/... URL.
std::string TargetOf(const std::string& url) {
    const auto slash = url.find('/', url.find("//") + 2);
    return slash == std::string::npos ? "/" : url.substr(slash);
}

int PortOf(const std::string& url) {
    const auto colon = url.find(':', url.find("//") + 2);
    return std::stoi(url.substr(colon + 1));
}

// The real state store, with every lease read answered 50 ms late: copies of one callback sent
// together all read the nonce before any of them can spend it, so a check-then-spend race shows
// every time.
class SlowLeaseReads final : public StateStore {
public:
    explicit SlowLeaseReads(StateStore& inner) : inner_(inner) {}

    Result<bool> TryAcquireLease(std::string_view key,
                                 std::string_view owner,
                                 std::chrono::milliseconds ttl) override {
        return inner_.TryAcquireLease(key, owner, ttl);
    }

    Result<bool> RenewLease(std::string_view key,
                            std::string_view owner,
                            std::chrono::milliseconds ttl) override {
        return inner_.RenewLease(key, owner, ttl);
    }

    Status ReleaseLease(std::string_view key, std::string_view owner) override {
        return inner_.ReleaseLease(key, owner);
    }

    Result<std::optional<LeaseInfo>> GetLease(std::string_view key) override {
        auto lease = inner_.GetLease(key);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return lease;
    }

    Status SetLastSync(int64_t connection_id, std::string_view entity, TimePoint at) override {
        return inner_.SetLastSync(connection_id, entity, at);
    }

    Result<std::optional<TimePoint>> GetLastSync(int64_t connection_id,
                                                 std::string_view entity) override {
        return inner_.GetLastSync(connection_id, entity);
    }

    Result<BucketResult> TryTake(std::string_view bucket,
                                 double capacity,
                                 double refill_per_second,
                                 double tokens) override {
        return inner_.TryTake(bucket, capacity, refill_per_second, tokens);
    }

    Result<bool> TryLock(std::string_view key,
                         std::string_view owner,
                         std::chrono::milliseconds ttl) override {
        return inner_.TryLock(key, owner, ttl);
    }

    Status Unlock(std::string_view key, std::string_view owner) override {
        return inner_.Unlock(key, owner);
    }

private:
    StateStore& inner_;
};

// A platform whose install flow counts its completions.
class SlowCallbackFlow final : public InstallFlow {
public:
    explicit SlowCallbackFlow(std::atomic<int>& completed) : completed_(completed) {}

    Route FinishRoute() const override { return {"GET", "callback"}; }

    std::chrono::minutes NonceLifetime() const override { return std::chrono::minutes(10); }

    Result<std::string> StartStore(const InstallRequest& request) const override {
        return FindParam(request.query, "store").value_or("");
    }

    std::string AuthorizeUrl(const std::string&, const InstallUrls& urls) const override {
        return "http://platform.test/authorize?nonce=" + urls.nonce;
    }

    Result<InstallCallback> ReadCallback(const InstallRequest& request) const override {
        InstallCallback callback;
        callback.nonce = FindParam(request.query, "nonce").value_or("");
        return callback;
    }

    Result<InstallGrant> Complete(const std::string&,
                                  const std::string&,
                                  const InstallCallback&) const override {
        ++completed_;
        return InstallGrant{{{"access_token", "granted"}}, {}};
    }

    std::optional<bool> Granted(const QueryParams&) const override { return std::nullopt; }

private:
    std::atomic<int>& completed_;
};

class InstallApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(sandbox_.Start());
        boost::json::object spec{{"platform", "shopify"},
                                 {"shop", kShop},
                                 {"client_id", kClientId},
                                 {"client_secret", kClientSecret},
                                 {"orders", 0},
                                 {"seed", 3}};
        ASSERT_TRUE(sandbox_.CreateStore(spec));
        auto db = OpenSqliteDatabase(dir_.Path() / "scs.db", StorageConfig{});
        ASSERT_TRUE(db) << db.error().message;
        database_ = std::move(*db);
        ASSERT_TRUE(database_->Migrations().Up());
        sqlite_state_ = std::make_unique<SqliteStateStore>(database_->Executor(), clock_);
        state_ = std::make_unique<SlowLeaseReads>(*sqlite_state_);
        auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}});
        ASSERT_TRUE(box);
        secrets_ = std::make_unique<SecretBox>(std::move(*box));
        StartService();
    }

    void StartService() {
        const int port = testing::FreePort();
        ConnectorDeps shopify;
        shopify.base_url = sandbox_.BaseAddress() + "/shopify/{shop}";
        shopify.settings = {{"client_id", kClientId},
                            {"client_secret", kClientSecret},
                            {"scopes", "read_orders,write_fulfillments"}};
        shopify.http = MakeCurlHttpClient();
        shopify.clock = &clock_;
        registry_.Add(ShopifyModule(), shopify);
        PlatformModule slow;
        slow.tag = "salla";
        slow.install = [this](const ConnectorDeps&) -> std::unique_ptr<InstallFlow> {
            return std::make_unique<SlowCallbackFlow>(completed_);
        };
        registry_.Add(slow);
        api_ = std::make_unique<InstallApi>(InstallApiDeps{
            database_->Connections(),
            *secrets_,
            registry_,
            *state_,
            clock_,
            "http://127.0.0.1:" + std::to_string(port),
            [this](const Connection& connection, const Credentials& credentials) {
                hooked_.emplace_back(connection.store_id, credentials.at("access_token"));
                return Status{};
            }});
        Router router;
        AddInstallRoutes(router, *api_, registry_, auth_);
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = static_cast<uint16_t>(port);
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
        port_ = server_->Port();
    }

    // Install, then follow the shop's grant screen: the callback URL Shopify would send the
    // merchant's browser to.
    std::string CallbackUrl(const std::string& seller = "seller-9") const {
        auto install = HttpCallAuthed(
            port_,
            kAdmin,
            "GET",
            "/api/v1/sales_channels/shopify/install?seller_id=" + seller + "&shop=" + kShop);
        EXPECT_EQ(install.status, 302) << install.body;
        const auto authorize = install.Header("Location").value_or("");
        EXPECT_NE(authorize.find("/shopify/oauth-shop.myshopify.com/admin/oauth/authorize?"),
                  std::string::npos)
            << authorize;
        auto grant = HttpCall(PortOf(authorize), "GET", TargetOf(authorize));
        EXPECT_EQ(grant.status, 302) << grant.body;
        return grant.Header("Location").value_or("");
    }

    testing::HttpResult FollowCallback(const std::string& url) const {
        EXPECT_EQ(PortOf(url), port_) << url;
        return HttpCall(port_, "GET", TargetOf(url));
    }

    SandboxServer sandbox_;
    testing::TempDir dir_;
    SystemTimeSource clock_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<StateStore> sqlite_state_;
    std::unique_ptr<StateStore> state_;
    std::unique_ptr<SecretBox> secrets_;
    ConnectorRegistry registry_{BuiltinCatalogue()};
    TokenAuthenticator auth_{HashApiToken(kAdmin), {}};
    std::unique_ptr<InstallApi> api_;
    std::unique_ptr<HttpServer> server_;
    int port_ = 0;
    std::vector<std::pair<std::string, std::string>> hooked_;
    std::atomic<int> completed_{0};
};

TEST_F(InstallApiTest, InstallExchangesTheCodeAndSealsExpiringTokensOnTheConnection) {
    const auto callback = CallbackUrl();
    ASSERT_NE(callback.find("/api/v1/sales_channels/shopify/oauth/callback?"), std::string::npos)
        << callback;
    auto r = FollowCallback(callback);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto data = boost::json::parse(r.body).at("data");
    EXPECT_EQ(data.at("seller_id").as_string(), "seller-9");
    EXPECT_EQ(data.at("store_id").as_string(), kShop);
    EXPECT_TRUE(data.at("webhooks_subscribed").as_bool());
    EXPECT_EQ(r.body.find("shpat"), std::string::npos) << "a token reached the response";

    auto stored = database_->Connections().FindByStore("shopify", kShop);
    ASSERT_TRUE(stored && *stored);
    auto credentials = OpenCredentials(*secrets_, **stored);
    ASSERT_TRUE(credentials) << credentials.error().message;
    EXPECT_FALSE(credentials->at("access_token").empty());
    EXPECT_FALSE(credentials->at("refresh_token").empty());
    EXPECT_FALSE(credentials->at("expires_at").empty());
    ASSERT_EQ(hooked_.size(), 1U);
    EXPECT_EQ(hooked_[0].second, credentials->at("access_token"));

    // The state is single use: the same callback again is refused and changes nothing.
    auto replay = FollowCallback(callback);
    EXPECT_EQ(replay.status, 400) << replay.body;
    EXPECT_EQ(boost::json::parse(replay.body).at("code").as_string(), "OAUTH_ERROR");
    EXPECT_EQ(hooked_.size(), 1U);
}

TEST_F(InstallApiTest, ATamperedCallbackIsRefusedAndStoresNothing) {
    auto callback = CallbackUrl();
    const auto at = callback.find("code=");
    ASSERT_NE(at, std::string::npos);
    callback.insert(at + 5, "x");  // the code is part of the signed query
    auto r = FollowCallback(callback);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(boost::json::parse(r.body).at("code").as_string(), "OAUTH_ERROR");
    auto stored = database_->Connections().FindByStore("shopify", kShop);
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->has_value());
}

TEST_F(InstallApiTest, InstallNeedsAValidShopAndTheCallersOwnSeller) {
    auto bad_shop = HttpCallAuthed(
        port_, kAdmin, "GET", "/api/v1/sales_channels/shopify/install?seller_id=s&shop=evil.com");
    EXPECT_EQ(bad_shop.status, 400) << bad_shop.body;
    auto no_token =
        HttpCall(port_,
                 "GET",
                 std::string("/api/v1/sales_channels/shopify/install?seller_id=s&shop=") + kShop);
    EXPECT_EQ(no_token.status, 401);
    auto no_state = HttpCall(port_, "GET", "/api/v1/sales_channels/shopify/oauth/callback?shop=x");
    EXPECT_EQ(no_state.status, 400) << no_state.body;
    // Shopify sends the browser to the callback: it has no landing page.
    EXPECT_EQ(HttpCall(port_, "GET", "/api/v1/sales_channels/shopify/installed").status, 404);
}

TEST_F(InstallApiTest, PlatformsWithoutAnInstallFlowAnswer404) {
    for (const char* tag : {"zid", "nosuch"}) {
        auto r = HttpCallAuthed(
            port_,
            kAdmin,
            "GET",
            std::string("/api/v1/sales_channels/") + tag + "/install?seller_id=s&shop=" + kShop);
        EXPECT_EQ(r.status, 404) << tag << " " << r.body;
    }
}

// Copies of one callback arriving together (a browser retry, a proxy) spend the nonce once:
// exactly one completes the install.
TEST_F(InstallApiTest, ConcurrentCopiesOfOneCallbackSpendTheNonceOnce) {
    auto install = HttpCallAuthed(
        port_, kAdmin, "GET", "/api/v1/sales_channels/salla/install?seller_id=s1&store=4242");
    ASSERT_EQ(install.status, 302) << install.body;
    const auto location = install.Header("Location").value_or("");
    const auto nonce = location.substr(location.find("nonce=") + 6);
    ASSERT_FALSE(nonce.empty()) << location;
    constexpr int kCopies = 6;
    std::vector<int> statuses(kCopies, 0);
    std::vector<std::thread> copies;
    copies.reserve(kCopies);
    for (int i = 0; i < kCopies; ++i) {
        copies.emplace_back([&, i] {
            statuses[i] =
                HttpCall(port_, "GET", "/api/v1/sales_channels/salla/callback?nonce=" + nonce)
                    .status;
        });
    }
    for (auto& copy : copies) {
        copy.join();
    }
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 400), kCopies - 1);
    EXPECT_EQ(completed_.load(), 1);
}

}  // namespace
}  // namespace scs
