#include <unistd.h>

#include "app/background_work.hpp"
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
    auto work = BackgroundWork::Start(**runtime);
    if (!work) {
        log.Error("start-up failed", {log::F("error", work.error().message)});
        return 1;
    }
    log.Info("worker started",
             {log::F("groups", (*runtime)->config.worker.groups),
              log::F("database", (*runtime)->database->Dialect()),
              log::F("queue", (*runtime)->config.queue.backend)});
    const int signal = WaitForShutdownSignal();
    log.Info("worker stopping", {log::F("signal", signal)});
    const int unfinished = (*work)->Stop();
    if (unfinished > 0) {
        // Their messages are back in the queue; the threads still run, so the runtime they use
        // must not be torn down: leave at once.
        log.Warn("jobs did not stop in time; their messages were returned to the queue",
                 {log::F("jobs", unfinished)});
        _exit(0);
    }
    log.Info("worker stopped");
    return 0;
}

}  // namespace scs
