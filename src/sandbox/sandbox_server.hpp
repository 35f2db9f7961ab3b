#pragma once

#include <memory>
#include <string>

#include <boost/json/object.hpp>

#include "core/result.hpp"

// The Shopify sandbox: our own emulator of Shopify's Admin API (GraphQL orders with cost-based
// throttling, OAuth, webhook subscriptions with signed deliveries) serving many stores from one
// process, plus the /_sandbox control API. See src/sandbox/README.md for the URL layout.
namespace scs {

struct SandboxOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0 = any free port
};

// What creating a store answers: its id and the base URL its Admin API lives under.
struct SandboxStoreInfo {
    std::string id;        // "store_1"
    std::string platform;  // "shopify"
    std::string shop;      // "demo.myshopify.com"
    std::string base_url;  // "http://127.0.0.1:PORT/shopify/demo.myshopify.com"
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
    // known). kBadRequest for an invalid spec, kConflict for a shop that already exists.
    [[nodiscard]] Result<SandboxStoreInfo> CreateStore(const boost::json::object& spec);

private:
    struct Runtime;
    std::unique_ptr<Runtime> runtime_;
};

}  // namespace scs
