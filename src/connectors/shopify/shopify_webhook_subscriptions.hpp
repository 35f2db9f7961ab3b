#pragma once

#include <array>
#include <string_view>

#include <boost/json/object.hpp>

#include "connectors/shopify/shopify_graphql.hpp"
#include "core/result.hpp"

namespace scs {

// The shop-specific webhook topics the service subscribes to on connect (GraphQL spelling).
inline constexpr std::array<std::string_view, 4> kShopifyWebhookTopics = {
    "ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "APP_UNINSTALLED"};

// Lists the store's webhookSubscriptions(first: 100) and creates, with
// webhookSubscriptionCreate(topic, {uri, format: JSON}), each topic of kShopifyWebhookTopics
// that has no subscription to `callback_url` yet. userErrors -> kBadRequest with their message.
[[nodiscard]] Status SubscribeShopifyWebhooks(const GraphqlCall& call,
                                              std::string_view callback_url);

}  // namespace scs
