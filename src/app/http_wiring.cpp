#include "app/http_wiring.hpp"

#include "observability/log.hpp"

namespace scs {
namespace {

HttpResponse HealthResponse(const HealthChecker& health) {
    const HealthReport report = health.Run();
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

Router BuildRouter(Runtime& runtime, ApiHandlers& handlers) {
    Router router;
    const HealthChecker* health = &runtime.health;
    const Metrics* metrics = runtime.metrics.get();
    router.Add("GET", "/health", [health](HttpRequest&) { return HealthResponse(*health); });
    router.Add("GET", "/metrics", [metrics](HttpRequest&) { return MetricsResponse(*metrics); });
    handlers.connections = std::make_unique<ConnectionsApi>(
        ConnectionsApiDeps{runtime.database->Connections(),
                           *runtime.secrets,
                           *runtime.registry,
                           runtime.clock,
                           StoreIdentityRules{runtime.config.security.allow_private_store_urls}});
    AddConnectionRoutes(router, *handlers.connections, *runtime.auth);
    std::map<std::string, Queue*, std::less<>> queues;
    for (const auto& [name, queue] : runtime.queues) {
        queues.emplace(name, queue.get());
    }
    handlers.dead_letters = std::make_unique<DeadLettersApi>(std::move(queues));
    AddDeadLetterRoutes(router, *handlers.dead_letters, *runtime.auth);
    return router;
}

}  // namespace scs
