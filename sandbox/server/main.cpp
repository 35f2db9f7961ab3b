// scs-sandbox: the platform emulators as a program of their own. `scs sandbox` and
// `scs all --sandbox` start it beside the service; tests and benchmarks may run it directly.
//
//   scs-sandbox [--addr HOST:PORT]     (default: $SCS_SANDBOX_ADDR, else 127.0.0.1:8090)
//
// Once it listens it prints one line on standard output, "scs-sandbox serving http://HOST:PORT",
// which is how a parent learns the port when it asked for port 0; everything else goes to
// standard error. SIGTERM or SIGINT stops it.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/host_port.hpp"
#include "sandbox/server/sandbox_server.hpp"

namespace {

constexpr const char* kDefaultAddr = "127.0.0.1:8090";

int Usage() {
    std::fputs("usage: scs-sandbox [--addr HOST:PORT]\n", stderr);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    // One thread so far: nothing else touches the environment.
    // NOLINTNEXTLINE(concurrency-mt-unsafe)
    const char* env_addr = std::getenv("SCS_SANDBOX_ADDR");
    std::string addr = (env_addr != nullptr && *env_addr != '\0') ? env_addr : kDefaultAddr;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--addr" && i + 1 < argc) {
            addr = argv[++i];
        } else {
            return Usage();
        }
    }
    const auto parsed = scs::ParseHostPort(addr);
    if (!parsed) {
        std::fprintf(stderr, "scs-sandbox: --addr: %s\n", parsed.error().message.c_str());
        return 2;
    }
    scs::SandboxOptions options;
    options.host = parsed->first;
    options.port = parsed->second;

    // Every thread the server starts inherits this mask, so only sigwait below takes the signals.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    scs::SandboxServer sandbox(options);
    if (auto started = sandbox.Start(); !started) {
        std::fprintf(stderr,
                     "scs-sandbox: cannot start on %s: %s\n",
                     addr.c_str(),
                     started.error().message.c_str());
        return 1;
    }
    std::printf("scs-sandbox serving %s\n", sandbox.BaseAddress().c_str());
    std::fflush(stdout);
    std::fprintf(stderr,
                 "scs-sandbox: serving %s (Shopify stores at /shopify/{shop}, WooCommerce "
                 "sites at /woocommerce/{site}, control API at /_sandbox/stores)\n",
                 sandbox.BaseAddress().c_str());

    int signal = 0;
    sigwait(&signals, &signal);
    std::fprintf(stderr, "scs-sandbox: stopping on signal %d\n", signal);
    sandbox.Stop();
    return 0;
}
