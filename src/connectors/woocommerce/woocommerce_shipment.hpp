#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/connector.hpp"

// WooCommerce has no fulfilment object (platforms doc B4): a shipment is an order note the
// connector writes, "Shipped via <carrier>, tracking <number> <url>" followed by one line per
// SKU ("- <sku> x <quantity>"), which it reads back to know what has shipped and whether a
// tracking number was already sent. Pure functions; thread-safe.
namespace scs {

struct WooCommerceShipment {
    std::string carrier;
    std::string tracking_number;
    std::string tracking_url;
    std::vector<FulfillmentLine> lines;
};

// The note text (an empty SKU is written "(no SKU)").
std::string FormatWooCommerceShipmentNote(const WooCommerceShipment& shipment);

// The shipment of a note this connector wrote; nullopt for any other note.
std::optional<WooCommerceShipment> ParseWooCommerceShipmentNote(std::string_view note);

// Units per SKU.
using WooCommerceUnits = std::map<std::string, int64_t>;

// The lines to ship now: `requested` (empty: everything that remains) against what remains of
// `ordered` after `shipped`. kBadRequest for a SKU not on the order, a quantity that is not
// positive, or more units than remain; kConflict when nothing of the requested SKUs remains.
[[nodiscard]] Result<std::vector<FulfillmentLine>> PlanWooCommerceShipment(
    const WooCommerceUnits& ordered,
    const WooCommerceUnits& shipped,
    const std::vector<FulfillmentLine>& requested);

// Whether `shipped` covers every unit of `ordered`.
bool WooCommerceOrderFullyShipped(const WooCommerceUnits& ordered, const WooCommerceUnits& shipped);

}  // namespace scs
