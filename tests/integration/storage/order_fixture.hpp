#pragma once

#include <string>

#include "core/order.hpp"
#include "core/result.hpp"
#include "storage/order_store.hpp"
#include "storage/sql.hpp"

// Canonical orders for the order-store tests and the upsert as the sync worker runs it: one
// write transaction, the real canonical JSON and content hash.
namespace scs::testing {

// A small valid order of `seller` on connection `connection_id`, updated at `updated_ms`. `note`
// changes its content (and so its hash) without changing anything else.
Order MakeOrder(const std::string& seller,
                int64_t connection_id,
                const std::string& external_id,
                int64_t updated_ms,
                const std::string& note = "");

// UpsertOrder in its own write transaction, with OrderToJson and CanonicalContentHash.
Result<UpsertOutcome> UpsertInTx(SqlExecutor& executor, const Order& order, TimePoint now);

}  // namespace scs::testing
