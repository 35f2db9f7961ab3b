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
// strings; dates are the `*_gmt` fields (UTC without an offset); money is decimal text in
// `currency` except line_items[].price, a JSON number, which is only a fallback. Text is kept
// byte for byte, except that "" reads as null. Every failure is kInvalidPayload naming the JSON
// field (also in Error::field), or kBadRequest for a status override that names no canonical
// status.
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
// sellable unit: a simple product is one listing (variant_id empty), a variable product one per
// variation. Listing.inventory_item_id is "<product_id>" for a simple product and
// "<product_id>/<variation_id>" for a variation (the connector's stock push parses it back).
// tracked = manage_stock is true (a variation's "parent" means the parent's manage_stock).
[[nodiscard]] Result<std::vector<Listing>> MapWooCommerceProduct(
    const boost::json::value& product, const boost::json::value& variations);

}  // namespace scs
