#include "app/http_wiring.hpp"

#include "observability/log.hpp"

namespace scs {
namespace {

// The answer names only the failed checks (ToJson); their details go to the log.
HttpResponse HealthResponse(const HealthChecker& health) {
    const HealthReport report = health.Run();
    static const log::Logger kLog("health");
    for (const ComponentHealth& component : report.components) {
        if (!component.ok) {
            kLog.Warn("health check failed",
                      {log::F("check", component.name), log::F("error", component.message)});
        }
    }
    return HttpResponse{report.ok ? 200 : 503, "application/json", {}, ToJson(report)};
}

HttpResponse MetricsResponse(const Metrics& metrics) {
    return HttpResponse{200, "text/plain; version=0.0.4; charset=utf-8", {}, metrics.Serialize()};
}

}  // namespace

void RequestObserver::OnRequestDone(const HttpRequest& request,
                                    const HttpResponse& response,
                                    std::chrono::microseconds latency) {
    metrics_.Record(request.route, request.method, response.status, latency);
    static const log::Logger kLog("http");
    const log::ScopedRequestId scope(request.request_id);
    // The path, never the query string: OAuth callbacks carry codes there.
    kLog.Info("request",
              {log::F("method", request.method),
               log::F("path", request.path),
               log::F("status", response.status),
               log::F("duration_us", static_cast<int64_t>(latency.count()))});
}

void RequestObserver::OnHandlerException(const HttpRequest& request, std::string_view what) {
    static const log::Logger kLog("http");
    const log::ScopedRequestId scope(request.request_id);
    kLog.Error("handler threw", {log::F("route", request.route), log::F("error", what)});
}

ConnectedHook SubscribeWebhooksHook(Runtime& runtime) {
    return [rt = &runtime](const Connection& connection, const Credentials& credentials) {
        return SubscribeConnectionWebhooks(*rt, connection, credentials);
    };
}

namespace {

void AddOrderFlowRoutes(Router& router, Runtime& runtime, ApiHandlers& handlers) {
    auto& executor = runtime.database->Executor();
    handlers.sync = std::make_unique<SyncApi>(
        SyncApiDeps{runtime.database->Connections(), executor, *runtime.sync});
    AddSyncRoutes(router, *handlers.sync, *runtime.auth);
    handlers.push = std::make_unique<PushApi>(
        PushApiDeps{runtime.database->Connections(), executor, *runtime.push});
    AddPushRoutes(router, *handlers.push, *runtime.auth);
    handlers.orders = std::make_unique<OrdersApi>(OrdersApiDeps{executor});
    AddOrderRoutes(router, *handlers.orders, *runtime.auth);
    handlers.webhook_events = std::make_unique<WebhookEventsApi>(
        WebhookEventsApiDeps{executor, [rt = &runtime](int64_t id) {
                                 return rt->webhooks->Replay(id);
                             }});
    AddWebhookEventRoutes(router, *handlers.webhook_events, *runtime.auth);

    WebhookIngressOptions ingress_options;
    ingress_options.notify = [rt = &runtime] {
        rt->outbox_wakeup();
    };
    handlers.webhook_ingress =
        std::make_unique<WebhookIngress>(WebhookIngressDeps{*runtime.registry,
                                                            runtime.database->Connections(),
                                                            executor,
                                                            *runtime.secrets,
                                                            runtime.clock,
                                                            *runtime.webhook_metrics},
                                         std::move(ingress_options));
    AddWebhookRoutes(router, *handlers.webhook_ingress);

    handlers.install = std::make_unique<InstallApi>(InstallApiDeps{runtime.database->Connections(),
                                                                   *runtime.secrets,
                                                                   *runtime.registry,
                                                                   *runtime.state,
                                                                   runtime.clock,
                                                                   runtime.config.PublicUrl(),
                                                                   SubscribeWebhooksHook(runtime)});
    AddInstallRoutes(router, *handlers.install, *runtime.registry, *runtime.auth);
}

}  // namespace

Router BuildRouter(Runtime& runtime, ApiHandlers& handlers) {
    Router router;
    const HealthChecker* health = &runtime.health;
    const Metrics* metrics = runtime.metrics.get();
    router.Add("GET", "/health", [health](HttpRequest&) { return HealthResponse(*health); });
    router.Add("GET", "/metrics", [metrics](HttpRequest&) { return MetricsResponse(*metrics); });
    handlers.connections =
        std::make_unique<ConnectionsApi>(ConnectionsApiDeps{runtime.database->Connections(),
                                                            *runtime.secrets,
                                                            *runtime.registry,
                                                            runtime.clock,
                                                            SubscribeWebhooksHook(runtime)});
    AddConnectionRoutes(router, *handlers.connections, *runtime.auth);
    std::map<std::string, Queue*, std::less<>> queues;
    for (const auto& [name, queue] : runtime.queues) {
        queues.emplace(name, queue.get());
    }
    handlers.dead_letters = std::make_unique<DeadLettersApi>(std::move(queues));
    AddDeadLetterRoutes(router, *handlers.dead_letters, *runtime.auth);
    AddOrderFlowRoutes(router, runtime, handlers);
    return router;
}

}  // namespace scs
