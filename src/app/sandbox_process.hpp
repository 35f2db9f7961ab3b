#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <sys/types.h>

#include "app/config.hpp"
#include "core/result.hpp"
#include "net/http_client.hpp"

// The platform emulators run as a program of their own (scs-sandbox, sandbox/server/main.cpp),
// never linked into scs. `scs sandbox` replaces itself with it; `scs all --sandbox` starts it as a
// child beside the service and drives it through its control API (/_sandbox/stores).
namespace scs {

// Where scs-sandbox is: $SCS_SANDBOX_BINARY, else next to the running scs binary.
std::string SandboxBinaryPath();

// Replaces this process with scs-sandbox listening on `addr` (signals unblocked first); returns
// the errno of a failed exec.
int ExecSandbox(const std::string& binary, const std::string& addr);

// One platform's demo store as the sandbox describes it (POST /_sandbox/demo): what a connection
// to it needs, and the service settings that reach it.
struct DemoStore {
    std::string platform;
    std::string store_id;  // the connection's store_id
    std::string label;     // the connection's name
    boost::json::object credentials;
    boost::json::object settings;  // the connection's settings (hub locations)
    boost::json::object service;   // platforms.<tag> settings: base_url, rate_bucket_size, …
};

// A running scs-sandbox child. Start once; the destructor stops it (SIGTERM, then SIGKILL after
// two seconds). The child also gets SIGTERM if this process dies first (PR_SET_PDEATHSIG).
class SandboxProcess {
public:
    // Starts scs-sandbox on config.sandbox.addr and waits (up to 15 s) until it listens.
    [[nodiscard]] static Result<std::unique_ptr<SandboxProcess>> Start(const AppConfig& config);

    ~SandboxProcess();
    SandboxProcess(const SandboxProcess&) = delete;
    SandboxProcess& operator=(const SandboxProcess&) = delete;
    SandboxProcess(SandboxProcess&&) = delete;
    SandboxProcess& operator=(SandboxProcess&&) = delete;

    const std::string& BaseAddress() const { return base_address_; }  // "http://127.0.0.1:8090"

    // POST /_sandbox/demo: every platform's demo store, created (or found, when they exist).
    [[nodiscard]] Result<std::vector<DemoStore>> CreateDemoStores() const;

    void Stop();

private:
    SandboxProcess(pid_t pid, std::string base_address);

    pid_t pid_;
    std::string base_address_;
    std::shared_ptr<HttpClient> http_;
};

}  // namespace scs
