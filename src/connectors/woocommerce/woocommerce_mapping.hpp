#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "core/listing.hpp"
#include "core/order.hpp"
#include "core/order_mapping_context.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// WooCommerce (REST API wc/v3) order and product JSON -> the canonical order and listings. Pure
// functions, thread-safe. Ids are integers read as int64 (never double) and become decimal
// strings; 0 means none (customer_id 0 = guest, variation_id 0). Dates are the `*_gmt` fields
// (UTC without an offset); the site-local ones are ignored. Money is decimal text in `currency`.
// Text is kept byte for byte, except that "" reads as null. Every failure is kInvalidPayload
// naming the JSON field (also in Error::field), or kBadRequest for a status override that names
// no canonical status.
//
// Orders: reference = `number`; status from the raw `status` (woocommerce_order_rules.hpp:
// overrides first, then the default table; external_status = the raw status); totals: subtotal =
// sum of line subtotals, discount_total, shipping_total, total_tax, total, taxes_included =
// prices_include_tax. Line: unit_price = subtotal / quantity (rounded up to a minor unit when it
// does not divide, the excess in the discount), discount = quantity * unit_price - total, tax =
// total_tax; `price` (a JSON number, converted exactly from its shortest decimal text) is used
// only when `subtotal` is missing. WooCommerce's line amounts exclude tax even when the store's
// prices include it, so a line's total always adds its tax (it equals total + total_tax). Payment:
// see PaymentOf; customer = the billing person; shipping method = the first shipping line's
// method_title, price = the sum of the shipping lines; hub = context.location_hubs[""] (core
// WooCommerce has no locations); note = customer_note; no tags, no cancel time or reason.
namespace scs {

// One order of GET /wp-json/wc/v3/orders (or an order.* webhook body) -> the canonical order.
[[nodiscard]] Result<Order> MapWooCommerceOrder(std::string_view json,
                                                const OrderMappingContext& context);
[[nodiscard]] Result<Order> MapWooCommerceOrderValue(const boost::json::value& order,
                                                     const OrderMappingContext& context);

// What a sync needs even when the mapping fails: the id and the modified time (_gmt).
struct WooCommerceOrderKeys {
    std::string external_id;
    std::optional<TimePoint> updated_at;
};

[[nodiscard]] WooCommerceOrderKeys ReadWooCommerceOrderKeys(const boost::json::value& order);

// One product of GET /products plus, for a variable product, its variations
// (GET /products/{id}/variations, a JSON array; ignored for other types) -> one Listing per
// sellable unit: a simple product is one listing (variant_id = its product id, the listing table's
// key), a variable product one per variation. Listing.inventory_item_id is "<product_id>" for a
// simple product and
// "<product_id>/<variation_id>" for a variation (the connector's stock push parses it back).
// tracked = manage_stock is true (a variation's "parent" means the parent's manage_stock).
// "variable-*" types (WooCommerce Subscriptions' "variable-subscription") are variable too.
// Grouped and external products have no sellable unit of their own (no listing); other types
// (an extension's "subscription", "bundle", ...) are one listing like a simple product. SKUs are
// passed through as sent ("" when none; duplicates too: the sync reports them). Title: the
// product's name, " / " and the variation's attribute options ("Shemagh / Red / L").
[[nodiscard]] Result<std::vector<Listing>> MapWooCommerceProduct(
    const boost::json::value& product, const boost::json::value& variations);

}  // namespace scs
