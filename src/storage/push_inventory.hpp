#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/push_store.hpp"
#include "storage/sql.hpp"

// The inventory side of push records (internal to storage/): queueing items with coalescing, and
// deriving a push's state from its items. Run inside the caller's write transaction.
namespace scs {

// Inserts the items of the new inventory push `push_id` and makes each the pending item of its
// connection + SKU + hub. The item it replaces is settled as coalesced (if still queued) and its
// push's state recomputed.
[[nodiscard]] Status QueueInventoryItems(SqlSession& tx,
                                         int64_t connection_id,
                                         int64_t push_id,
                                         const std::vector<PushItem>& items,
                                         TimePoint now);

// Sets the push's state from its items once none is queued (see SettleInventoryItems); leaves
// it alone while any is.
[[nodiscard]] Status RecomputePushState(SqlSession& tx, int64_t push_id, TimePoint now);

}  // namespace scs
