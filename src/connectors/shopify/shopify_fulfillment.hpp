#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "connectors/connector.hpp"
#include "connectors/shopify/shopify_graphql.hpp"

// Shipping order lines on Shopify: the order read, the plan of fulfillment-order line items,
// and fulfillmentCreate. Stateless; thread-safe as far as the call is.
namespace scs {

// The order read before fulfilling: its fulfillments (tracking numbers) and fulfillment orders.
// Sizes keep the requested cost under the 1,000-point single-query limit (about 900 points):
// up to 10 fulfillments and 10 fulfillment orders of 40 lines each are seen.
extern const std::string kShopifyOrderForFulfillmentQuery;

// One fulfillment order's share of a fulfilment: (fulfillment order line item gid, quantity).
struct ShopifyFulfillmentOrderLines {
    std::string fulfillment_order_id;  // gid
    std::vector<std::pair<std::string, int64_t>> lines;
};

// The id (numeric tail) of a fulfillment on `order` (not cancelled) carrying `tracking_number`;
// nullopt when none does or the number is empty.
std::optional<std::string> FindTrackedFulfillment(const boost::json::object& order,
                                                  const std::string& tracking_number);

// Maps the requested lines (by SKU, spread over the OPEN/IN_PROGRESS fulfillment orders by their
// remainingQuantity, first come first served) onto fulfillment-order line items; no lines means
// everything remaining. kBadRequest for a SKU not on the order or more units than remain;
// kConflict when nothing of the requested lines remains. Pure.
[[nodiscard]] Result<std::vector<ShopifyFulfillmentOrderLines>> PlanShopifyFulfillment(
    const boost::json::object& order, const std::vector<FulfillmentLine>& lines);

// Reads the order, answers an existing fulfillment with the same tracking number
// (already_existed), else runs fulfillmentCreate once per fulfillment order of the plan, with the
// tracking on each. The result names the first fulfillment created. kNotFound for an unknown
// order; userErrors -> kNotFound ("does not exist") or kConflict with Shopify's message.
[[nodiscard]] Result<FulfillmentResult> CreateShopifyFulfillment(const GraphqlCall& call,
                                                                 const FulfillmentRequest& request);

}  // namespace scs
