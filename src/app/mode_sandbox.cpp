#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <unistd.h>

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
    // main() blocked these for its own sigwait; scs-sandbox waits for them itself.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    std::vector<char*> argv{const_cast<char*>(binary.c_str()),
                            const_cast<char*>("--addr"),
                            const_cast<char*>(config.sandbox.addr.c_str()),
                            nullptr};
    execv(binary.c_str(), argv.data());
    log.Error("start-up failed",
              {log::F("error",
                      "cannot run " + binary + ": " + std::strerror(errno) +
                          " (build it with `make build-scs`, or set SCS_SANDBOX_BINARY)")});
    return 1;
}

}  // namespace scs
