#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/time.hpp"
#include "sandbox/woocommerce/wp_error.hpp"

// One product or variation of a sandbox site (platform notes B3), its REST representations and
// the rules of a write to it: stock_status follows stock_quantity when stock is managed, a
// stock_quantity write wins whatever was there (no compare-and-set). Plain data, pure functions.
namespace scs::sandbox::woocommerce {

struct WooProduct {
    int64_t id = 0;
    int64_t parent_id = 0;        // the variable product of a variation
    std::string type = "simple";  // simple | variable | variation
    std::string name;
    std::string sku;
    std::string status = "publish";
    int64_t regular_price = 0;  // minor units of the site currency
    std::optional<int64_t> sale_price;
    bool manage_stock = false;
    bool stock_from_parent = false;  // a variation whose manage_stock is "parent"
    std::optional<int64_t> stock_quantity;
    std::string stock_status = "instock";  // instock | outofstock | onbackorder
    std::string backorders = "no";         // no | notify | yes
    std::string option;                    // a variation's "Option" attribute value
    TimePoint created;
    TimePoint modified;
    std::vector<int64_t> variations;  // of a variable product, in creation order
};

struct ProductView {
    std::string store_url;
    int utc_offset_minutes = 180;
    int exponent = 2;
};

// GET /products/{id} (a variation renders here too, with type "variation").
boost::json::object RenderProduct(const WooProduct& product, const ProductView& view);
// GET /products/{pid}/variations/{id}.
boost::json::object RenderVariation(const WooProduct& variation, const ProductView& view);

// Applies the writable fields of a create or update body (name, sku, regular_price, sale_price,
// status, manage_stock, stock_quantity, stock_status, backorders) and re-derives stock_status.
// A rest_invalid_param error for a badly typed field; nothing is changed then.
[[nodiscard]] WpResult<WooProduct> ApplyProductWrite(WooProduct product,
                                                     const boost::json::object& body,
                                                     int exponent);

// instock / outofstock / onbackorder from a managed quantity, as validate_props() derives it.
void DeriveStockStatus(WooProduct& product);

}  // namespace scs::sandbox::woocommerce
