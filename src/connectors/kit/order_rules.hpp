#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "core/order.hpp"
#include "core/result.hpp"

// The rule tables every platform's order mapping applies, with the platform's own rows, tag and
// wording as parameters: status names -> canonical status, the connection's status overrides,
// gateway ids -> payment method, line totals, canonical ids. Pure functions, thread-safe.
namespace scs::kit {

// One row of a platform's status table: its status name and the canonical status.
using StatusRow = std::pair<std::string_view, OrderStatus>;
// One row of a platform's payment method table: its gateway id and the canonical method.
using PaymentMethodRow = std::pair<std::string_view, std::string_view>;

// The canonical status of `name` in `table`; nullopt when the table has no such row.
std::optional<OrderStatus> LookUpStatus(std::span<const StatusRow> table, std::string_view name);

// The connection's override for `key` (the platform's status as the seller sees it): nullopt when
// it has none; kBadRequest on "status_mapping" when the override names no canonical status.
[[nodiscard]] Result<std::optional<OrderStatus>> OverriddenStatus(
    std::string_view key, const std::map<std::string, std::string>& overrides);

// "" -> "unknown"; a gateway id of `table` -> its method; any other id as it is.
std::string PaymentMethodOf(std::span<const PaymentMethodRow> table, std::string_view gateway);

// quantity * unit_price - discount, plus tax when `add_tax` (the platform's amounts exclude it);
// kInvalidPayload "<subject>: line item <id>: total out of range" on overflow.
[[nodiscard]] Result<int64_t> LineTotal(const OrderLineItem& item,
                                        bool add_tax,
                                        std::string_view subject);

// The service's stable id for a platform order: "<tag>:<connection id>:<order id>".
std::string CanonicalOrderId(std::string_view tag,
                             int64_t connection_id,
                             std::string_view external_id);

// ASCII case changes (other bytes are kept): "sa" -> "SA", "CUSTOMER" -> "customer".
std::string UpperAscii(std::string_view text);
std::string LowerAscii(std::string_view text);

// Two upper-case ASCII letters, as ISO 3166-1 alpha-2 codes are.
bool IsCountryCode(std::string_view code);

}  // namespace scs::kit
