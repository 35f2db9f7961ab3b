#include "connectors/shopify/shopify_order_page.hpp"

#include <utility>

#include <boost/json.hpp>

#include "connectors/shopify/order_mapping.hpp"

namespace scs {
namespace {

const boost::json::object* ObjectAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    return value != nullptr && value->is_object() ? &value->get_object() : nullptr;
}

std::string StringAt(const boost::json::object& parent, std::string_view key) {
    const auto* value = parent.if_contains(key);
    return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

bool HasNextPage(const boost::json::object& connection) {
    const auto* info = ObjectAt(connection, "pageInfo");
    const auto* next = info != nullptr ? info->if_contains("hasNextPage") : nullptr;
    return next != nullptr && next->is_bool() && next->get_bool();
}

// "gid://shopify/Order/450789469" -> "450789469".
std::string GidTail(const std::string& gid) {
    const size_t slash = gid.rfind('/');
    return slash == std::string::npos ? gid : gid.substr(slash + 1);
}

}  // namespace

std::string ShopifyOrdersQuery(int first) {
    return "query Orders($after: String, $query: String) { orders(first: " + std::to_string(first) +
           ", after: $after, query: $query, sortKey: UPDATED_AT) { nodes {" +
           std::string(kShopifyGraphqlOrderFields) + "} pageInfo { hasNextPage endCursor } } }";
}

std::string ShopifyOrderLinesQuery(int first) {
    return "query OrderLines($id: ID!, $after: String) { order(id: $id) { lineItems(first: " +
           std::to_string(first) + ", after: $after) { nodes {" +
           std::string(kShopifyGraphqlLineItemFields) +
           "} pageInfo { hasNextPage endCursor } } } }";
}

std::string ShopifyUpdatedSinceFilter(TimePoint since) {
    return "updated_at:>='" + FormatRfc3339(since) + "'";
}

Result<ShopifyNodePage> ReadShopifyConnection(const boost::json::object& data,
                                              const std::vector<std::string>& path) {
    const boost::json::object* connection = &data;
    for (const std::string& key : path) {
        connection = ObjectAt(*connection, key);
        if (connection == nullptr) {
            return Fail(ErrorCode::kInvalidPayload, "Shopify answered no " + key);
        }
    }
    const auto* nodes = connection->if_contains("nodes");
    if (nodes == nullptr || !nodes->is_array()) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify answered a connection without nodes");
    }
    ShopifyNodePage page;
    for (const auto& node : nodes->get_array()) {
        if (!node.is_object()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "Shopify answered a node that is not an object");
        }
        page.nodes.push_back(node.get_object());
    }
    if (HasNextPage(*connection)) {
        page.next_cursor = StringAt(*ObjectAt(*connection, "pageInfo"), "endCursor");
        if (page.next_cursor.empty()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "Shopify answered hasNextPage without a cursor");
        }
    }
    return page;
}

std::optional<std::string> MoreLineItemsCursor(const boost::json::object& order_node) {
    const auto* lines = ObjectAt(order_node, "lineItems");
    if (lines == nullptr || !HasNextPage(*lines)) {
        return std::nullopt;
    }
    std::string cursor = StringAt(*ObjectAt(*lines, "pageInfo"), "endCursor");
    return cursor.empty() ? std::nullopt : std::optional<std::string>(std::move(cursor));
}

void AppendLineItems(boost::json::object& order_node, std::vector<boost::json::object> lines) {
    boost::json::value& line_items = order_node["lineItems"];
    if (!line_items.is_object()) {
        line_items = boost::json::object{};
    }
    boost::json::value& nodes = line_items.get_object()["nodes"];
    if (!nodes.is_array()) {
        nodes = boost::json::array{};
    }
    for (boost::json::object& line : lines) {
        nodes.get_array().emplace_back(std::move(line));
    }
    line_items.get_object()["pageInfo"] = boost::json::object{{"hasNextPage", false}};
}

FetchedOrder MapShopifyOrderNode(const boost::json::object& order_node,
                                 const OrderMappingContext& mapping) {
    FetchedOrder fetched{GidTail(StringAt(order_node, "id")),
                         ParseRfc3339(StringAt(order_node, "updatedAt")),
                         MapShopifyGraphqlOrder(boost::json::serialize(order_node), mapping)};
    return fetched;
}

}  // namespace scs
