#pragma once

#include <memory>

#include "api/connections_api.hpp"
#include "api/dead_letters_api.hpp"
#include "api/install_api.hpp"
#include "api/orders_api.hpp"
#include "api/push_api.hpp"
#include "api/sync_api.hpp"
#include "api/webhook_events_api.hpp"
#include "app/runtime.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "observability/http_metrics.hpp"
#include "webhooks/webhook_ingress.hpp"

namespace scs {

// Logs each request once and records its metrics. Thread-safe.
class RequestObserver final : public HttpObserver {
public:
    explicit RequestObserver(Metrics& metrics) : metrics_(metrics) {}

    void OnRequestDone(const HttpRequest& request,
                       const HttpResponse& response,
                       std::chrono::microseconds latency) override;
    void OnHandlerException(const HttpRequest& request, std::string_view what) override;

private:
    HttpMetrics metrics_;
};

// The API objects the routes refer to; must outlive the server.
struct ApiHandlers {
    std::unique_ptr<ConnectionsApi> connections;
    std::unique_ptr<DeadLettersApi> dead_letters;
    std::unique_ptr<SyncApi> sync;
    std::unique_ptr<PushApi> push;
    std::unique_ptr<OrdersApi> orders;
    std::unique_ptr<WebhookEventsApi> webhook_events;
    std::unique_ptr<WebhookIngress> webhook_ingress;
    std::unique_ptr<InstallApi> install;
};

// Subscribes a newly connected store's webhooks to this service's ingress (public_url).
ConnectedHook SubscribeWebhooksHook(Runtime& runtime);

// Every route of `scs serve`: /health, /metrics and the internal API.
Router BuildRouter(Runtime& runtime, ApiHandlers& handlers);

}  // namespace scs
