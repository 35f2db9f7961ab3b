#include "connectors/shopify/shopify_fulfillment.hpp"

#include <boost/json.hpp>

#include "connectors/shopify/shopify_push_json.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

constexpr std::string_view kFulfilMutation =
    "mutation Fulfil($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: "
    "$fulfillment) { fulfillment { id status trackingInfo(first: 5) { number company url } } "
    "userErrors { field message } } }";

boost::json::object FulfillmentInput(const FulfillmentRequest& request,
                                     const ShopifyFulfillmentOrderLines& share) {
    boost::json::array items;
    for (const auto& [id, quantity] : share.lines) {
        items.push_back(boost::json::object{{"id", id}, {"quantity", quantity}});
    }
    boost::json::object input{
        {"lineItemsByFulfillmentOrder",
         boost::json::array{boost::json::object{{"fulfillmentOrderId", share.fulfillment_order_id},
                                                {"fulfillmentOrderLineItems", items}}}},
        {"notifyCustomer", request.notify_customer}};
    if (!request.tracking_number.empty() || !request.tracking_url.empty()) {
        boost::json::object tracking{{"number", request.tracking_number}};
        if (!request.carrier.empty()) {
            tracking["company"] = request.carrier;
        }
        if (!request.tracking_url.empty()) {
            tracking["url"] = request.tracking_url;
        }
        input["trackingInfo"] = std::move(tracking);
    }
    return input;
}

Result<boost::json::object> ReadOrder(const GraphqlCall& call, const std::string& order_id) {
    const boost::json::object variables{{"id", shopify::ShopifyGid("Order", order_id)}};
    auto data = call(kShopifyOrderForFulfillmentQuery,
                     variables,
                     ShopifySelectionCost(kShopifyOrderForFulfillmentQuery));
    if (!data) {
        return tl::unexpected(data.error());
    }
    const auto* order = shopify::ObjectAt(*data, "order");
    if (order == nullptr) {
        return Fail(ErrorCode::kNotFound, "Shopify has no order " + order_id);
    }
    return *order;
}

// One fulfillmentCreate; the created fulfillment's id.
Result<std::string> Fulfil(const GraphqlCall& call,
                           const FulfillmentRequest& request,
                           const ShopifyFulfillmentOrderLines& share) {
    const boost::json::object variables{{"fulfillment", FulfillmentInput(request, share)}};
    auto data = call(kFulfilMutation,
                     variables,
                     shopify::kMutationBaseCost + ShopifySelectionCost(kFulfilMutation));
    if (!data) {
        return tl::unexpected(data.error());
    }
    auto payload = shopify::MutationPayload(*data, "fulfillmentCreate");
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    const auto errors = shopify::ReadUserErrors(**payload);
    if (!errors.empty()) {
        const std::string message =
            "Shopify refused the fulfilment: " + shopify::JoinMessages(errors);
        const bool missing = message.find("does not exist") != std::string::npos;
        return Fail(missing ? ErrorCode::kNotFound : ErrorCode::kConflict, message);
    }
    const auto* fulfillment = shopify::ObjectAt(**payload, "fulfillment");
    if (fulfillment == nullptr) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify answered no fulfillment");
    }
    return shopify::GidTail(shopify::StringAt(*fulfillment, "id"));
}

}  // namespace

Result<FulfillmentResult> CreateShopifyFulfillment(const GraphqlCall& call,
                                                   const FulfillmentRequest& request) {
    auto order = ReadOrder(call, request.order_external_id);
    if (!order) {
        return tl::unexpected(order.error());
    }
    if (auto existing = FindTrackedFulfillment(*order, request.tracking_number)) {
        return FulfillmentResult{*existing, true};
    }
    auto plan = PlanShopifyFulfillment(*order, request.lines);
    if (!plan) {
        return tl::unexpected(plan.error());
    }
    FulfillmentResult result;
    for (const auto& share : *plan) {
        auto created = Fulfil(call, request, share);
        if (!created) {
            return tl::unexpected(created.error());
        }
        if (result.fulfillment_id.empty()) {
            result.fulfillment_id = *created;
        }
    }
    return result;
}

}  // namespace scs
