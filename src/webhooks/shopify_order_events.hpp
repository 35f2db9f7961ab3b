#pragma once

#include <functional>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"
#include "storage/webhook_event_store.hpp"
#include "webhooks/event_disposition.hpp"

// Shopify orders/* webhooks through the same upsert + outbox path as sync (DESIGN §4).
namespace scs {

// Maps the event's REST-shaped body and stores it with ApplyMappedOrder (webhooks/order_events).
[[nodiscard]] Result<EventDisposition> ApplyShopifyOrderEvent(
    SqlExecutor& executor,
    const Connection& connection,
    const WebhookEvent& event,
    TimePoint now,
    const std::function<void()>& published);

}  // namespace scs
