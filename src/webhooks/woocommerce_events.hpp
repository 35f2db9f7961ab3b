#pragma once

#include <functional>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"
#include "storage/webhook_event_store.hpp"
#include "webhooks/event_disposition.hpp"

namespace scs {

// Handles one stored WooCommerce event by topic:
// - order.created, order.updated, order.restored: the body is the order's REST representation at
//   delivery time; mapped and stored with ApplyMappedOrder (a stale or repeated one changes
//   nothing);
// - order.deleted: the body holds only the id, so there is nothing to map; kIgnored with the
//   reason (the canonical order keeps its last state; the OMS is not told);
// - product.*: kIgnored, the catalogue is read by the products sync (a product payload carries
//   no variations, so it cannot refresh the listing table alone);
// - any other topic: kIgnored.
// A body that does not map is kFailed (poison); database errors are returned.
[[nodiscard]] Result<EventDisposition> HandleWooCommerceEvent(
    SqlExecutor& executor,
    const Connection& connection,
    const WebhookEvent& event,
    TimePoint now,
    const std::function<void()>& published);

}  // namespace scs
