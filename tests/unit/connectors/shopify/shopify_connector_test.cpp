#include "connectors/shopify/shopify_connector.hpp"

#include <deque>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/order_mapping.hpp"
#include "fixtures.hpp"
#include "net/http_client.hpp"
#include "support/memory_vault.hpp"
#include "support/scripted_http_client.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;
namespace json = boost::json;

using testing::MemoryVault;
using ScriptedHttp = testing::ScriptedHttpClient;

std::string Cost(double available) {
    return R"("extensions":{"cost":{"requestedQueryCost":100,"actualQueryCost":50,"throttleStatus":)"
           R"({"maximumAvailable":2000.0,"currentlyAvailable":)" +
           std::to_string(available) + R"(,"restoreRate":100.0}}})";
}

std::string Data(const std::string& data) {
    return R"({"data":)" + data + "," + Cost(1900) + "}";
}

std::string Throttled(double available) {
    return R"({"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}],)" +
           Cost(available) + "}";
}

std::string OrdersPage(const std::vector<json::object>& nodes, bool more) {
    json::array array(nodes.begin(), nodes.end());
    json::object page{
        {"nodes", array},
        {"pageInfo", json::object{{"hasNextPage", more}, {"endCursor", more ? "c2" : ""}}}};
    return Data(json::serialize(json::object{{"orders", page}}));
}

json::object FixtureNode() {
    return json::parse(testing::ShopifyOrderFixture("riyadh_cod_graphql.json")).as_object();
}

class ShopifyConnectorTest : public ::testing::Test {
protected:
    ConnectorPtr Make() {
        ConnectorDeps deps;
        deps.base_url = "http://shop.test/{shop}";
        deps.http = http_;
        deps.sleep = [this](milliseconds d) {
            slept_.push_back(d);
        };
        deps.settings = {{"client_id", "cid"}, {"client_secret", "cs"}, {"max_wait_ms", "20000"}};
        return MakeShopifyConnector(deps);
    }

    ConnectorSession Session() {
        ConnectorSession session;
        session.connection.id = 7;
        session.connection.store_id = "demo.myshopify.com";
        session.credentials = {{"access_token", "at1"}};
        session.vault = &vault_;
        return session;
    }

    OrderPageRequest Request() {
        OrderPageRequest request;
        request.mapping = testing::ShopifyTestContext();
        return request;
    }

    std::shared_ptr<ScriptedHttp> http_ = std::make_shared<ScriptedHttp>();
    MemoryVault vault_;
    std::vector<milliseconds> slept_;
};

TEST_F(ShopifyConnectorTest, FetchesAPageAtTheVersionedEndpointWithTheToken) {
    http_->Add(200, OrdersPage({FixtureNode()}, true));
    auto session = Session();
    auto request = Request();
    request.updated_since = ParseRfc3339("2026-01-01T00:00:00Z");
    auto page = Make()->FetchOrders(session, request);
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_EQ(page->orders.size(), 1U);
    EXPECT_TRUE(page->orders[0].order) << page->orders[0].order.error().message;
    EXPECT_EQ(page->next_cursor, "c2");
    const auto& sent = http_->requests.at(0);
    EXPECT_EQ(sent.url, "http://shop.test/demo.myshopify.com/admin/api/2026-10/graphql.json");
    EXPECT_NE(std::find(sent.headers.begin(),
                        sent.headers.end(),
                        std::pair<std::string, std::string>{"X-Shopify-Access-Token", "at1"}),
              sent.headers.end());
    const auto body = json::parse(sent.body).as_object();
    EXPECT_EQ(body.at("variables").at("query").as_string(), "updated_at:>='2026-01-01T00:00:00Z'");
    EXPECT_NE(body.at("query").as_string().find("sortKey: UPDATED_AT"), json::string::npos);
}

TEST_F(ShopifyConnectorTest, APoisonNodeFailsAloneWithItsIds) {
    json::object poison = FixtureNode();
    poison["totalPriceSet"] = "not money";
    http_->Add(200, OrdersPage({poison, FixtureNode()}, false));
    auto session = Session();
    auto page = Make()->FetchOrders(session, Request());
    ASSERT_TRUE(page);
    ASSERT_EQ(page->orders.size(), 2U);
    EXPECT_FALSE(page->orders[0].order);
    EXPECT_FALSE(page->orders[0].external_id.empty());
    EXPECT_TRUE(page->orders[0].updated_at.has_value());
    EXPECT_TRUE(page->orders[1].order);
    EXPECT_EQ(page->next_cursor, "");
}

TEST_F(ShopifyConnectorTest, PagesTheRemainingLineItemsAndMergesThem) {
    const json::object full = FixtureNode();
    json::object first = full;
    json::array lines = full.at("lineItems").at("nodes").as_array();
    first["lineItems"] =
        json::object{{"nodes", json::array{lines[0]}},
                     {"pageInfo", json::object{{"hasNextPage", true}, {"endCursor", "l1"}}}};
    http_->Add(200, OrdersPage({first}, false));
    http_->Add(
        200,
        Data(json::serialize(json::object{
            {"order",
             json::object{{"lineItems",
                           json::object{{"nodes", json::array{lines[1]}},
                                        {"pageInfo", json::object{{"hasNextPage", false}}}}}}}})));
    auto session = Session();
    auto page = Make()->FetchOrders(session, Request());
    ASSERT_TRUE(page) << page.error().message;
    const auto expected =
        MapShopifyGraphqlOrder(json::serialize(full), testing::ShopifyTestContext());
    ASSERT_TRUE(page->orders.at(0).order);
    EXPECT_EQ(page->orders[0].order->line_items.size(), 2U);
    EXPECT_EQ(*page->orders[0].order, *expected);
    const auto follow_up = json::parse(http_->requests.at(1).body).as_object();
    EXPECT_EQ(follow_up.at("variables").at("after").as_string(), "l1");
    EXPECT_EQ(follow_up.at("variables").at("id"), full.at("id"));
}

TEST_F(ShopifyConnectorTest, ThrottledAnswersAreWaitedOutAndRetried) {
    http_->Add(200, Throttled(20));
    http_->Add(429, R"({"errors":"Exceeded"})", {{"Retry-After", "1.5"}});
    http_->Add(200, OrdersPage({}, false));
    auto session = Session();
    auto page = Make()->FetchOrders(session, Request());
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_EQ(slept_.size(), 2U);
    const int requested =
        static_cast<int>(json::parse(http_->requests[0].body).at("query").as_string().size() > 0);
    EXPECT_GT(requested, 0);
    EXPECT_GT(slept_[0], milliseconds(0));  // (estimate - 20) / 100 s
    EXPECT_EQ(slept_[1], milliseconds(1500));
}

TEST_F(ShopifyConnectorTest, ThrottlingBeyondTheWaitBudgetIsRateLimitedWithRetryAfter) {
    for (int i = 0; i < 10; ++i) {
        http_->Add(200, Throttled(0));
    }
    auto session = Session();
    auto page = Make()->FetchOrders(session, Request());
    ASSERT_FALSE(page);
    EXPECT_EQ(page.error().code, ErrorCode::kRateLimited);
    ASSERT_TRUE(page.error().retry_after.has_value());
    EXPECT_GT(page.error().retry_after->count(), 0);
}

TEST_F(ShopifyConnectorTest, MaxCostExceededHalvesThePageSize) {
    http_->Add(
        200, R"({"errors":[{"message":"too costly","extensions":{"code":"MAX_COST_EXCEEDED"}}]})");
    http_->Add(200, OrdersPage({}, false));
    auto session = Session();
    auto request = Request();
    request.page_size = 4;
    ASSERT_TRUE(Make()->FetchOrders(session, request));
    EXPECT_NE(json::parse(http_->requests[1].body).at("query").as_string().find("orders(first: 2,"),
              json::string::npos);
}

TEST_F(ShopifyConnectorTest, ServerErrorsAndBadBodiesMapToTheContractCodes) {
    http_->Add(503, "down");
    http_->Add(200, "{not json");
    http_->Add(200, R"({"errors":[{"message":"boom"}]})");
    auto session = Session();
    auto connector = Make();
    EXPECT_EQ(connector->FetchOrders(session, Request()).error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(connector->FetchOrders(session, Request()).error().code, ErrorCode::kInvalidPayload);
    EXPECT_EQ(connector->FetchOrders(session, Request()).error().code, ErrorCode::kInvalidPayload);
}

TEST_F(ShopifyConnectorTest, A401WithoutRefreshTokenIsInvalidCredentials) {
    http_->Add(401, R"({"errors":"[API] Invalid API key or access token"})");
    auto session = Session();
    EXPECT_EQ(Make()->FetchOrders(session, Request()).error().code, ErrorCode::kInvalidCredentials);
}

TEST_F(ShopifyConnectorTest, A401RefreshesOnceSavesTheRotatedTokensThenRetries) {
    http_->Add(401, "{}");
    http_->Add(200, R"({"access_token":"at2","expires_in":3600,"refresh_token":"rt2"})");
    http_->Add(200, OrdersPage({}, false));
    auto session = Session();
    session.credentials["refresh_token"] = "rt1";
    vault_.stored = session.credentials;
    ASSERT_TRUE(Make()->FetchOrders(session, Request()));
    EXPECT_EQ(vault_.saves, 1);
    EXPECT_EQ(vault_.stored.at("refresh_token"), "rt2");
    EXPECT_EQ(session.credentials.at("access_token"), "at2");
    const auto refresh = json::parse(http_->requests[1].body).as_object();
    EXPECT_EQ(http_->requests[1].url,
              "http://shop.test/demo.myshopify.com/admin/oauth/access_token");
    EXPECT_EQ(refresh.at("refresh_token").as_string(), "rt1");
    EXPECT_EQ(refresh.at("grant_type").as_string(), "refresh_token");
    const auto& retried = http_->requests[2].headers;
    EXPECT_NE(std::find(retried.begin(),
                        retried.end(),
                        std::pair<std::string, std::string>{"X-Shopify-Access-Token", "at2"}),
              retried.end());
}

TEST_F(ShopifyConnectorTest, VerifyCredentialsChecksTheShopAndTheDomainRule) {
    http_->Add(200, Data(R"({"shop":{"name":"Demo","myshopifyDomain":"demo.myshopify.com"}})"));
    http_->Add(403, "{}");
    auto connector = Make();
    Connection connection;
    connection.store_id = "demo.myshopify.com";
    EXPECT_TRUE(connector->VerifyCredentials(connection, {{"access_token", "at"}}));
    EXPECT_EQ(connector->VerifyCredentials(connection, {{"access_token", "at"}}).error().code,
              ErrorCode::kInvalidCredentials);
    connection.store_id = "demo.example.com";
    EXPECT_EQ(connector->VerifyCredentials(connection, {{"access_token", "at"}}).error().code,
              ErrorCode::kBadRequest);
}

TEST_F(ShopifyConnectorTest, SubscribeWebhooksCreatesOnlyTheMissingTopics) {
    http_->Add(200, Data(R"({"webhookSubscriptions":{"nodes":[
        {"id":"1","topic":"ORDERS_CREATE","uri":"https://cb"},
        {"id":"2","topic":"ORDERS_UPDATED","uri":"https://other"}],"pageInfo":{"hasNextPage":false}}})"));
    for (int i = 0; i < 3; ++i) {
        http_->Add(
            200,
            Data(
                R"({"webhookSubscriptionCreate":{"webhookSubscription":{"id":"9"},"userErrors":[]}})"));
    }
    auto session = Session();
    ASSERT_TRUE(Make()->SubscribeWebhooks(session, "https://cb"));
    ASSERT_EQ(http_->requests.size(), 4U);
    std::vector<std::string> topics;
    for (size_t i = 1; i < 4; ++i) {
        const auto body = json::parse(http_->requests[i].body).as_object();
        topics.emplace_back(body.at("variables").at("topic").as_string());
        EXPECT_EQ(body.at("variables").at("uri").as_string(), "https://cb");
    }
    EXPECT_EQ(topics,
              (std::vector<std::string>{"ORDERS_UPDATED", "ORDERS_CANCELLED", "APP_UNINSTALLED"}));
}

TEST_F(ShopifyConnectorTest, SubscribeWebhooksReportsUserErrors) {
    http_->Add(200,
               Data(R"({"webhookSubscriptions":{"nodes":[],"pageInfo":{"hasNextPage":false}}})"));
    http_->Add(200, Data(R"({"webhookSubscriptionCreate":{"webhookSubscription":null,
        "userErrors":[{"field":["uri"],"message":"Address is invalid"}]}})"));
    auto session = Session();
    const auto status = Make()->SubscribeWebhooks(session, "ftp://x");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(status.error().message.find("Address is invalid"), std::string::npos);
}

}  // namespace
}  // namespace scs
