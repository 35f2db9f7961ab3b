#pragma once

#include <string>

#include "core/order.hpp"

// The canonical order's wire form (docs/contracts/order.v1.schema.json) and the content its hash
// is taken over. Pure functions, thread-safe.
namespace scs {

// The order as the schema's JSON, keys in schema order: money as integer minor units, times as
// RFC 3339 UTC with "Z", nullable fields as null, optional non-nullable ones (line discount and
// tax, payment.is_cod, payment.cod_amount, totals.taxes_included, shipping.price, received_at)
// left out when empty. Deterministic: equal orders give equal bytes.
std::string OrderToJson(const Order& order);

// The canonical JSON without the bookkeeping fields (id, version, received_at): what
// CanonicalContentHash (sync/order_upsert.hpp) hashes. Equal content gives equal bytes.
std::string CanonicalContentJson(const Order& order);

}  // namespace scs
