#include <unistd.h>

#include "app/background_work.hpp"
#include "app/http_wiring.hpp"
#include "app/modes.hpp"
#include "app/sandbox_wiring.hpp"
#include "app/signals.hpp"
#include "observability/log.hpp"

namespace scs {

int RunServe(AppConfig config,
             std::shared_ptr<Redactor> redactor,
             bool with_workers,
             bool with_sandbox) {
    const log::Logger log("app");
    // scs-sandbox, a child process; declared before the runtime, stopped after it.
    std::unique_ptr<SandboxProcess> sandbox;
    std::vector<DemoStore> demo;
    if (with_sandbox) {
        auto started = SandboxProcess::Start(config);
        if (!started) {
            log.Error("sandbox start-up failed", {log::F("error", started.error().message)});
            return 1;
        }
        sandbox = std::move(*started);
        if (auto created = sandbox->CreateDemoStores(); created) {
            demo = std::move(*created);
        } else {
            log.Warn("demo stores not created", {log::F("error", created.error().message)});
        }
        UseSandbox(demo, config);
    }
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
    std::unique_ptr<BackgroundWork> work;
    if (with_workers) {
        auto started_work = BackgroundWork::Start(rt);
        if (!started_work) {
            log.Error("start-up failed", {log::F("error", started_work.error().message)});
            server.Shutdown();
            return 1;
        }
        work = std::move(*started_work);
    }
    if (sandbox && !demo.empty()) {
        if (auto connected = ConnectDemoStores(
                demo,
                DemoHooks{*handlers.connections,
                          rt.database->Connections(),
                          WebhookRepairFor(rt),
                          [registry = rt.registry.get()](const std::string& platform) {
                              return registry->Enabled(platform);
                          }});
            !connected) {
            log.Warn("demo store not connected", {log::F("error", connected.error().message)});
        } else {
            log.Info("sandbox demo ready",
                     {log::F("sandbox", sandbox->BaseAddress()),
                      log::F("seller_id", kDemoSeller),
                      log::F("stores", static_cast<int64_t>(demo.size()))});
        }
    }
    const int signal = WaitForShutdownSignal();
    log.Info("shutting down", {log::F("signal", signal)});
    server.Shutdown();
    if (work && work->Stop() > 0) {
        // Their messages are back in the queue; the threads still run, so the runtime they use
        // must not be torn down: leave at once.
        log.Warn("jobs did not stop in time; their messages were returned to the queue");
        _exit(0);
    }
    log.Info("stopped");
    return 0;
}

}  // namespace scs
