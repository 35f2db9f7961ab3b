#pragma once

#include <functional>
#include <memory>

#include "api/connections_api.hpp"
#include "app/config.hpp"
#include "app/sandbox_process.hpp"
#include "core/result.hpp"

namespace scs {

// The demo that `scs all --sandbox` starts with: seller kDemoSeller connected to the sandbox
// Shopify store kDemoShop and the sandbox WooCommerce site kDemoWooSite, each holding
// kDemoOrders generated orders.
inline constexpr const char* kDemoSeller = "demo-seller";
inline constexpr const char* kDemoShop = "demo.myshopify.com";
inline constexpr const char* kDemoWooSite = "demo-woo";
inline constexpr int kDemoOrders = 50;

// Points the Shopify connector at `sandbox` and allows loopback store URLs (the sandboxes live
// there): for `scs all --sandbox` only.
void UseSandbox(const SandboxProcess& sandbox, AppConfig& config);

// What connecting the demo stores uses; borrowed.
struct DemoHooks {
    const ConnectionsApi& connections;
    ConnectionStore& store;
    // Re-subscribes a kept connection's webhooks (the sandbox starts empty); may be empty.
    std::function<Status(const Connection&)> resubscribe;
};

// Creates the demo stores in the sandbox and connects the demo seller to each through the
// connections API (credentials checked with the store, webhooks subscribed); a connection kept
// from an earlier run only has its webhooks subscribed again.
[[nodiscard]] Status ConnectDemoStores(const SandboxProcess& sandbox, const DemoHooks& hooks);

}  // namespace scs
