#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "core/time.hpp"
#include "http/router.hpp"
#include "sandbox/kit/store_ids.hpp"

// The module interface of one emulated platform (STYLE "Platforms", DESIGN §8-9). The sandbox
// server holds every platform by tag through the PlatformRegistry and drives the /_sandbox control
// API through this interface only; it never names a platform. A platform owns its stores for the
// sandbox's lifetime; every method is thread-safe except Start/Stop, which the server calls once.
namespace scs::sandbox {

// What every platform factory receives from the server: the clock and the store ids the
// platforms share (ids are unique across platforms: "store_1", "store_2", …).
struct SandboxDeps {
    const TimeSource& clock;
    StoreIds& ids;
};

// What a connection to a store needs: GET /_sandbox/stores lists one per store.
struct StoreConnection {
    std::string id;
    std::string platform;
    std::string name;      // the shop domain or site name the platform knows the store by
    std::string base_url;  // the store URL a connector is configured with
    boost::json::object credentials;  // the platform's own credential names and values
    std::string store_id;             // what a service connection names as its store_id
    // The service's platforms.<tag> settings that reach this store and match its limits
    // (base_url, rate_bucket_size, rate_restore_per_second); empty where none are needed.
    boost::json::object service;
};

// A platform's demo store (POST /_sandbox/demo, what `scs all --sandbox` connects): fixed
// credentials and seed, so the demo is repeatable.
struct DemoStore {
    std::string name;              // StoreConnection::name of the store `spec` creates
    std::string label;             // the connection's display name
    boost::json::object spec;      // a POST /_sandbox/stores body
    boost::json::object settings;  // the connection's settings (hub locations)
};

// POST /_sandbox/stores: the new store's connection, and the answer in the platform's shape.
struct CreatedStore {
    StoreConnection connection;
    boost::json::object answer;
};

// A per-store control route a platform serves beyond the uniform ones, relative to
// /_sandbox/stores/{id} ("/webhooks", "/orders/{order_id}").
struct ControlRoute {
    std::string method;
    std::string path;

    bool operator==(const ControlRoute&) const = default;
};

class SandboxPlatform {
public:
    virtual ~SandboxPlatform() = default;

    // "shopify": the value of "platform" in a store spec.
    virtual std::string_view Tag() const = 0;

    // The platform's own API routes (under /<tag>/…).
    virtual void AddRoutes(Router& router) = 0;
    // Called once the server listens on `base_address` ("http://127.0.0.1:PORT"); starts any
    // background delivery. Stop abandons queued deliveries.
    virtual void Start(const std::string& base_address) = 0;
    virtual void Stop() = 0;

    // kBadRequest for an invalid spec, kConflict for a store name already taken.
    [[nodiscard]] virtual Result<CreatedStore> CreateStore(const boost::json::object& spec) = 0;
    virtual bool HasStore(const std::string& id) const = 0;
    virtual std::vector<StoreConnection> Connections() const = 0;
    // GET /_sandbox/stores/{id}: the store's settings, counts and knobs. `id` is one of ours.
    virtual boost::json::object Describe(const std::string& id) const = 0;

    // POST /_sandbox/stores/{id}/orders: {} or {"count":N} generates, {"order":{…}} stores the
    // order given in the platform's own shape. Answers the stored orders in that shape.
    [[nodiscard]] virtual Result<boost::json::array> AddOrders(const std::string& id,
                                                               const boost::json::object& body) = 0;
    // PATCH /_sandbox/stores/{id}/knobs (fields present only); answers every knob.
    [[nodiscard]] virtual Result<boost::json::object> PatchKnobs(
        const std::string& id, const boost::json::object& body) = 0;

    // The platform's demo store.
    virtual DemoStore Demo() const = 0;

    virtual std::vector<ControlRoute> ControlRoutes() const = 0;
    // Answers one of ControlRoutes() (request.route names which) for store `id`, one of ours.
    virtual HttpResponse HandleControl(const std::string& id, HttpRequest& request) = 0;
};

using SandboxPlatformPtr = std::unique_ptr<SandboxPlatform>;

}  // namespace scs::sandbox
