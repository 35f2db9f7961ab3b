#pragma once

#include <functional>
#include <vector>

#include "api/connections_api.hpp"
#include "app/config.hpp"
#include "app/sandbox_process.hpp"
#include "core/result.hpp"

// The demo that `scs all --sandbox` starts with: seller kDemoSeller connected to every platform's
// demo store in the sandbox (POST /_sandbox/demo), each holding generated orders. Which platforms
// and stores there are is the sandbox's to say: nothing here names one.
namespace scs {

inline constexpr const char* kDemoSeller = "demo-seller";

// Points each platform's connector at its demo store (the stores' service settings: base URL
// template, the plan's rate budget unless configured) and allows loopback store URLs (the
// sandboxes live there): for `scs all --sandbox` only.
void UseSandbox(const std::vector<DemoStore>& demo, AppConfig& config);

// What connecting the demo stores uses; borrowed.
struct DemoHooks {
    const ConnectionsApi& connections;
    ConnectionStore& store;
    // Re-subscribes a kept connection's webhooks (the sandbox starts empty); may be empty.
    std::function<Status(const Connection&)> resubscribe;
    // Whether a platform is switched on (features.<tag>.enabled); empty: all are.
    std::function<bool(const std::string&)> enabled;
};

// Connects the demo seller to each demo store of a platform that is switched on, through the
// connections API (credentials checked with the store, webhooks subscribed); a connection kept
// from an earlier run only has its webhooks subscribed again. A store that fails does not keep
// the others from connecting; the error names every failure.
[[nodiscard]] Status ConnectDemoStores(const std::vector<DemoStore>& demo, const DemoHooks& hooks);

}  // namespace scs
