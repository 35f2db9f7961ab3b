#pragma once

#include <cstdint>
#include <functional>

#include "api/auth.hpp"
#include "core/result.hpp"
#include "http/router.hpp"
#include "storage/sql.hpp"

namespace scs {

// Puts a stored webhook event back on the processing queue (the webhooks area provides it).
using ReplayWebhookEventFn = std::function<Status(int64_t event_id)>;

struct WebhookEventsApiDeps {
    SqlExecutor& executor;  // the database holding `webhook_events` (Database::Executor())
    ReplayWebhookEventFn replay;
};

// Operations on received platform webhooks (DESIGN §7): GET /api/v1/webhook_events?ssc_id=
// &status=&before_id=&limit= lists them newest first; GET /api/v1/webhook_events/{id} reads one;
// POST /api/v1/webhook_events/{id}/replay re-enqueues one (202). Events of every seller are
// here, so all three need the admin token (a seller token gets 403). Events carry their raw body
// and identifying headers, never a signature header. Holds references to its dependencies, which
// outlive it; thread-safe when `replay` is.
class WebhookEventsApi {
public:
    explicit WebhookEventsApi(WebhookEventsApiDeps deps) : deps_(std::move(deps)) {}

    HttpResponse List(HttpRequest& request, const Principal& principal) const;
    HttpResponse Get(HttpRequest& request, const Principal& principal) const;
    HttpResponse Replay(HttpRequest& request, const Principal& principal) const;

private:
    WebhookEventsApiDeps deps_;
};

// Registers the routes above, each behind bearer-token authentication.
void AddWebhookEventRoutes(Router& router,
                           const WebhookEventsApi& api,
                           const TokenAuthenticator& auth);

}  // namespace scs
