#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "storage/sql.hpp"

// A platform's request to erase one customer's personal data from the orders we keep.
namespace scs {

// A canonical order JSON (order.v1) without personal data: customer null; in both addresses
// every field null except city, region and country_code (kept for reporting). Pure.
// kInvalidPayload when `order_json` is not a JSON object.
[[nodiscard]] Result<std::string> RedactCustomerData(std::string_view order_json);

// In one write transaction, replaces the stored body of each listed order of the connection
// with its redacted form; orders we never stored are skipped. Version and content hash stay, so
// the OMS is not sent the change and a later delivery with the same content changes nothing.
// Returns how many orders were redacted.
[[nodiscard]] Result<int64_t> RedactStoredOrders(SqlExecutor& executor,
                                                 int64_t connection_id,
                                                 const std::vector<std::string>& external_ids);

}  // namespace scs
