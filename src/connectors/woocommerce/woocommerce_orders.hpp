#pragma once

#include "connectors/connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"

// Paging a WooCommerce store's orders by modification time (woocommerce_order_cursor.hpp).
// Stateless; thread-safe as far as the REST client is.
namespace scs {

// One page: GET /orders with the cursor's query (modified_after, never `after`, which filters on
// creation); orders in a 3-decimal currency (KWD, BHD, OMR…) are read again in one call with
// dp=3, since WooCommerce rounds money to 2 decimals by default. Each order is mapped with
// MapWooCommerceOrderValue; an order that does not map is a
// FetchedOrder carrying the error (a poison record), not a failed page. kBadRequest for a cursor
// this connector did not write; kInvalidPayload when the answer is not a JSON array; REST errors
// as they come.
[[nodiscard]] Result<OrderPage> FetchWooCommerceOrders(WooCommerceRest& rest,
                                                       const OrderPageRequest& request);

}  // namespace scs
