// The connections API over real HTTP on loopback, with real SQLite storage and real encryption.
// Only the platform is faked: a connector whose credential check accepts one token.
#include "api/connections_api.hpp"

#include <fstream>
#include <sstream>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "connectors/catalogue.hpp"
#include "connectors/shopify/shopify_module.hpp"
#include "http/server.hpp"
#include "security/crypto.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/http_client.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using testing::HttpCall;
using testing::HttpCallAuthed;

constexpr const char* kAdmin = "admin-token-0123456789";
constexpr const char* kSeller1 = "seller-one-token-0123456789";
constexpr const char* kGoodShopToken = "shpat_0123456789abcdef-secret";

// Stands in for Shopify: accepts exactly one access token.
class FakeShopifyConnector final : public Connector {
public:
    Status VerifyCredentials(const Connection&, const Credentials& credentials) override {
        if (credentials.at("access_token") != kGoodShopToken) {
            return Fail(ErrorCode::kInvalidCredentials, "Shopify rejected the access token");
        }
        return {};
    }

    Result<OrderPage> FetchOrders(ConnectorSession&, const OrderPageRequest&) override {
        return Fail(ErrorCode::kNotImplemented, "not used by the connections API");
    }

    Status SubscribeWebhooks(ConnectorSession&, std::string_view) override { return {}; }
};

class ConnectionsApiTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = OpenSqliteDatabase(dir_.Path() / "scs.db", StorageConfig{});
        ASSERT_TRUE(db) << db.error().message;
        database_ = std::move(*db);
        ASSERT_TRUE(database_->Migrations().Up());
        auto box = SecretBox::Create({MasterKey{"k1", std::string(32, 'k')}});
        ASSERT_TRUE(box);
        secrets_ = std::make_unique<SecretBox>(std::move(*box));
        // Shopify's own store-id rule (the shop domain) with a fake connector.
        PlatformModule shopify = ShopifyModule();
        shopify.connector = [](const ConnectorDeps&) {
            return std::make_unique<FakeShopifyConnector>();
        };
        registry_.Add(shopify);
        api_ = std::make_unique<ConnectionsApi>(ConnectionsApiDeps{
            database_->Connections(),
            *secrets_,
            registry_,
            clock_,
            [this](const Connection& connection, const Credentials& credentials) {
                subscribed_.emplace_back(connection.store_id, credentials.at("access_token"));
                return Status{};
            }});
        Router router;
        AddConnectionRoutes(router, *api_, auth_);
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        config.body_limit_bytes = size_t{64} * 1024;
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
        port_ = server_->Port();
    }

    void TearDown() override { server_->Shutdown(); }

    testing::HttpResult Connect(const std::string& seller,
                                const std::string& token,
                                const std::string& shop,
                                const std::string& access_token) const {
        return HttpCallAuthed(port_,
                              token,
                              "POST",
                              "/api/v1/sellers/" + seller + "/sales_channels",
                              R"({"platform":"shopify","name":"متجر التجربة","store_id":")" + shop +
                                  R"(","credentials":{"access_token":")" + access_token +
                                  R"(","webhook_secret":"whsec-0123456789"}})");
    }

    static boost::json::value Json(const testing::HttpResult& r) {
        return boost::json::parse(r.body);
    }

    testing::TempDir dir_;
    std::unique_ptr<Database> database_;
    std::unique_ptr<SecretBox> secrets_;
    ConnectorRegistry registry_{BuiltinCatalogue()};
    SystemTimeSource clock_;
    TokenAuthenticator auth_{HashApiToken(kAdmin), {{"s1", HashApiToken(kSeller1)}}};
    std::unique_ptr<ConnectionsApi> api_;
    std::unique_ptr<HttpServer> server_;
    int port_ = 0;
    // What the on-connect hook (the webhook subscription) was called with: store, token.
    std::vector<std::pair<std::string, std::string>> subscribed_;
};

TEST_F(ConnectionsApiTest, NoOrWrongTokenIs401) {
    auto none = HttpCall(port_, "GET", "/api/v1/sales_channels");
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(Json(none).at("code").as_string(), "AUTHENTICATION_ERROR");
    EXPECT_EQ(Json(none).at("status").as_string(), "error");
    EXPECT_EQ(
        HttpCallAuthed(port_, "wrong-token-0123456789", "GET", "/api/v1/sales_channels").status,
        401);
    EXPECT_EQ(
        HttpCall(port_, "GET", "/api/v1/sales_channels", {{"Authorization", "Basic abc"}}).status,
        401);
}

TEST_F(ConnectionsApiTest, CatalogueListsEveryPlatform) {
    auto r = HttpCallAuthed(port_, kSeller1, "GET", "/api/v1/sales_channels");
    ASSERT_EQ(r.status, 200);
    const auto json = Json(r);
    const auto& data = json.at("data").as_array();
    ASSERT_EQ(data.size(), 6U);
    EXPECT_EQ(data[0].at("tag").as_string(), "shopify");
    EXPECT_TRUE(data[0].at("available").as_bool());
    EXPECT_FALSE(data[1].at("available").as_bool());
    EXPECT_EQ(data[4].at("tag").as_string(), "amazon");
    EXPECT_TRUE(data[4].at("needs_marketplaces").as_bool());
}

TEST_F(ConnectionsApiTest, ConnectReadAndNeverExposeSecrets) {
    auto created = Connect("s1", kSeller1, "Demo-Shop.myshopify.com", kGoodShopToken);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.body.find(kGoodShopToken), std::string::npos);
    EXPECT_EQ(created.body.find("whsec-0123456789"), std::string::npos);
    const auto json = Json(created);
    const auto& data = json.at("data");
    EXPECT_EQ(data.at("store_id").as_string(), "demo-shop.myshopify.com");
    EXPECT_EQ(data.at("name").as_string(), "متجر التجربة");
    EXPECT_EQ(data.at("credentials_set").as_array().size(), 2U);
    const auto id = std::to_string(data.at("id").as_int64());
    auto read = HttpCallAuthed(port_, kSeller1, "GET", "/api/v1/sellers/s1/sales_channels/" + id);
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.body.find(kGoodShopToken), std::string::npos);
    auto list = HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/sellers/s1/sales_channels");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(Json(list).at("data").as_array().size(), 1U);
}

TEST_F(ConnectionsApiTest, CredentialsAreEncryptedAtRest) {
    ASSERT_EQ(Connect("s1", kAdmin, "vault.myshopify.com", kGoodShopToken).status, 201);
    std::string bytes;
    for (const char* file : {"scs.db", "scs.db-wal"}) {
        std::ifstream in(dir_.Path() / file, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        bytes += s.str();
    }
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find(kGoodShopToken), std::string::npos);
    EXPECT_EQ(bytes.find("whsec-0123456789"), std::string::npos);
    // What is stored opens back to the credentials with the key.
    auto stored = database_->Connections().ListBySeller("s1");
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->size(), 1U);
    auto plain = secrets_->Open(stored->at(0).credentials, "scs.credentials.v1/s1/shopify");
    ASSERT_TRUE(plain) << plain.error().message;
    EXPECT_NE(plain->find(kGoodShopToken), std::string::npos);
}

TEST_F(ConnectionsApiTest, ConnectingSubscribesTheStoresWebhooksWithTheNewCredentials) {
    auto r = Connect("s1", kSeller1, "hooked.myshopify.com", kGoodShopToken);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(Json(r).at("data").at("webhooks_subscribed").as_bool());
    ASSERT_EQ(subscribed_.size(), 1U);
    EXPECT_EQ(subscribed_[0].first, "hooked.myshopify.com");
    EXPECT_EQ(subscribed_[0].second, kGoodShopToken);
}

TEST_F(ConnectionsApiTest, RejectedCredentialsAre422AndNothingIsStored) {
    auto r = Connect("s1", kSeller1, "shop.myshopify.com", "shpat_wrong");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(Json(r).at("code").as_string(), "INVALID_CREDENTIALS");
    EXPECT_TRUE(database_->Connections().ListBySeller("s1")->empty());
}

TEST_F(ConnectionsApiTest, PlatformWithoutConnectorIs501) {
    auto r = HttpCallAuthed(port_,
                            kSeller1,
                            "POST",
                            "/api/v1/sellers/s1/sales_channels",
                            R"({"platform":"salla","store_id":"1234509876",
                                "credentials":{"access_token":"tok_1"}})");
    EXPECT_EQ(r.status, 501);
    EXPECT_EQ(Json(r).at("code").as_string(), "NOT_IMPLEMENTED");
    EXPECT_NE(Json(r).at("message").as_string().find("Salla"), std::string::npos);
}

// A WooCommerce site is a URL the seller types: one on the service's own network is refused
// before any call is made to it, and nothing is stored.
TEST_F(ConnectionsApiTest, WooCommerceSiteOnAPrivateAddressIs400) {
    for (const char* site :
         {"https://127.0.0.1:8443", "https://169.254.169.254", "https://10.1.2.3"}) {
        auto r = HttpCallAuthed(
            port_,
            kSeller1,
            "POST",
            "/api/v1/sellers/s1/sales_channels",
            std::string(R"({"platform":"woocommerce","store_id":")") + site +
                R"(","credentials":{"consumer_key":"ck_1","consumer_secret":"cs_1"}})");
        EXPECT_EQ(r.status, 400) << site << " " << r.body;
        EXPECT_EQ(Json(r).at("code").as_string(), "BAD_REQUEST") << site;
        EXPECT_EQ(Json(r).at("field").as_string(), "store_id") << site;
    }
    EXPECT_TRUE(database_->Connections().ListBySeller("s1")->empty());
}

struct BadBody {
    const char* body;
    int status;
    const char* code;
    const char* field;
};

class ConnectionsValidation : public ConnectionsApiTest,
                              public ::testing::WithParamInterface<BadBody> {};

TEST_P(ConnectionsValidation, ClearErrorNamingTheField) {
    auto r = HttpCallAuthed(
        port_, kSeller1, "POST", "/api/v1/sellers/s1/sales_channels", GetParam().body);
    EXPECT_EQ(r.status, GetParam().status) << r.body;
    const auto json = Json(r);
    EXPECT_EQ(json.at("code").as_string(), GetParam().code);
    if (*GetParam().field != '\0') {
        EXPECT_EQ(json.at("field").as_string(), GetParam().field) << r.body;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Bodies,
    ConnectionsValidation,
    ::testing::Values(
        BadBody{"not json", 400, "INVALID_PAYLOAD", ""},
        BadBody{"[1,2]", 400, "INVALID_PAYLOAD", ""},
        BadBody{R"({"store_id":"a.myshopify.com"})", 400, "BAD_REQUEST", "platform"},
        BadBody{R"({"platform":"ebay"})", 400, "BAD_REQUEST", "platform"},
        BadBody{
            R"({"platform":"shopify","store_id":"a.example.com"})", 400, "BAD_REQUEST", "store_id"},
        BadBody{R"({"platform":"shopify","store_id":"a.myshopify.com","credentials":{}})",
                400,
                "BAD_REQUEST",
                "credentials.access_token"},
        BadBody{
            R"({"platform":"shopify","store_id":"a.myshopify.com","credentials":{"access_token":"x","pin":"1"}})",
            400,
            "BAD_REQUEST",
            "credentials.pin"},
        BadBody{R"({"platform":"shopify","store_id":"a.myshopify.com","colour":"red"})",
                400,
                "BAD_REQUEST",
                "colour"},
        BadBody{R"({"platform":"shopify","store_id":"a.myshopify.com","name":7})",
                400,
                "BAD_REQUEST",
                "name"},
        BadBody{
            R"({"platform":"amazon","store_id":"A2EUQ1WTGCTBG2","credentials":{"refresh_token":"r"}})",
            400,
            "BAD_REQUEST",
            "marketplaces"},
        BadBody{
            R"({"platform":"shopify","store_id":"a.myshopify.com","settings":{"safety_stock":-2}})",
            400,
            "BAD_REQUEST",
            "settings.safety_stock"}));

TEST_F(ConnectionsApiTest, SameStoreTwiceIsAConflict) {
    ASSERT_EQ(Connect("s1", kSeller1, "twice.myshopify.com", kGoodShopToken).status, 201);
    auto again = Connect("s2", kAdmin, "twice.myshopify.com", kGoodShopToken);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(Json(again).at("code").as_string(), "CONFLICT");
}

TEST_F(ConnectionsApiTest, ASellerTokenSeesNothingOfAnotherSeller) {
    auto other = Connect("s2", kAdmin, "other.myshopify.com", kGoodShopToken);
    ASSERT_EQ(other.status, 201);
    const auto id = std::to_string(Json(other).at("data").at("id").as_int64());
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/sellers/s2/sales_channels"},
             {"GET", "/api/v1/sellers/s2/sales_channels/" + id},
             {"GET", "/api/v1/sellers/s1/sales_channels/" + id},
             {"PATCH", "/api/v1/sellers/s1/sales_channels/" + id},
             {"DELETE", "/api/v1/sellers/s2/sales_channels/" + id},
             {"POST", "/api/v1/sellers/s2/sales_channels"}}) {
        auto r = HttpCallAuthed(port_, kSeller1, method, target, R"({"name":"mine"})");
        EXPECT_EQ(r.status, 404) << method << " " << target;
        EXPECT_EQ(r.body.find("other.myshopify.com"), std::string::npos);
    }
    EXPECT_EQ(
        HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/sellers/s2/sales_channels/" + id).status,
        200);
}

TEST_F(ConnectionsApiTest, PatchRefusesAFreezeTimeTooLongToHold) {
    auto created = Connect("s1", kSeller1, "freeze.myshopify.com", kGoodShopToken);
    ASSERT_EQ(created.status, 201);
    const auto path = "/api/v1/sellers/s1/sales_channels/" +
                      std::to_string(Json(created).at("data").at("id").as_int64());
    for (const std::string duration : {"31d", "99999999999d", "999999999999999d"}) {
        auto patched =
            HttpCallAuthed(port_,
                           kSeller1,
                           "PATCH",
                           path,
                           R"({"settings":{"freeze_times":{"orders":")" + duration + R"("}}})");
        EXPECT_EQ(patched.status, 400) << duration << ": " << patched.body;
        EXPECT_EQ(Json(patched).at("field").as_string(), "settings.freeze_times.orders");
    }
}

TEST_F(ConnectionsApiTest, PatchConfiguresAndDeleteDisconnects) {
    auto created = Connect("s1", kSeller1, "patch.myshopify.com", kGoodShopToken);
    ASSERT_EQ(created.status, 201);
    const auto path = "/api/v1/sellers/s1/sales_channels/" +
                      std::to_string(Json(created).at("data").at("id").as_int64());
    auto patched = HttpCallAuthed(port_,
                                  kSeller1,
                                  "PATCH",
                                  path,
                                  R"({"name":"Renamed","status":"paused","settings":{
                                      "hub_locations":{"RUH1":"gid://shopify/Location/7"},
                                      "status_mapping":{"paid":"confirmed"},
                                      "freeze_times":{"orders":"45s"},"safety_stock":2}})");
    ASSERT_EQ(patched.status, 200) << patched.body;
    auto read = Json(HttpCallAuthed(port_, kSeller1, "GET", path)).at("data");
    EXPECT_EQ(read.at("name").as_string(), "Renamed");
    EXPECT_EQ(read.at("status").as_string(), "paused");
    EXPECT_EQ(read.at("settings").at("hub_locations").at("RUH1").as_string(),
              "gid://shopify/Location/7");
    EXPECT_EQ(read.at("settings").at("freeze_times").at("orders").as_string(), "45s");
    EXPECT_EQ(read.at("settings").at("safety_stock").as_int64(), 2);
    auto bad_status =
        HttpCallAuthed(port_, kSeller1, "PATCH", path, R"({"status":"disconnected"})");
    EXPECT_EQ(bad_status.status, 400);
    EXPECT_EQ(Json(bad_status).at("field").as_string(), "status");
    auto bad_token = HttpCallAuthed(
        port_, kSeller1, "PATCH", path, R"({"credentials":{"access_token":"nope"}})");
    EXPECT_EQ(bad_token.status, 422);

    EXPECT_EQ(HttpCallAuthed(port_, kSeller1, "DELETE", path).status, 204);
    EXPECT_EQ(HttpCallAuthed(port_, kSeller1, "GET", path).status, 404);
    EXPECT_EQ(HttpCallAuthed(port_, kSeller1, "DELETE", path).status, 404);
    EXPECT_TRUE(Json(HttpCallAuthed(port_, kSeller1, "GET", "/api/v1/sellers/s1/sales_channels"))
                    .at("data")
                    .as_array()
                    .empty());
    // The disconnected row keeps no credentials, and the store can be connected again.
    auto stored = database_->Connections().FindByStore("shopify", "patch.myshopify.com");
    ASSERT_TRUE(stored);
    EXPECT_FALSE(stored->has_value());
    EXPECT_EQ(Connect("s1", kSeller1, "patch.myshopify.com", kGoodShopToken).status, 201);
}

TEST_F(ConnectionsApiTest, UnknownConnectionIdsAre404) {
    EXPECT_EQ(HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/sellers/s1/sales_channels/999").status,
              404);
    EXPECT_EQ(HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/sellers/s1/sales_channels/abc").status,
              404);
    EXPECT_EQ(
        HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/sellers/bad%20id/sales_channels").status,
        400);
}

TEST_F(ConnectionsApiTest, OversizedBodyIs413) {
    const std::string huge(size_t{70} * 1024, 'x');
    auto r = HttpCallAuthed(port_, kSeller1, "POST", "/api/v1/sellers/s1/sales_channels", huge);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(Json(r).at("code").as_string(), "PAYLOAD_TOO_LARGE");
}

}  // namespace
}  // namespace scs
