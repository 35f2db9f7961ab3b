#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/result.hpp"

// Shopify's fulfillment orders for the sandbox: one per order, created with the order at the
// first location, whose lines mirror the order's line items; and the arithmetic of fulfilling
// them. Pure data and functions; thread-safe.
namespace scs::sandbox {

struct FulfillmentOrderLine {
    int64_t id = 0;
    int64_t line_item_id = 0;
    boost::json::value sku;  // the line item's, null when it has none
    boost::json::value variant_id;
    int64_t total = 0;
    int64_t remaining = 0;
};

struct FulfillmentOrder {
    int64_t id = 0;
    int64_t location_id = 0;
    std::string status = "OPEN";  // OPEN, IN_PROGRESS, CLOSED, CANCELLED
    std::vector<FulfillmentOrderLine> lines;
};

// The fulfillment order of a new REST order: CLOSED with nothing remaining for a fulfilled
// order, CANCELLED for a cancelled one, OPEN otherwise. Line ids are first_line_id, +1, …
FulfillmentOrder OpenFulfillmentOrder(const boost::json::object& rest_order,
                                      int64_t id,
                                      int64_t first_line_id,
                                      int64_t location_id);

// One entry of FulfillmentInput.lineItemsByFulfillmentOrder.
struct FulfilmentRequest {
    int64_t fulfillment_order_id = 0;
    // {fulfillment order line id, quantity}; nullopt = every remaining line.
    std::optional<std::vector<std::pair<int64_t, int64_t>>> lines;
};

struct FulfilledLine {
    const FulfillmentOrderLine* line = nullptr;
    int64_t quantity = 0;
};

// Takes the requested quantities off `orders` (all of one order). On a refusal nothing changes
// and the error's message/field are the userError's. Answers what was fulfilled.
[[nodiscard]] Result<std::vector<FulfilledLine>> ApplyFulfilment(
    std::vector<FulfillmentOrder>& orders, const std::vector<FulfilmentRequest>& requests);

// The REST fulfillment_status the fulfillment orders give: "fulfilled", "partial" or "" (none).
std::string FulfillmentStatusOf(const std::vector<FulfillmentOrder>& orders);

// The GraphQL FulfillmentOrder node (with its lineItems connection).
boost::json::object FulfillmentOrderNode(const FulfillmentOrder& order);
// The control API's view of a fulfillment order.
boost::json::object FulfillmentOrderJson(const FulfillmentOrder& order);

// {"nodes":[…],"edges":[{"node","cursor"}],"pageInfo":{…}} over `nodes`, first `first` of them.
boost::json::object Connection(const boost::json::array& nodes, int64_t first);

}  // namespace scs::sandbox
