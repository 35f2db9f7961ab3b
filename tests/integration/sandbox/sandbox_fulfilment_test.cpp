// Fulfilment, cancel and close over real HTTP, with the contract's GraphQL documents, their
// effects on the stored REST order and the webhooks they fire.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "sandbox_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "ship.myshopify.com";
constexpr const char* kToken = "shpat_ship";
constexpr const char* kOrderQuery = R"(
query OrderForFulfillment($id: ID!) {
  order(id: $id) {
    id cancelledAt closed closedAt displayFulfillmentStatus
    fulfillments(first: 50) { id status trackingInfo(first: 5) { number company url } }
    fulfillmentOrders(first: 20) { nodes { id status lineItems(first: 100) { nodes { id sku remainingQuantity totalQuantity lineItem { id sku } } } } }
  }
})";
constexpr const char* kFulfil = R"(
mutation Fulfil($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status trackingInfo(first: 5) { number company url } }
    userErrors { field message }
  }
})";
constexpr const char* kCancel = R"(
mutation Cancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, $notifyCustomer: Boolean, $refundMethod: OrderCancelRefundMethodInput, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: $notifyCustomer, refundMethod: $refundMethod, staffNote: $staffNote) {
    job { id done }
    orderCancelUserErrors { code field message }
  }
})";
constexpr const char* kClose =
    "mutation Close($input: OrderCloseInput!) { orderClose(input: $input) { order { id closed "
    "closedAt } userErrors { field message } } }";

class SandboxFulfilmentTest : public ::testing::Test {
protected:
    SandboxFulfilmentTest()
        // The contract's order query asks for many nested nodes; the cap is raised so it runs.
        : store_(sandbox_.CreateStore({{"shop", kShop},
                                       {"access_token", kToken},
                                       {"webhook_secret", "s"},
                                       {"max_query_cost", 10'000},
                                       {"bucket_size", 100'000}})) {}

    // A new open order with two lines of the seeded catalogue: 3 x SKU-100-1 and 1 x SKU-101-1.
    std::string NewOrder() {
        const auto created =
            sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/orders", R"({"order":{
            "financial_status":"paid","currency":"SAR","fulfillment_status":null,"cancelled_at":null,"closed_at":null,
            "line_items":[{"id":11,"sku":"SKU-100-1","variant_id":81000000000000,"product_id":8100000000000,"quantity":3},
                          {"id":12,"sku":"SKU-101-1","variant_id":81000000000010,"product_id":8100000000001,"quantity":1}]}})");
        return "gid://shopify/Order/" +
               std::to_string(created.body.at("orders").at(0).at("id").as_int64());
    }

    json::value Gql(const std::string& query, const json::object& variables) {
        auto answer = sandbox_.GraphqlAt("2026-10", kShop, kToken, query, variables);
        EXPECT_EQ(answer.status, 200) << answer.raw.body;
        EXPECT_FALSE(answer.body.as_object().contains("errors")) << answer.raw.body;
        return answer.body.at("data");
    }

    json::value Order(const std::string& gid) {
        return Gql(kOrderQuery, {{"id", gid}}).at("order");
    }

    json::object ControlOrder(const std::string& gid) {
        return sandbox_
            .Call("GET", "/_sandbox/stores/" + store_ + "/orders/" + gid.substr(gid.rfind('/') + 1))
            .body.as_object();
    }

    void Subscribe(const WebhookReceiver& receiver, const std::string& topic) {
        Gql("mutation { webhookSubscriptionCreate(topic: " + topic +
                ", webhookSubscription: {callbackUrl: \"" + receiver.Url() +
                "\"}) { userErrors { message } } }",
            {});
    }

    json::object Stats() {
        return sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/stats").body.as_object();
    }

    SandboxFixture sandbox_;
    std::string store_;
};

TEST_F(SandboxFulfilmentTest, FulfilsPartlyThenFullyWithWebhooks) {
    WebhookReceiver receiver;
    for (const char* topic : {"ORDERS_PARTIALLY_FULFILLED", "ORDERS_FULFILLED", "ORDERS_UPDATED"}) {
        Subscribe(receiver, topic);
    }
    const std::string gid = NewOrder();
    const auto order = Order(gid);
    EXPECT_EQ(order.at("displayFulfillmentStatus"), "UNFULFILLED");
    const auto& fulfillment_order = order.at("fulfillmentOrders").at("nodes").at(0);
    EXPECT_EQ(fulfillment_order.at("status"), "OPEN");
    const auto& line = fulfillment_order.at("lineItems").at("nodes").at(0);
    EXPECT_EQ(line.at("lineItem").at("sku"), "SKU-100-1");
    const json::object partial{
        {"lineItemsByFulfillmentOrder",
         json::array{{{"fulfillmentOrderId", fulfillment_order.at("id")},
                      {"fulfillmentOrderLineItems",
                       json::array{{{"id", line.at("id")}, {"quantity", 2}}}}}}},
        {"trackingInfo",
         {{"number", "TRK1"}, {"company", "Aramex"}, {"url", "https://t.example/TRK1"}}}};
    const auto created = Gql(kFulfil, {{"fulfillment", partial}}).at("fulfillmentCreate");
    EXPECT_TRUE(created.at("userErrors").as_array().empty());
    EXPECT_EQ(created.at("fulfillment").at("trackingInfo").at(0).at("company"), "Aramex");
    auto too_many = partial;
    too_many["lineItemsByFulfillmentOrder"].as_array()[0].as_object()["fulfillmentOrderLineItems"] =
        json::array{{{"id", line.at("id")}, {"quantity", 2}}};
    EXPECT_EQ(Gql(kFulfil, {{"fulfillment", too_many}})
                  .at("fulfillmentCreate")
                  .at("userErrors")
                  .at(0)
                  .at("message"),
              "Invalid fulfillment order line item quantity requested.");
    const auto after_partial = Order(gid);
    EXPECT_EQ(after_partial.at("displayFulfillmentStatus"), "PARTIALLY_FULFILLED");
    EXPECT_EQ(after_partial.at("fulfillmentOrders").at("nodes").at(0).at("status"), "IN_PROGRESS");
    EXPECT_EQ(after_partial.at("fulfillments").at(0).at("trackingInfo").at(0).at("number"), "TRK1");
    const json::object rest_of_it{
        {"lineItemsByFulfillmentOrder",
         json::array{{{"fulfillmentOrderId", fulfillment_order.at("id")}}}}};
    EXPECT_TRUE(Gql(kFulfil, {{"fulfillment", rest_of_it}})
                    .at("fulfillmentCreate")
                    .at("userErrors")
                    .as_array()
                    .empty());
    const auto stored = ControlOrder(gid);
    EXPECT_EQ(stored.at("order").at("fulfillment_status"), "fulfilled");
    EXPECT_EQ(stored.at("order").at("fulfillments").as_array().size(), 2U);
    EXPECT_EQ(stored.at("order").at("fulfillments").at(0).at("tracking_company"), "Aramex");
    EXPECT_EQ(stored.at("fulfillment_orders").at(0).at("status"), "CLOSED");
    EXPECT_EQ(Stats().at("fulfillments_created"), 2);
    const auto hooks = receiver.WaitFor(4);  // orders/create is not subscribed
    ASSERT_EQ(hooks.size(), 4U);
    EXPECT_EQ(hooks[0].headers.at("x-shopify-topic"), "orders/partially_fulfilled");
    EXPECT_EQ(hooks[1].headers.at("x-shopify-topic"), "orders/updated");
    EXPECT_EQ(hooks[2].headers.at("x-shopify-topic"), "orders/fulfilled");
    EXPECT_EQ(hooks[3].headers.at("x-shopify-topic"), "orders/updated");
}

TEST_F(SandboxFulfilmentTest, CancelCompletesAsAJobAndRestocks) {
    WebhookReceiver receiver;
    Subscribe(receiver, "ORDERS_CANCELLED");
    ASSERT_EQ(
        sandbox_.Call("PATCH", "/_sandbox/stores/" + store_ + "/knobs", R"({"cancel_job_ms":50})")
            .status,
        200);
    const std::string gid = NewOrder();
    const json::object args{{"orderId", gid}, {"reason", "CUSTOMER"}, {"restock", true}};
    const auto cancel = Gql(kCancel, args).at("orderCancel");
    ASSERT_TRUE(cancel.at("orderCancelUserErrors").as_array().empty());
    EXPECT_EQ(cancel.at("job").at("done"), false);
    EXPECT_EQ(Gql(kCancel, args).at("orderCancel").at("orderCancelUserErrors").at(0).at("code"),
              "INVALID");
    const std::string job = std::string(cancel.at("job").at("id").as_string());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (Gql("query Job($id: ID!) { job(id: $id) { id done } }", {{"id", job}})
                   .at("job")
                   .at("done") != true &&
           std::chrono::steady_clock::now() < deadline) {
    }
    const auto order = Order(gid);
    EXPECT_FALSE(order.at("cancelledAt").is_null());
    EXPECT_EQ(order.at("fulfillmentOrders").at("nodes").at(0).at("status"), "CANCELLED");
    EXPECT_EQ(ControlOrder(gid).at("order").at("cancel_reason"), "customer");
    const auto levels =
        sandbox_.Call("GET", "/_sandbox/stores/" + store_ + "/inventory").body.at("levels");
    for (const auto& level : levels.as_array()) {
        if (level.at("sku") == "SKU-100-1" && level.at("location_id") == "65000000000") {
            EXPECT_EQ(level.at("available"), 23);
        }
    }
    EXPECT_EQ(receiver.WaitFor(1).at(0).headers.at("x-shopify-topic"), "orders/cancelled");
    EXPECT_EQ(Stats().at("cancels"), 1);
    const auto unknown = Gql(
        kCancel, {{"orderId", "gid://shopify/Order/1"}, {"reason", "OTHER"}, {"restock", false}});
    EXPECT_EQ(unknown.at("orderCancel").at("orderCancelUserErrors").at(0).at("code"), "NOT_FOUND");
}

TEST_F(SandboxFulfilmentTest, CloseSetsClosedAtOnce) {
    const std::string gid = NewOrder();
    const auto closed = Gql(kClose, {{"input", {{"id", gid}}}}).at("orderClose");
    EXPECT_EQ(closed.at("order").at("closed"), true);
    EXPECT_FALSE(closed.at("order").at("closedAt").is_null());
    EXPECT_EQ(Order(gid).at("closed"), true);
    EXPECT_FALSE(ControlOrder(gid).at("order").at("closed_at").is_null());
    EXPECT_EQ(Gql(kClose, {{"input", {{"id", gid}}}}).at("orderClose").at("order").at("closedAt"),
              closed.at("order").at("closedAt"));
    EXPECT_EQ(Stats().at("closes"), 1);
    EXPECT_TRUE(Order("gid://shopify/Order/1").is_null());
}

}  // namespace
}  // namespace scs::testing
