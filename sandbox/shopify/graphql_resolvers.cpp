#include "sandbox/shopify/graphql_resolvers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "sandbox/shopify/graphql_order.hpp"
#include "sandbox/shopify/graphql_push_resolvers.hpp"
#include "sandbox/shopify/rest_format.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kMaxPageSize = 250;
constexpr std::array<std::string_view, 10> kTopics = {"ORDERS_CREATE",
                                                      "ORDERS_UPDATED",
                                                      "ORDERS_CANCELLED",
                                                      "ORDERS_PAID",
                                                      "ORDERS_FULFILLED",
                                                      "ORDERS_PARTIALLY_FULFILLED",
                                                      "ORDERS_EDITED",
                                                      "ORDERS_DELETE",
                                                      "APP_UNINSTALLED",
                                                      "SHOP_UPDATE"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

Status CheckPageSizes(const std::vector<GraphqlField>& fields) {
    for (const auto& field : fields) {
        for (const char* key : {"first", "last"}) {
            const auto* size = field.args.if_contains(key);
            if (size != nullptr && size->is_int64() && size->get_int64() > kMaxPageSize) {
                return Fail(ErrorCode::kBadRequest, "first cannot exceed 250");
            }
        }
        if (auto nested = CheckPageSizes(field.selections); !nested) {
            return nested;
        }
    }
    return {};
}

std::string ArgText(const GraphqlField& field, std::string_view key) {
    const auto* value = field.args.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

Result<int64_t> PageSizeArg(const GraphqlField& field) {
    const auto* first = field.args.if_contains("first");
    if (first == nullptr || !first->is_int64()) {
        return Fail(ErrorCode::kBadRequest, "you must provide one of first or last");
    }
    if (first->get_int64() < 0) {
        return Fail(ErrorCode::kBadRequest, "first must be a positive integer");
    }
    return first->get_int64();
}

// The lineItems window a selection asks for: the first `lineItems` field found under it.
const GraphqlField* FindLineItems(const std::vector<GraphqlField>& fields) {
    for (const auto& field : fields) {
        if (field.name == "lineItems") {
            return &field;
        }
        if (const auto* nested = FindLineItems(field.selections)) {
            return nested;
        }
    }
    return nullptr;
}

LineItemWindow LineWindowOf(const GraphqlField& parent) {
    LineItemWindow window;
    if (const auto* lines = FindLineItems(parent.selections)) {
        const auto* first = lines->args.if_contains("first");
        window.first = first != nullptr && first->is_int64() ? first->get_int64() : window.first;
        window.after = ArgText(*lines, "after");
    }
    return window;
}

json::value ResolveOrder(const GraphqlField& field, const ResolveContext& context) {
    return OrderNode(ArgText(field, "id"), field, context);
}

}  // namespace

json::value OrderNode(const std::string& gid,
                      const GraphqlField& field,
                      const ResolveContext& context) {
    if (gid.rfind("gid://shopify/Order/", 0) != 0) {
        return nullptr;
    }
    const std::string id = gid.substr(gid.rfind('/') + 1);
    const auto order = context.store.FindOrder(id);
    if (!order) {
        return nullptr;
    }
    json::object node = RenderGraphqlOrder(*order, LineWindowOf(field));
    int64_t first = 0;
    for (const auto& selected : field.selections) {
        const auto* size =
            selected.name == "fulfillmentOrders" ? selected.args.if_contains("first") : nullptr;
        first = size != nullptr && size->is_int64() ? size->get_int64() : first;
    }
    node["fulfillmentOrders"] = Connection(context.store.FulfillmentOrderNodes(id), first);
    return node;
}

namespace {

json::value ResolveShop(const ResolveContext& context) {
    const StoreSpec& spec = context.store.Spec();
    const std::string handle = spec.shop.substr(0, spec.shop.find('.'));
    return json::object{{"id", Gid("Shop", "1")},
                        {"name", handle},
                        {"myshopifyDomain", spec.shop},
                        {"email", "owner@" + spec.shop},
                        {"currencyCode", spec.currency.empty() ? "SAR" : spec.currency},
                        {"ianaTimezone", "Asia/Riyadh"},
                        {"primaryDomain", {{"host", spec.shop}}}};
}

Result<json::value> ResolveOrders(const GraphqlField& field, const ResolveContext& context) {
    auto first = PageSizeArg(field);
    if (!first) {
        return tl::unexpected(first.error());
    }
    auto filter = ParseOrderFilter(ArgText(field, "query"));
    if (!filter) {
        return tl::unexpected(filter.error());
    }
    const auto* reverse = field.args.if_contains("reverse");
    OrderPageRequest request{*first,
                             std::nullopt,
                             *filter,
                             ArgText(field, "sortKey") == "UPDATED_AT",
                             reverse != nullptr && reverse->is_bool() && reverse->get_bool()};
    if (const auto after = ArgText(field, "after"); !after.empty()) {
        request.after = after;
    }
    auto page = context.store.PageOrders(request);
    if (!page) {
        return tl::unexpected(page.error());
    }
    json::array nodes;
    json::array edges;
    const LineItemWindow lines = LineWindowOf(field);
    for (size_t i = 0; i < page->orders.size(); ++i) {
        json::object node = RenderGraphqlOrder(page->orders[i], lines);
        edges.push_back({{"cursor", page->cursors[i]}, {"node", node}});
        nodes.push_back(std::move(node));
    }
    const bool empty = page->cursors.empty();
    json::object page_info{
        {"hasNextPage", page->has_next_page},
        {"hasPreviousPage", request.after.has_value()},
        {"startCursor", empty ? json::value(nullptr) : json::value(page->cursors.front())},
        {"endCursor", empty ? json::value(nullptr) : json::value(page->cursors.back())}};
    return json::object{
        {"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"pageInfo", page_info}};
}

// ORDERS_CREATE -> orders/create: only the first '_' is the separator.
std::string TopicPath(std::string_view topic) {
    std::string path;
    bool separated = false;
    for (const char c : topic) {
        const bool separator = c == '_' && !separated;
        separated = separated || separator;
        path.push_back(separator ? '/'
                                 : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return path;
}

// The callback of a WebhookSubscriptionInput: `uri`, or the older `callbackUrl`.
std::string SubscriptionUri(const GraphqlField& field) {
    const auto* input = field.args.if_contains("webhookSubscription");
    std::string uri;
    if (input != nullptr && input->is_object()) {
        for (const char* key : {"uri", "callbackUrl"}) {
            const auto* value = input->get_object().if_contains(key);
            if (value != nullptr && value->is_string()) {
                uri = value->get_string();
            }
        }
    }
    return uri;
}

// A create or update payload: the subscription, or userErrors naming the input's field.
json::value SubscriptionPayload(Result<json::object> subscription) {
    if (!subscription) {
        json::array path{"webhookSubscription", subscription.error().field};
        json::array errors{
            json::object{{"field", std::move(path)}, {"message", subscription.error().message}}};
        return json::object{{"webhookSubscription", nullptr}, {"userErrors", std::move(errors)}};
    }
    return json::object{{"webhookSubscription", std::move(*subscription)},
                        {"userErrors", json::array{}}};
}

Result<json::value> ResolveSubscribe(const GraphqlField& field, const ResolveContext& context) {
    const std::string topic = ArgText(field, "topic");
    if (!Contains(kTopics, topic)) {
        return Fail(ErrorCode::kBadRequest,
                    "Variable $topic of type WebhookSubscriptionTopic! was provided invalid value");
    }
    auto created = context.store.Subscribe(
        TopicPath(topic), SubscriptionUri(field), context.api_version, context.now);
    return SubscriptionPayload(std::move(created));
}

Result<json::value> ResolveSubscriptionUpdate(const GraphqlField& field,
                                              const ResolveContext& context) {
    return SubscriptionPayload(context.store.UpdateSubscription(
        ArgText(field, "id"), SubscriptionUri(field), context.now));
}

Result<json::value> ResolveSubscriptionDelete(const GraphqlField& field,
                                              const ResolveContext& context) {
    const std::string id = ArgText(field, "id");
    if (!context.store.DeleteSubscription(id)) {
        json::array errors{json::object{{"field", json::array{"id"}},
                                        {"message", "Webhook subscription does not exist"}}};
        return json::object{{"deletedWebhookSubscriptionId", nullptr},
                            {"userErrors", std::move(errors)}};
    }
    return json::object{{"deletedWebhookSubscriptionId", id}, {"userErrors", json::array{}}};
}

Result<json::value> ResolveSubscriptions(const GraphqlField& field, const ResolveContext& context) {
    auto first = PageSizeArg(field);
    if (!first) {
        return tl::unexpected(first.error());
    }
    json::array nodes;
    json::array edges;
    for (auto& node : context.store.Subscriptions()) {
        if (static_cast<int64_t>(nodes.size()) < *first) {
            edges.push_back({{"cursor", Gid("WebhookSubscription", "")}, {"node", node}});
            nodes.push_back(std::move(node));
        }
    }
    json::object page_info{{"hasNextPage", false}, {"hasPreviousPage", false}};
    return json::object{
        {"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"pageInfo", page_info}};
}

}  // namespace

Status ValidateOperation(const GraphqlOperation& operation) {
    return CheckPageSizes(operation.fields);
}

Result<json::value> ResolveField(const GraphqlField& field, const ResolveContext& context) {
    context.store.SettleDueJobs(context.now);
    if (auto push = ResolvePushField(field, context)) {
        return std::move(*push);
    }
    if (field.name == "shop") {
        return ResolveShop(context);
    }
    if (field.name == "order") {
        return ResolveOrder(field, context);
    }
    if (field.name == "orders") {
        return ResolveOrders(field, context);
    }
    if (field.name == "webhookSubscriptionCreate") {
        return ResolveSubscribe(field, context);
    }
    if (field.name == "webhookSubscriptionUpdate") {
        return ResolveSubscriptionUpdate(field, context);
    }
    if (field.name == "webhookSubscriptionDelete") {
        return ResolveSubscriptionDelete(field, context);
    }
    if (field.name == "webhookSubscriptions") {
        return ResolveSubscriptions(field, context);
    }
    if (field.name == "node") {
        return NodeById(ArgText(field, "id"), field, context);
    }
    // Validation let through only the schema's fields: what is left is __typename.
    return json::value(field.parent_type);
}

}  // namespace scs::sandbox
