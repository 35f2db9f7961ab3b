#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "sandbox/woocommerce/woo_order.hpp"
#include "sandbox/woocommerce/wp_error.hpp"

// Edits of an order's stored REST fields: line items built from partial input, totals
// recomputed from the lines, billing/shipping merged, meta_data upserted. Pure functions.
namespace scs::sandbox::woocommerce {

// What a line item needs to know about the product it sells.
struct LineProduct {
    int64_t product_id = 0;
    int64_t variation_id = 0;
    std::string name;
    std::string sku;
    std::string parent_name;  // a variation's product
    std::string option;       // a variation's "Option" value
    int64_t price = 0;        // minor units
};

// A complete line item from partial input {product_id|variation_id|sku, quantity, price,
// subtotal, total, total_tax, name}: missing fields come from `product` (when known) and the
// quantity; money in the order's decimals.
[[nodiscard]] WpResult<boost::json::object> BuildLineItem(const boost::json::object& input,
                                                          const std::optional<LineProduct>& product,
                                                          int64_t item_id,
                                                          int exponent);

// discount_total, discount_tax, shipping_total, shipping_tax, cart_tax, total_tax and total
// from line_items, shipping_lines and fee_lines.
void RecomputeOrderTotals(WooOrder& order);

// Copies the members of `patch` over `target` (billing and shipping updates).
void MergeObject(boost::json::object& target, const boost::json::object& patch);

// meta_data writes: [{key, value}] replaces the entry with the same key or appends one with
// the next id.
void UpsertMeta(boost::json::array& meta, const boost::json::array& writes, int64_t& next_id);

}  // namespace scs::sandbox::woocommerce
