#pragma once

#include "connectors/connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"
#include "core/time.hpp"

// Shipping an order on WooCommerce, which has no fulfilment object (platforms doc B4). Stateless;
// thread-safe as far as the REST client is.
namespace scs {

// Reads the order (kNotFound when unknown; kConflict when cancelled, refunded, failed or in the
// trash), its notes, and, when there is a tracking number, the Shipment Tracking extension's
// items (GET /wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings; a 404 rest_no_route
// means the extension is absent). A tracking number already on the order (an item of the
// extension or a shipment note) answers already_existed without a second note or item. Else the
// lines are planned against what the shipment notes say has shipped (PlanWooCommerceShipment),
// a shipment note is written (POST /orders/{id}/notes, customer_note = notify_customer, or a
// private note when the extension carries the tracking), then the extension's item
// (tracking_provider, or custom_tracking_provider + custom_tracking_link when there is a URL,
// tracking_number, date_shipped = `now`'s UTC date). When every unit of the order has shipped,
// the order is PUT status completed. fulfillment_id is the extension's tracking_id, else
// "note-<note id>".
[[nodiscard]] Result<FulfillmentResult> CreateWooCommerceFulfillment(
    WooCommerceRest& rest, const FulfillmentRequest& request, TimePoint now);

}  // namespace scs
