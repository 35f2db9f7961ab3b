#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/kit/order_rules.hpp"
#include "core/order.hpp"
#include "core/result.hpp"

// WooCommerce's business rules for the canonical order (status table, payment, line totals,
// ids). Pure functions, thread-safe. See README.md for the table and the reasons.
namespace scs::woocommerce {

// The default table: pending -> pending, processing -> confirmed, on-hold -> on_hold,
// completed -> shipped, cancelled -> cancelled, refunded -> returned, failed -> cancelled,
// trash -> cancelled, checkout-draft -> pending. nullopt for any other status.
std::optional<OrderStatus> DefaultOrderStatus(std::string_view status);

// The connection's override for the raw WooCommerce status when it has one (so a plugin's custom
// status such as "shipped" can be mapped), else the default table. An override naming no
// canonical status fails with kBadRequest ("status_mapping"); a status neither knows fails with
// kInvalidPayload naming "status".
[[nodiscard]] Result<OrderStatus> CanonicalStatus(
    std::string_view status, const std::map<std::string, std::string>& overrides);

// "cod" -> "cod", "bacs" (core's direct bank transfer) -> "bank_transfer", "" -> "unknown", any
// other gateway id as it is ("stripe", "cheque", ...).
std::string PaymentMethodOf(std::string_view payment_method);

// What the payment depends on, read from the order.
struct PaymentFacts {
    std::string status;          // the raw WooCommerce status
    std::string payment_method;  // the gateway id
    bool date_paid = false;      // date_paid_gmt is set
    int64_t total = 0;           // `total`, minor units
    int64_t refunded = 0;        // the sum of the refunds, as a positive amount
};

// Refunds first (refunded >= total -> refunded, some -> partially_refunded, status "refunded"
// -> refunded), then paid (date_paid_gmt set; for cash on delivery only status "completed",
// because WooCommerce stamps date_paid when a COD order reaches "processing"), then voided for an
// unpaid cancelled/failed order, else pending. COD: is_cod and cod_amount = what is left to
// collect (total - refunded, 0 once paid); other methods: is_cod false, no cod_amount.
OrderPayment PaymentOf(const PaymentFacts& facts);

// quantity * unit_price - discount + tax: WooCommerce's line amounts (subtotal, total, price)
// exclude tax whatever prices_include_tax says, so the tax is always added. kInvalidPayload on
// overflow.
[[nodiscard]] Result<int64_t> LineTotal(const OrderLineItem& item);

// The unit price and discount of a line with WooCommerce `subtotal` (before discounts) and
// `total` (after), both minor units: unit = subtotal / quantity, rounded up to a whole minor unit
// when it does not divide, and discount = quantity * unit - total, so the rounding (under one
// minor unit a piece) lands in the discount and the line total stays WooCommerce's. Quantity 0:
// unit 0. nullopt on overflow.
struct UnitAndDiscount {
    int64_t unit_price = 0;
    int64_t discount = 0;
};

[[nodiscard]] std::optional<UnitAndDiscount> SplitLine(int64_t quantity,
                                                       int64_t subtotal,
                                                       int64_t total);

using kit::IsCountryCode;
using kit::UpperAscii;

}  // namespace scs::woocommerce
