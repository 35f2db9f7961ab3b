#pragma once

#include <functional>

#include "connectors/platform_webhooks.hpp"
#include "core/connection.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/connection_store.hpp"
#include "storage/sql.hpp"
#include "storage/webhook_event_store.hpp"
#include "webhooks/event_disposition.hpp"

namespace scs {

// What carrying out one event's action may touch. References outlive the call.
struct WebhookActionContext {
    SqlExecutor& executor;
    ConnectionStore& connections;
    TimePoint now{};
    std::function<void()> published;  // an order outbox row committed; may be empty
};

// Carries out what a platform's rules made of a stored event (PlatformWebhooks::Interpret):
// - kOrder: stored with ApplyMappedOrder (upsert + outbox; a stale or repeated one changes
//   nothing);
// - kUninstalled: an active or paused connection becomes reauth_required (the app's token is
//   revoked, the seller must reinstall; orders and settings are kept), unless the connection
//   changed after the event was triggered (a reinstall overtook a late delivery);
// - kForgetStore: the connection becomes disconnected and its credentials are wiped;
// - kRedactCustomer: the listed orders' stored bodies lose the customer's personal data;
// - kRecorded: nothing more (the stored event is the record);
// - kIgnored: kIgnored with the action's note.
// Database errors are returned (the job retries).
[[nodiscard]] Result<EventDisposition> ApplyWebhookAction(const WebhookActionContext& context,
                                                          const Connection& connection,
                                                          const WebhookEvent& event,
                                                          const WebhookAction& action);

}  // namespace scs
