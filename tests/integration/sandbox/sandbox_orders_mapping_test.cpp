// One store model, two renderings: the GraphQL node the sandbox serves and the REST body its
// webhooks carry map to the same canonical order. Also: the generator is deterministic.
#include <set>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/order_mapping.hpp"
#include "core/order_json.hpp"
#include "sandbox/generator/order_generator.hpp"
#include "sandbox/shopify/shopify_render.hpp"
#include "sandbox_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kToken = "shpat_map";

OrderMappingContext Context() {
    OrderMappingContext context;
    context.seller_id = "seller-1";
    context.connection_id = 42;
    context.location_hubs = {{"65000000000", "HUB-RUH"}, {"65000000001", "HUB-JED"}};
    return context;
}

std::string OrdersQuery() {
    return "query($first: Int!, $after: String) { orders(first: $first, after: $after, sortKey: "
           "UPDATED_AT) { nodes { " +
           std::string(kShopifyGraphqlOrderFields) + " } pageInfo { hasNextPage endCursor } } }";
}

json::object StoreSpec(const std::string& shop, int orders, bool big_ids) {
    return {{"shop", shop},
            {"access_token", kToken},
            {"webhook_secret", "s"},
            {"orders", orders},
            {"seed", 2026},
            {"big_ids", big_ids},
            {"plan", "plus"},
            {"anchor_time", "2026-11-20T12:00:00Z"}};
}

// Every order of the store as GraphQL nodes, keyed by the REST id. Pages of 5: the mapping's
// selection costs about 142 points a node, and a query may cost at most 1000.
std::map<std::string, std::string> GraphqlNodes(const SandboxFixture& sandbox,
                                                const std::string& shop) {
    std::map<std::string, std::string> nodes;
    json::value after = nullptr;
    for (bool more = true; more;) {
        auto page = sandbox.Graphql(shop, kToken, OrdersQuery(), {{"first", 5}, {"after", after}});
        const auto* data =
            page.body.is_object() ? page.body.as_object().if_contains("data") : nullptr;
        if (data == nullptr || !data->is_object() || !data->as_object().contains("orders")) {
            ADD_FAILURE() << page.status << " " << page.raw.body.substr(0, 500);
            break;
        }
        const auto& orders = page.body.at("data").at("orders");
        for (const auto& node : orders.at("nodes").as_array()) {
            const std::string gid(node.at("id").as_string());
            nodes[gid.substr(gid.rfind('/') + 1)] = json::serialize(node);
        }
        more = orders.at("pageInfo").at("hasNextPage").as_bool();
        after = orders.at("pageInfo").at("endCursor");
    }
    return nodes;
}

// Generated order `index` in Shopify's REST shape, as the store keeps it.
json::object RestOrder(const sandbox::GeneratorSettings& settings, int64_t index) {
    return sandbox::RenderShopifyOrder(sandbox::GenerateOrder(settings, index, std::nullopt));
}

void ExpectSameCanonicalOrder(const std::string& rest, const std::string& graphql) {
    auto from_rest = MapShopifyRestOrder(rest, Context());
    auto from_graphql = MapShopifyGraphqlOrder(graphql, Context());
    ASSERT_TRUE(from_rest) << from_rest.error().field << ": " << from_rest.error().message;
    ASSERT_TRUE(from_graphql) << from_graphql.error().field << ": " << from_graphql.error().message;
    EXPECT_EQ(OrderToJson(*from_rest), OrderToJson(*from_graphql));
}

TEST(SandboxOrdersMappingTest, GeneratorIsDeterministic) {
    sandbox::GeneratorSettings settings;
    settings.seed = 99;
    settings.anchor = *ParseRfc3339("2026-11-20T12:00:00Z");
    for (int64_t index = 0; index < 20; ++index) {
        EXPECT_EQ(json::serialize(RestOrder(settings, index)),
                  json::serialize(RestOrder(settings, index)));
    }
    auto other = settings;
    other.seed = 100;
    EXPECT_NE(json::serialize(RestOrder(settings, 0)), json::serialize(RestOrder(other, 0)));
}

TEST(SandboxOrdersMappingTest, SameSeedSameStore) {
    SandboxFixture sandbox;
    sandbox.CreateStore(StoreSpec("one.myshopify.com", 30, false));
    sandbox.CreateStore(StoreSpec("two.myshopify.com", 30, false));
    EXPECT_EQ(GraphqlNodes(sandbox, "one.myshopify.com"),
              GraphqlNodes(sandbox, "two.myshopify.com"));
}

TEST(SandboxOrdersMappingTest, GeneratedOrdersCoverTheMarketsAndCases) {
    sandbox::GeneratorSettings settings;
    settings.seed = 5;
    std::set<std::string> currencies;
    std::set<std::string> gateways;
    int cancelled = 0;
    int discounted = 0;
    for (int64_t index = 0; index < 200; ++index) {
        const auto order = RestOrder(settings, index);
        currencies.insert(std::string(order.at("currency").as_string()));
        gateways.insert(std::string(order.at("payment_gateway_names").at(0).as_string()));
        cancelled += order.at("cancelled_at").is_null() ? 0 : 1;
        discounted += order.at("discount_codes").as_array().empty() ? 0 : 1;
    }
    EXPECT_EQ(currencies, (std::set<std::string>{"AED", "EGP", "KWD", "SAR", "USD"}));
    EXPECT_EQ(gateways, (std::set<std::string>{"Cash on Delivery (COD)", "shopify_payments"}));
    EXPECT_GT(cancelled, 0);
    EXPECT_GT(discounted, 0);
    settings.big_ids = true;
    EXPECT_GT(sandbox::GeneratedOrderId(settings, 0), int64_t{1} << 53);
}

TEST(SandboxOrdersMappingTest, GraphqlNodeAndRestBodyMapToTheSameOrder) {
    for (const bool big_ids : {false, true}) {
        SandboxFixture sandbox;
        const auto id = sandbox.CreateStore(StoreSpec("map.myshopify.com", 120, big_ids));
        const auto nodes = GraphqlNodes(sandbox, "map.myshopify.com");
        ASSERT_EQ(nodes.size(), 120U);
        // The REST bodies as the webhooks would carry them: re-posting an order answers it stored.
        sandbox::GeneratorSettings settings;
        settings.seed = 2026;
        settings.big_ids = big_ids;
        settings.anchor = *ParseRfc3339("2026-11-20T12:00:00Z");
        for (int64_t index = 0; index < 120; ++index) {
            const auto rest = RestOrder(settings, index);
            const std::string rest_id = json::serialize(rest.at("id"));
            ASSERT_TRUE(nodes.count(rest_id)) << rest_id;
            ExpectSameCanonicalOrder(json::serialize(rest), nodes.at(rest_id));
        }
        (void)id;
    }
}

TEST(SandboxOrdersMappingTest, WebhookBodyAndGraphqlNodeOfAGivenOrderAgree) {
    SandboxFixture sandbox;
    WebhookReceiver receiver;
    const std::string shop = "given.myshopify.com";
    sandbox.CreateStore(StoreSpec(shop, 0, false));
    auto subscribed = sandbox.Graphql(
        shop,
        kToken,
        "mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: {uri: \"" +
            receiver.Url() + "\", format: JSON}) { userErrors { message } } }");
    ASSERT_EQ(subscribed.status, 200);
    auto added = sandbox.Call("POST", "/_sandbox/stores/store_1/orders", R"({"count":4})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    const auto hooks = receiver.WaitFor(4);
    ASSERT_EQ(hooks.size(), 4U);
    const auto nodes = GraphqlNodes(sandbox, shop);
    for (const auto& hook : hooks) {
        const std::string id = json::serialize(json::parse(hook.body).at("id"));
        ASSERT_TRUE(nodes.count(id));
        ExpectSameCanonicalOrder(hook.body, nodes.at(id));
    }
}

}  // namespace
}  // namespace scs::testing
