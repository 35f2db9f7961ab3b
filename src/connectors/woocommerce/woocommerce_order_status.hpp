#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "connectors/connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"

// Reading one order and changing its status on WooCommerce (platforms doc B4). Stateless;
// thread-safe as far as the REST client is.
namespace scs {

// "{kWooCommerceApi}/orders/<id>".
std::string WooCommerceOrderPath(std::string_view order_id);

// GET /orders/{id}: the order object. kNotFound for an unknown order or an id that is not a
// positive integer (without asking the store).
[[nodiscard]] Result<boost::json::value> ReadWooCommerceOrder(WooCommerceRest& rest,
                                                              std::string_view order_id);

// Reads the order; an order already in the target status is done + already. Cancel: PUT
// {"status":"cancelled"} (WooCommerce restocks the order's items itself; `restock` cannot turn
// that off), kConflict for a completed, refunded or trashed order, kBadRequest for refund = true
// (refund in WooCommerce: a cancel there refunds nothing). Close: PUT {"status":"completed"},
// kConflict for a cancelled, refunded, failed or trashed order. kNotFound for an unknown order;
// kConflict when the store answers another status than asked.
[[nodiscard]] Result<OrderStatusResult> ChangeWooCommerceOrderStatus(
    WooCommerceRest& rest, const OrderStatusRequest& request);

}  // namespace scs
