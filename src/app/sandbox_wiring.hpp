#pragma once

#include <memory>

#include "api/connections_api.hpp"
#include "app/config.hpp"
#include "core/result.hpp"
#include "sandbox/sandbox_server.hpp"

namespace scs {

// The demo that `scs all --sandbox` starts with: seller kDemoSeller connected to the sandbox
// Shopify store kDemoShop, which holds kDemoOrders generated orders.
inline constexpr const char* kDemoSeller = "demo-seller";
inline constexpr const char* kDemoShop = "demo.myshopify.com";
inline constexpr int kDemoOrders = 50;

// Starts the platform sandboxes on sandbox.addr.
[[nodiscard]] Result<std::unique_ptr<SandboxServer>> StartSandboxServer(const AppConfig& config);

// Points the Shopify connector at `sandbox` and allows loopback store URLs (the sandboxes live
// there): for `scs all --sandbox` only.
void UseSandbox(const SandboxServer& sandbox, AppConfig& config);

// Creates the demo store in the sandbox and connects the demo seller to it through the
// connections API (credentials checked with the store, webhooks subscribed), unless the demo
// seller's connection already exists.
[[nodiscard]] Status ConnectDemoStore(SandboxServer& sandbox,
                                      const ConnectionsApi& connections,
                                      ConnectionStore& store);

}  // namespace scs
