// The GraphQL Admin endpoint of the sandbox: auth, shop, orders paging and filter, cost and
// THROTTLED, over real HTTP.
#include <atomic>
#include <set>
#include <thread>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "core/time.hpp"
#include "sandbox_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "demo.myshopify.com";
constexpr const char* kToken = "shpat_graphql";
constexpr const char* kOrdersQuery = R"(
query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    nodes { id name updatedAt }
    pageInfo { hasNextPage endCursor }
  }
})";

json::object Spec(int orders) {
    return {{"shop", kShop},
            {"access_token", kToken},
            {"webhook_secret", "s"},
            {"orders", orders},
            {"seed", 11}};
}

TEST(SandboxGraphqlTest, RejectsAMissingOrWrongToken) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec(1));
    for (const std::string token : {"", "shpat_wrong"}) {
        auto answer = sandbox.Graphql(kShop, token, "{ shop { name } }");
        EXPECT_EQ(answer.status, 401);
        EXPECT_EQ(
            answer.raw.body,
            R"x({"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"})x");
    }
    EXPECT_EQ(sandbox.Graphql("nope.myshopify.com", kToken, "{ shop { name } }").status, 404);
}

TEST(SandboxGraphqlTest, AnswersTheShopWithCost) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec(1));
    auto answer = sandbox.Graphql(kShop, kToken, "{ shop { name myshopifyDomain currencyCode } }");
    ASSERT_EQ(answer.status, 200) << answer.raw.body;
    EXPECT_EQ(answer.body.at("data").at("shop").at("myshopifyDomain"), kShop);
    EXPECT_EQ(answer.body.at("data").at("shop").at("name"), "demo");
    const auto& cost = answer.body.at("extensions").at("cost");
    EXPECT_EQ(cost.at("requestedQueryCost"), 1);
    EXPECT_EQ(cost.at("actualQueryCost"), 1);
    // Plain JSON numbers (2000, never "2E3"): JSON has one number type, compared as such.
    EXPECT_EQ(cost.at("throttleStatus").at("maximumAvailable").to_number<double>(), 2000.0);
    EXPECT_EQ(cost.at("throttleStatus").at("restoreRate").to_number<double>(), 100.0);
    EXPECT_EQ(answer.raw.body.find("E3"), std::string::npos) << answer.raw.body;
}

TEST(SandboxGraphqlTest, PagesEveryOrderOnceInUpdatedAtOrder) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec(45));
    std::set<std::string> seen;
    json::value after = nullptr;
    std::string last_updated;
    int pages = 0;
    for (bool more = true; more; ++pages) {
        auto answer =
            sandbox.Graphql(kShop, kToken, kOrdersQuery, {{"first", 10}, {"after", after}});
        ASSERT_EQ(answer.status, 200) << answer.raw.body;
        const auto& orders = answer.body.at("data").at("orders");
        for (const auto& node : orders.at("nodes").as_array()) {
            const std::string updated(node.at("updatedAt").as_string());
            EXPECT_LE(last_updated, updated);
            last_updated = updated;
            EXPECT_TRUE(seen.insert(std::string(node.at("id").as_string())).second);
        }
        more = orders.at("pageInfo").at("hasNextPage").as_bool();
        after = orders.at("pageInfo").at("endCursor");
    }
    EXPECT_EQ(seen.size(), 45U);
    EXPECT_EQ(pages, 5);
    EXPECT_EQ(seen.begin()->rfind("gid://shopify/Order/", 0), 0U);
}

TEST(SandboxGraphqlTest, FiltersByUpdatedAt) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec(40));
    auto all = sandbox.Graphql(kShop, kToken, kOrdersQuery, {{"first", 250}});
    const auto& nodes = all.body.at("data").at("orders").at("nodes").as_array();
    ASSERT_EQ(nodes.size(), 40U);
    const std::string pivot(nodes[20].at("updatedAt").as_string());
    size_t inclusive = 0;
    size_t exclusive = 0;
    for (const auto& node : nodes) {
        inclusive += node.at("updatedAt").as_string() >= pivot ? 1 : 0;
        exclusive += node.at("updatedAt").as_string() > pivot ? 1 : 0;
    }
    auto at_least = sandbox.Graphql(
        kShop, kToken, kOrdersQuery, {{"first", 250}, {"query", "updated_at:>='" + pivot + "'"}});
    EXPECT_EQ(at_least.body.at("data").at("orders").at("nodes").as_array().size(), inclusive);
    auto after = sandbox.Graphql(
        kShop, kToken, kOrdersQuery, {{"first", 250}, {"query", "updated_at:>'" + pivot + "'"}});
    EXPECT_EQ(after.body.at("data").at("orders").at("nodes").as_array().size(), exclusive);
    // Inline literals work as well as variables.
    auto inline_query = sandbox.Graphql(kShop,
                                        kToken,
                                        "{ orders(first: 250, query: \"updated_at:>='" + pivot +
                                            "'\", sortKey: UPDATED_AT) { nodes { id } } }");
    EXPECT_EQ(inline_query.body.at("data").at("orders").at("nodes").as_array().size(), inclusive);
}

TEST(SandboxGraphqlTest, RefusesPagesOver250AndQueriesOverTheCostCap) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec(1));
    auto big_page = sandbox.Graphql(kShop, kToken, kOrdersQuery, {{"first", 251}});
    EXPECT_EQ(big_page.body.at("errors").at(0).at("message"), "first cannot exceed 250");
    auto costly = sandbox.Graphql(
        kShop,
        kToken,
        "{ orders(first: 100) { nodes { lineItems(first: 50) { nodes { id } } } } }");
    ASSERT_EQ(costly.status, 200);
    const auto& error = costly.body.at("errors").at(0);
    EXPECT_EQ(error.at("extensions").at("code"), "MAX_COST_EXCEEDED");
    // 2 + 100, plus 100 * (2 + 50) for the nested connection.
    EXPECT_EQ(error.at("extensions").at("cost"), 5302);
    EXPECT_FALSE(costly.body.as_object().contains("data"));
}

TEST(SandboxGraphqlTest, ThrottlesWhenTheBucketIsEmptyAndRecovers) {
    SandboxFixture sandbox;
    auto spec = Spec(30);
    spec["bucket_size"] = 100;
    spec["restore_rate"] = 50;
    const auto id = sandbox.CreateStore(spec);
    // Requested 2 + 30 = 32: three fit in 100 points, the fourth (quickly after) does not.
    const std::string query = "{ orders(first: 30) { nodes { id } } }";
    JsonResult answer;
    int accepted = 0;
    for (; accepted < 10; ++accepted) {
        answer = sandbox.Graphql(kShop, kToken, query);
        if (answer.body.as_object().contains("errors")) {
            break;
        }
        // Refunded to actual: 2 + 30 nodes returned = the requested cost here.
        EXPECT_EQ(answer.body.at("extensions").at("cost").at("actualQueryCost"), 32);
    }
    EXPECT_GE(accepted, 3);
    EXPECT_LT(accepted, 10);
    ASSERT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body.at("errors").at(0).at("extensions").at("code"), "THROTTLED");
    EXPECT_EQ(answer.body.at("errors").at(0).at("message"), "Throttled");
    EXPECT_TRUE(answer.body.at("extensions").at("cost").at("actualQueryCost").is_null());
    EXPECT_FALSE(answer.body.as_object().contains("data"));
    auto stats = sandbox.Call("GET", "/_sandbox/stores/" + id + "/stats");
    EXPECT_GE(stats.body.at("throttled").as_int64(), 1);
    EXPECT_EQ(stats.body.at("points_spent").as_int64(), 32 * accepted);
    EXPECT_LE(stats.body.at("max_bucket_used").as_double(), 100.0);

    sandbox.Call("PATCH", "/_sandbox/stores/" + id + "/knobs", R"({"throttle_status":429})");
    auto throttled = sandbox.Graphql(kShop, kToken, query);
    if (throttled.status == 429) {
        EXPECT_TRUE(throttled.raw.Header("Retry-After").has_value());
    }
    // The bucket restores 50 points a second: within a few seconds a query fits again.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline && status != 200) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        status = sandbox.Graphql(kShop, kToken, query).status;
    }
    EXPECT_EQ(status, 200);
}

TEST(SandboxGraphqlTest, InjectsServerErrors) {
    SandboxFixture sandbox;
    const auto id = sandbox.CreateStore(Spec(1));
    sandbox.Call("PATCH", "/_sandbox/stores/" + id + "/knobs", R"({"error_rate":1})");
    const int status = sandbox.Graphql(kShop, kToken, "{ shop { name } }").status;
    EXPECT_GE(status, 500);
    EXPECT_LE(status, 504);
}

TEST(SandboxGraphqlTest, LatencyKnobDelaysAnswers) {
    SandboxFixture sandbox;
    const auto id = sandbox.CreateStore(Spec(1));
    sandbox.Call("PATCH", "/_sandbox/stores/" + id + "/knobs", R"({"latency_ms":300})");
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(sandbox.Graphql(kShop, kToken, "{ shop { name } }").status, 200);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(300));
}

TEST(SandboxGraphqlTest, AnswerDelayAppliesTheMutationBeforeAnswering) {
    SandboxFixture sandbox;
    const auto id = sandbox.CreateStore(Spec(0));
    sandbox.Call("PATCH", "/_sandbox/stores/" + id + "/knobs", R"({"answer_delay_ms":1500})");
    std::atomic<bool> answered{false};
    std::thread client([&] {
        const std::string create = R"(
mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE,
  webhookSubscription: {uri: "http://127.0.0.1:9/a", format: JSON}) {
  webhookSubscription { id } userErrors { field message } } })";
        EXPECT_EQ(sandbox.Graphql(kShop, kToken, create).status, 200);
        answered = true;
    });
    // The subscription exists while the client still waits for its answer.
    bool seen_before_answer = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!answered && std::chrono::steady_clock::now() < deadline) {
        const auto hooks = sandbox.Call("GET", "/_sandbox/stores/" + id + "/webhooks");
        if (boost::json::serialize(hooks.body).find("127.0.0.1:9/a") != std::string::npos) {
            seen_before_answer = !answered;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    client.join();
    EXPECT_TRUE(seen_before_answer);
}

TEST(SandboxGraphqlTest, CreatesAndListsWebhookSubscriptions) {
    SandboxFixture sandbox;
    sandbox.CreateStore(Spec(0));
    const std::string create = R"(
mutation Create($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) {
    webhookSubscription { id topic uri endpoint { ... on WebhookHttpEndpoint { callbackUrl } } }
    userErrors { field message }
  }
})";
    auto by_uri = sandbox.Graphql(kShop,
                                  kToken,
                                  create,
                                  {{"topic", "ORDERS_CREATE"},
                                   {"sub", {{"uri", "http://127.0.0.1:9/a"}, {"format", "JSON"}}}});
    const auto& created = by_uri.body.at("data").at("webhookSubscriptionCreate");
    EXPECT_EQ(created.at("webhookSubscription").at("topic"), "ORDERS_CREATE");
    EXPECT_EQ(created.at("webhookSubscription").at("endpoint").at("callbackUrl").as_string(),
              "http://127.0.0.1:9/a");
    EXPECT_TRUE(created.at("userErrors").as_array().empty());
    auto by_callback =
        sandbox.Graphql(kShop,
                        kToken,
                        create,
                        {{"topic", "ORDERS_UPDATED"},
                         {"sub", {{"callbackUrl", "http://127.0.0.1:9/b"}, {"format", "JSON"}}}});
    EXPECT_EQ(by_callback.body.at("data")
                  .at("webhookSubscriptionCreate")
                  .at("webhookSubscription")
                  .at("uri"),
              "http://127.0.0.1:9/b");
    auto taken =
        sandbox.Graphql(kShop,
                        kToken,
                        create,
                        {{"topic", "ORDERS_CREATE"}, {"sub", {{"uri", "http://127.0.0.1:9/a"}}}});
    const auto& errors = taken.body.at("data").at("webhookSubscriptionCreate").at("userErrors");
    EXPECT_EQ(errors.at(0).at("message"), "Address for this topic has already been taken");
    EXPECT_EQ(taken.body.at("extensions").at("cost").at("requestedQueryCost").as_int64(),
              10 + 1 + 1 + 1 + 1);
    auto listed = sandbox.Graphql(
        kShop, kToken, "{ webhookSubscriptions(first: 10) { nodes { topic uri } } }");
    EXPECT_EQ(listed.body.at("data").at("webhookSubscriptions").at("nodes").as_array().size(), 2U);
}

}  // namespace
}  // namespace scs::testing

namespace scs::testing {
namespace {

TEST(SandboxGraphqlLineItemsTest, PagesTheLineItemsOfAnOrder) {
    SandboxFixture sandbox;
    const auto id = sandbox.CreateStore(Spec(0));
    json::array lines;
    for (int i = 0; i < 12; ++i) {
        lines.push_back({{"id", 100 + i},
                         {"name", "Line " + std::to_string(i)},
                         {"quantity", 1},
                         {"price", "1.00"}});
    }
    json::object order{{"id", 777}, {"currency", "SAR"}, {"line_items", std::move(lines)}};
    ASSERT_EQ(sandbox
                  .Call("POST",
                        "/_sandbox/stores/" + id + "/orders",
                        json::serialize(json::object{{"order", order}}))
                  .status,
              201);
    auto first = sandbox.Graphql(kShop,
                                 kToken,
                                 "{ orders(first: 1) { nodes { lineItems(first: 10) { nodes { id } "
                                 "pageInfo { hasNextPage endCursor } } } } }");
    const auto& connection = first.body.at("data").at("orders").at("nodes").at(0).at("lineItems");
    ASSERT_EQ(connection.at("nodes").as_array().size(), 10U) << first.raw.body;
    EXPECT_TRUE(connection.at("pageInfo").at("hasNextPage").as_bool());
    auto rest = sandbox.Graphql(
        kShop,
        kToken,
        "query($id: ID!, $after: String) { order(id: $id) { lineItems(first: 10, after: $after) "
        "{ nodes { id } pageInfo { hasNextPage } } } }",
        {{"id", "gid://shopify/Order/777"}, {"after", connection.at("pageInfo").at("endCursor")}});
    const auto& tail = rest.body.at("data").at("order").at("lineItems");
    ASSERT_EQ(tail.at("nodes").as_array().size(), 2U) << rest.raw.body;
    EXPECT_EQ(tail.at("nodes").at(1).at("id"), "gid://shopify/LineItem/111");
    EXPECT_FALSE(tail.at("pageInfo").at("hasNextPage").as_bool());
    auto missing =
        sandbox.Graphql(kShop, kToken, "{ order(id: \"gid://shopify/Order/1\") { id } }");
    EXPECT_TRUE(missing.body.at("data").at("order").is_null());
}

}  // namespace
}  // namespace scs::testing
