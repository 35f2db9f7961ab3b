#include "app/http_wiring.hpp"
#include "app/modes.hpp"
#include "app/signals.hpp"
#include "observability/log.hpp"

namespace scs {

int RunServe(AppConfig config, std::shared_ptr<Redactor> redactor, bool with_workers) {
    const log::Logger log("app");
    auto runtime = BuildRuntime(std::move(config), std::move(redactor));
    if (!runtime) {
        log.Error("start-up failed", {log::F("error", runtime.error().message)});
        return 1;
    }
    auto& rt = **runtime;
    ApiHandlers handlers;
    RequestObserver observer(*rt.metrics);
    HttpServer server(rt.config.http, BuildRouter(rt, handlers), &observer);
    if (auto started = server.Start(); !started) {
        log.Error("start-up failed", {log::F("error", started.error().message)});
        return 1;
    }
    log.Info("serving",
             {log::F("host", rt.config.http.host),
              log::F("port", server.Port()),
              log::F("database", rt.database->Dialect()),
              log::F("queue", rt.config.queue.backend),
              log::F("workers", with_workers)});
    const int signal = WaitForShutdownSignal();
    log.Info("shutting down", {log::F("signal", signal)});
    server.Shutdown();
    log.Info("stopped");
    return 0;
}

}  // namespace scs
