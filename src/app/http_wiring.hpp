#pragma once

#include <memory>

#include "api/connections_api.hpp"
#include "api/dead_letters_api.hpp"
#include "app/runtime.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "observability/http_metrics.hpp"

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
};

// Every route of `scs serve`: /health, /metrics and the internal API.
Router BuildRouter(Runtime& runtime, ApiHandlers& handlers);

}  // namespace scs
