#pragma once

#include <cstdint>
#include <string>

#include "core/order.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/order_store.hpp"
#include "storage/sql.hpp"

// The one way a platform order reaches storage and the OMS, for syncs and webhooks alike
// (DESIGN §4): upsert the canonical order, and when it is new or its content changed, write its
// oms-orders outbox row in the same transaction.
namespace scs {

// Lower-case hex SHA-256 of CanonicalContentJson (core/order_json.hpp). Equal content gives an
// equal hash, so storage bumps `version` only when it changes. Pure.
std::string CanonicalContentHash(const Order& order);

// Inside the caller's write transaction: UpsertOrder with the canonical JSON and content hash,
// then, for kCreated and kUpdated, the order's outbox row keyed by `connection_id`.
[[nodiscard]] Result<UpsertOutcome> UpsertOrderWithOutbox(SqlSession& tx,
                                                          const Order& order,
                                                          int64_t connection_id,
                                                          TimePoint now);

// Whether an upsert created or changed the stored order (and so wrote an outbox row).
inline bool OrderChanged(UpsertResult result) {
    return result == UpsertResult::kCreated || result == UpsertResult::kUpdated;
}

}  // namespace scs
