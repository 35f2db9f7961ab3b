#include "connectors/shopify/shopify_webhook_subscriptions.hpp"

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "connectors/kit/subscription_diff.hpp"
#include "connectors/shopify/shopify_order_page.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

constexpr std::string_view kListQuery =
    "query Subscriptions { webhookSubscriptions(first: 100) { nodes { id topic uri } "
    "pageInfo { hasNextPage endCursor } } }";

constexpr std::string_view kCreateMutation =
    "mutation Subscribe($topic: WebhookSubscriptionTopic!, $uri: String!) { "
    "webhookSubscriptionCreate(topic: $topic, webhookSubscription: {uri: $uri, format: JSON}) { "
    "webhookSubscription { id } userErrors { field message } } }";

// Shopify prices a mutation at 10 plus its selection.
constexpr int kMutationBaseCost = 10;

std::string StringAt(const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

// The store's subscriptions (Shopify lists only active ones).
Result<std::vector<kit::Subscription>> ListSubscriptions(const GraphqlCall& call) {
    auto data = call(kListQuery, {}, ShopifySelectionCost(kListQuery));
    if (!data) {
        return tl::unexpected(data.error());
    }
    auto page = ReadShopifyConnection(*data, {"webhookSubscriptions"});
    if (!page) {
        return tl::unexpected(page.error());
    }
    std::vector<kit::Subscription> subscriptions;
    subscriptions.reserve(page->nodes.size());
    for (const auto& node : page->nodes) {
        subscriptions.push_back({StringAt(node, "topic"), StringAt(node, "uri"), true});
    }
    return subscriptions;
}

Status ReadUserErrors(const boost::json::object& data) {
    const auto* result = data.if_contains("webhookSubscriptionCreate");
    if (result == nullptr || !result->is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify answered no webhookSubscriptionCreate");
    }
    const auto* errors = result->get_object().if_contains("userErrors");
    if (errors == nullptr || !errors->is_array() || errors->get_array().empty()) {
        return {};
    }
    const auto& first = errors->get_array().front();
    const std::string message = first.is_object() ? StringAt(first.get_object(), "message") : "";
    return Fail(ErrorCode::kBadRequest, "Shopify refused the webhook subscription: " + message);
}

}  // namespace

Status SubscribeShopifyWebhooks(const GraphqlCall& call, std::string_view callback_url) {
    auto existing = ListSubscriptions(call);
    if (!existing) {
        return tl::unexpected(existing.error());
    }
    // Every step is a creation: the list holds no inactive subscription to reactivate.
    for (const auto& step :
         kit::PlanSubscriptions(kShopifyWebhookTopics, *existing, callback_url)) {
        const boost::json::object variables{{"topic", step.topic}, {"uri", callback_url}};
        auto data = call(
            kCreateMutation, variables, kMutationBaseCost + ShopifySelectionCost(kCreateMutation));
        if (!data) {
            return tl::unexpected(data.error());
        }
        if (auto created = ReadUserErrors(*data); !created) {
            return created;
        }
    }
    return {};
}

}  // namespace scs
