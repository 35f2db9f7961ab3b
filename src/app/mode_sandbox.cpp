#include <system_error>

#include "app/modes.hpp"
#include "app/sandbox_process.hpp"
#include "observability/log.hpp"

namespace scs {

// `scs sandbox`: becomes scs-sandbox (the emulators are a program of their own, not linked into
// scs), so signals and the exit status are its own.
int RunSandbox(const AppConfig& config) {
    const log::Logger log("app");
    const std::string binary = SandboxBinaryPath();
    log.Info("starting the sandbox",
             {log::F("binary", binary), log::F("address", config.sandbox.addr)});
    const int error = ExecSandbox(binary, config.sandbox.addr);
    log.Error("start-up failed",
              {log::F("error",
                      "cannot run " + binary + ": " +
                          std::error_code(error, std::generic_category()).message() +
                          " (build it with `make build-scs`, or set SCS_SANDBOX_BINARY)")});
    return 1;
}

}  // namespace scs
