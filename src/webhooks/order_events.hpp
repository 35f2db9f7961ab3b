#pragma once

#include <functional>

#include "core/connection.hpp"
#include "core/order.hpp"
#include "core/order_mapping_context.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"
#include "webhooks/event_disposition.hpp"

// Order webhooks of every platform go through the same upsert + outbox path as sync (DESIGN §4);
// each platform's handler only maps its payload.
namespace scs {

// Stores an order a platform mapped from an event: in one write transaction, upserts the order
// and (when it was created or its content changed) writes its oms-orders outbox row, then calls
// `published` (may be empty). An update older than the stored order (kStale) is kIgnored with
// the reason; created, updated and unchanged are kProcessed. Database errors are returned (the
// job retries).
[[nodiscard]] Result<EventDisposition> ApplyMappedOrder(SqlExecutor& executor,
                                                        const Connection& connection,
                                                        const Order& order,
                                                        TimePoint now,
                                                        const std::function<void()>& published);

}  // namespace scs
