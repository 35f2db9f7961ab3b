#include "app/modes.hpp"
#include "app/sandbox_wiring.hpp"
#include "app/signals.hpp"
#include "observability/log.hpp"

namespace scs {

int RunSandbox(const AppConfig& config) {
    const log::Logger log("app");
    auto sandbox = StartSandboxServer(config);
    if (!sandbox) {
        log.Error("start-up failed", {log::F("error", sandbox.error().message)});
        return 1;
    }
    log.Info("sandbox serving",
             {log::F("address", (*sandbox)->BaseAddress()),
              log::F("shopify", (*sandbox)->BaseAddress() + "/shopify/{shop}")});
    const int signal = WaitForShutdownSignal();
    log.Info("shutting down", {log::F("signal", signal)});
    (*sandbox)->Stop();
    return 0;
}

}  // namespace scs
