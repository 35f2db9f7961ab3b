#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "connectors/connector.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// Reading GraphQL order pages: the queries, the connection shapes, line-item merging and the
// mapping of each node into a FetchedOrder. Pure functions, thread-safe.
namespace scs {

// `orders(first: N, after: $after, query: $query, sortKey: UPDATED_AT)` over
// kShopifyGraphqlOrderFields, with pageInfo.
std::string ShopifyOrdersQuery(int first);

// `order(id: $id) { lineItems(first: N, after: $after) { … } }`: the rest of one order's lines.
std::string ShopifyOrderLinesQuery(int first);

// The search filter "updated_at:>='<RFC 3339>'".
std::string ShopifyUpdatedSinceFilter(TimePoint since);

// A page of some connection: its nodes and the cursor of the next page ("" on the last).
struct ShopifyNodePage {
    std::vector<boost::json::object> nodes;
    std::string next_cursor;
};

// Reads `data.<path…>` as a connection ({nodes, pageInfo}); kInvalidPayload when it is not one.
[[nodiscard]] Result<ShopifyNodePage> ReadShopifyConnection(const boost::json::object& data,
                                                            const std::vector<std::string>& path);

// The cursor after an order's fetched line items when it has more, else nullopt.
std::optional<std::string> MoreLineItemsCursor(const boost::json::object& order_node);

// Appends line-item nodes to order_node.lineItems.nodes and marks the line items complete.
void AppendLineItems(boost::json::object& order_node, std::vector<boost::json::object> lines);

// Maps one complete order node. external_id and updated_at are read even when mapping fails.
FetchedOrder MapShopifyOrderNode(const boost::json::object& order_node,
                                 const OrderMappingContext& mapping);

}  // namespace scs
