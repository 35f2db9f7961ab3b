#pragma once

#include <memory>
#include <string>

#include <boost/json/object.hpp>

#include "core/result.hpp"

// The platform sandboxes: our own emulators of Shopify's Admin API (GraphQL orders with
// cost-based throttling, OAuth, webhook subscriptions with signed deliveries) and of
// WooCommerce's REST API (sandbox/woocommerce/), serving many stores from one process, plus the
// /_sandbox control API. See sandbox/README.md for the URL layout. Tests embed it; everything
// else runs it as the scs-sandbox program (main.cpp).
namespace scs {

struct SandboxOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0 = any free port
};

// What creating a store answers: its id and the base URL its API lives under.
struct SandboxStoreInfo {
    std::string id;               // "store_1"
    std::string platform;         // "shopify" or "woocommerce"
    std::string shop;             // "demo.myshopify.com", or the WooCommerce site name ("demo-woo")
    std::string base_url;         // "http://127.0.0.1:PORT/shopify/demo.myshopify.com" or
                                  // "http://127.0.0.1:PORT/woocommerce/demo-woo" (the store URL)
    std::string consumer_key;     // WooCommerce only
    std::string consumer_secret;  // WooCommerce only
};

// Owned by the composition root or a test. Start once, then Stop (or destroy). CreateStore and
// the accessors are thread-safe; Stop must not run on one of the sandbox's own handler threads.
class SandboxServer {
public:
    explicit SandboxServer(SandboxOptions options = {});
    ~SandboxServer();
    SandboxServer(const SandboxServer&) = delete;
    SandboxServer& operator=(const SandboxServer&) = delete;
    SandboxServer(SandboxServer&&) = delete;
    SandboxServer& operator=(SandboxServer&&) = delete;

    // Listens and starts the webhook sender. kUnavailable when the address is taken.
    [[nodiscard]] Status Start();

    int Port() const;                 // the bound port, after Start
    std::string BaseAddress() const;  // "http://127.0.0.1:PORT", after Start

    // Stops accepting requests and abandons queued webhook deliveries. Idempotent.
    void Stop();

    // The same as POST /_sandbox/stores with `spec` as the body (after Start, so base_url is
    // known); "platform":"woocommerce" makes a WooCommerce site. kBadRequest for an invalid spec,
    // kConflict for a shop or site that already exists.
    [[nodiscard]] Result<SandboxStoreInfo> CreateStore(const boost::json::object& spec);

private:
    struct Runtime;
    std::unique_ptr<Runtime> runtime_;
};

}  // namespace scs
