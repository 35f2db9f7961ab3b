#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/time.hpp"
#include "sandbox/generator/order_generator.hpp"

// One WooCommerce order of a sandbox site, the rendering of the generator's neutral orders into
// it, and its REST representation (platform notes B2). Plain data and pure functions.
namespace scs::sandbox::woocommerce {

inline constexpr const char* kWcVersion = "9.4.0";

struct OrderNote {
    int64_t id = 0;
    std::string author;  // "WooCommerce" for system notes, else the API user
    TimePoint created;
    std::string note;
    bool customer_note = false;
};

struct OrderRefund {
    int64_t id = 0;
    TimePoint created;
    int64_t amount = 0;  // minor units, positive
    std::string reason;
    int64_t refunded_by = 0;
    bool refunded_payment = false;
    boost::json::array line_items;
};

struct ShipmentTracking {
    std::string tracking_id;  // 32 hex
    std::string tracking_provider;
    std::string tracking_link;
    std::string tracking_number;
    std::string date_shipped;  // "YYYY-MM-DD"
};

struct WooOrder {
    int64_t id = 0;
    std::string status = "pending";
    std::string status_before_trash;  // set while status is "trash"
    TimePoint created;
    TimePoint modified;
    std::optional<TimePoint> paid;
    std::optional<TimePoint> completed;
    int exponent = 2;            // decimals of the order currency
    boost::json::object fields;  // every other REST field (totals, billing, line_items, …)
    bool stock_reduced = false;  // stock of managed products was taken for it
    std::vector<OrderNote> notes;
    std::vector<OrderRefund> refunds;
    std::vector<ShipmentTracking> trackings;
};

// Where rendered links and local dates point.
struct OrderView {
    std::string store_url;  // "http://127.0.0.1:PORT/woocommerce/demo-woo"
    int utc_offset_minutes = 180;
};

// The post ids the sandbox gives the generator's catalogue: product p is 10 * (p + 1) and its
// variation v is 10 * (p + 1) + v + 1.
int64_t CatalogueProductPostId(int64_t product_no);
int64_t CatalogueVariationPostId(int64_t product_no, int64_t variant_no);

// Renders one of the generator's neutral orders as a WooCommerce order (woo_render.cpp):
// statuses from payment/cancel/fulfilment, cod or card payments, guests as customer 0, lines on
// the catalogue's variations. Line item ids come from `next_item_id`, advanced in place.
WooOrder RenderGeneratedOrder(const Order& generated, int64_t order_id, int64_t& next_item_id);

// GET /orders/{id}: the REST representation, keys in WooCommerce's order.
boost::json::object RenderOrder(const WooOrder& order, const OrderView& view);

// The order's total in minor units (0 when unreadable) and what refunds have left of it.
int64_t OrderTotal(const WooOrder& order);
int64_t RefundableLeft(const WooOrder& order);

// "Pending payment", "Processing", … as WooCommerce names statuses in notes.
std::string StatusLabel(const std::string& status);

// The statuses an order may be given through the REST API.
const std::vector<std::string>& OrderStatuses();

}  // namespace scs::sandbox::woocommerce
