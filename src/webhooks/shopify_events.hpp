#pragma once

#include <functional>

#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "storage/webhook_event_store.hpp"
#include "webhooks/event_disposition.hpp"

namespace scs {

// What handling one Shopify event may touch. References outlive the call.
struct ShopifyEventContext {
    SqlExecutor& executor;
    ConnectionStore& connections;
    TimePoint now{};
    std::function<void()> published;  // an order outbox row committed; may be empty
};

// Handles one stored Shopify event by topic:
// - orders/* (except orders/delete): ApplyShopifyOrderEvent;
// - app/uninstalled: an active or paused connection becomes reauth_required (the app's token is
//   revoked, the seller must reinstall; orders and settings are kept), unless the connection
//   changed after the event was triggered (a reinstall overtook a late delivery);
// - customers/data_request: recorded (the stored event is the record); nothing else to do, the
//   seller answers the request from the orders API;
// - customers/redact: the listed orders' stored bodies lose the customer's personal data;
// - shop/redact: the connection becomes disconnected and its credentials are wiped;
// - any other topic (orders/delete included) is kIgnored with the reason.
// A payload that cannot be understood is kFailed (poison); database errors are returned.
[[nodiscard]] Result<EventDisposition> HandleShopifyEvent(const ShopifyEventContext& context,
                                                          const Connection& connection,
                                                          const WebhookEvent& event);

}  // namespace scs
