#include "app/modes.hpp"
#include "app/runtime.hpp"
#include "app/signals.hpp"
#include "observability/log.hpp"

namespace scs {

int RunWork(AppConfig config, std::shared_ptr<Redactor> redactor, const std::string& groups) {
    const log::Logger log("app");
    if (!groups.empty()) {
        config.worker.groups = groups;
    }
    auto runtime = BuildRuntime(std::move(config), std::move(redactor));
    if (!runtime) {
        log.Error("start-up failed", {log::F("error", runtime.error().message)});
        return 1;
    }
    // The worker process owns the same runtime as the server (storage, secrets, connectors,
    // health). Queue consumers are registered here by the durable-jobs runtime.
    log.Info("worker started",
             {log::F("groups", (*runtime)->config.worker.groups),
              log::F("database", (*runtime)->database->Dialect())});
    const int signal = WaitForShutdownSignal();
    log.Info("worker stopped", {log::F("signal", signal)});
    return 0;
}

}  // namespace scs
