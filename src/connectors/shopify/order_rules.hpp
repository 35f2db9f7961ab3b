#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/kit/order_rules.hpp"
#include "core/order.hpp"
#include "core/result.hpp"

// Shopify's business rules for the canonical order, shared by the REST and GraphQL mappings so
// both shapes of one order map alike. Pure functions, thread-safe.
namespace scs::shopify {

// Shopify has no single status: it is derived from these (platform doc A4.2). Values use the
// REST vocabulary: financial "paid", "partially_refunded", ...; fulfillment "unfulfilled" (REST
// null), "partial", "fulfilled", "restocked".
struct StatusFacts {
    std::string financial;
    std::string fulfillment;
    bool cancelled = false;
    bool is_cod = false;
    bool closed = false;  // REST closed_at / GraphQL closed (closedAt) set: the order is archived
};

// "paid/fulfilled", "paid/unfulfilled/cancelled" or "paid/fulfilled/closed": Order::external_status
// and the key of the connection's status overrides.
std::string ExternalStatus(const StatusFacts& facts);

// The override for ExternalStatus(facts) when the connection has one, else the default table
// (see README.md). An override naming no canonical status fails with kBadRequest.
[[nodiscard]] Result<OrderStatus> CanonicalStatus(
    const StatusFacts& facts, const std::map<std::string, std::string>& overrides);

// financial status -> payment status ("expired" reads as voided); unknown -> kInvalidPayload.
[[nodiscard]] Result<PaymentStatus> PaymentStatusOf(std::string_view financial);

// GraphQL enum values in the REST vocabulary: "PARTIALLY_REFUNDED" -> "partially_refunded",
// "PARTIALLY_FULFILLED" -> "partial"; fulfillment states REST cannot express (OPEN, ON_HOLD,
// IN_PROGRESS, ...) read as "unfulfilled".
std::string FinancialFromGraphql(std::string_view display_financial_status);
std::string FulfillmentFromGraphql(std::string_view display_fulfillment_status);

// The payment method from the gateway names: "cod" for cash on delivery, "card" for Shopify
// Payments, "bank_transfer" for bank deposits, else the first gateway's name ("unknown" if none).
std::string PaymentMethodOf(const std::vector<std::string>& gateways);

// REST tags are one comma-separated string: "vip, ramadan" -> {"vip", "ramadan"}.
std::vector<std::string> SplitTags(std::string_view tags);

// The hub of the first location (in order of preference) that the connection maps.
std::optional<std::string> HubOf(const std::vector<std::string>& location_ids,
                                 const std::map<std::string, std::string>& location_hubs);

// quantity * unit_price - discount (+ tax when prices exclude tax); kInvalidPayload on overflow.
[[nodiscard]] Result<int64_t> LineTotal(const OrderLineItem& item, bool taxes_included);

using kit::LowerAscii;

}  // namespace scs::shopify
