#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/platform_module.hpp"
#include "core/platform.hpp"

namespace scs {

class HttpClient;
class StateStore;
class TimeSource;

// What a connector factory receives: the platform's own settings and the shared services
// connectors need. Pointers are owned by the composition root and outlive every connector.
struct ConnectorDeps {
    std::string base_url;     // empty: the platform's production host; may hold "{shop}"
    std::string api_version;  // empty: the connector's pinned version
    // The platform's app settings by config key (platforms.<tag>.<key>), e.g. for Shopify:
    // client_id, client_secret, scopes, bucket_size, restore_rate.
    std::map<std::string, std::string> settings;
    // How store ids the seller types are checked (site URLs over http, private addresses).
    StoreIdentityRules identity;
    std::shared_ptr<HttpClient> http;   // null: the connector makes a libcurl client
    StateStore* state = nullptr;        // shared rate budgets and refresh locks; null: per process
    const TimeSource* clock = nullptr;  // null: the wall clock
    // How the connector waits (throttling, a concurrent refresh); empty: this_thread::sleep_for.
    std::function<void(std::chrono::milliseconds)> sleep;
};

using ConnectorFactory = std::function<ConnectorPtr(const ConnectorDeps&)>;

// The platforms the service knows (the catalogue) and the modules it has built, found by tag.
// Filled once at start-up by the composition root; read-only and thread-safe afterwards.
// A platform switched off (features.<tag>.enabled: false) is known but has no module: its
// connector, webhooks and install flow are not found, with errors that say it is switched off.
class ConnectorRegistry {
public:
    explicit ConnectorRegistry(std::vector<PlatformInfo> catalogue,
                               std::set<std::string, std::less<>> disabled = {});

    // Adds a platform's module, built with `deps` (its webhooks and install flow once, here).
    void Add(const PlatformModule& module, ConnectorDeps deps = {});
    // A module with a connector only (tests).
    void Add(const std::string& tag, ConnectorFactory factory, ConnectorDeps deps = {});

    const std::vector<PlatformInfo>& Catalogue() const { return catalogue_; }

    const PlatformInfo* Find(std::string_view tag) const;
    bool HasConnector(std::string_view tag) const;
    // False when the platform is switched off by its feature flag.
    bool Enabled(std::string_view tag) const;

    // kNotFound for an unknown platform; kNotImplemented when the platform is in the
    // catalogue but its connector is not built yet, or it is switched off.
    [[nodiscard]] Result<ConnectorPtr> Make(std::string_view tag) const;

    // The platform's webhook rules or install flow; null when it has none, is unknown or is
    // switched off.
    const PlatformWebhooks* Webhooks(std::string_view tag) const;
    const InstallFlow* Install(std::string_view tag) const;

    // Validates and normalises a store id for `platform` with its module's rule (the catalogue's
    // generic rule where it has none); then, for a site URL, checks that its host is public
    // (asks the resolver). Errors name "store_id".
    [[nodiscard]] Result<std::string> NormalizeStoreId(const PlatformInfo& platform,
                                                       const std::string& store_id) const;
    // The same without the resolver: the shape only.
    [[nodiscard]] Result<std::string> StoreIdShape(const PlatformInfo& platform,
                                                   const std::string& store_id) const;

private:
    struct Entry {
        PlatformModule module;
        ConnectorDeps deps;
        std::unique_ptr<PlatformWebhooks> webhooks;
        std::unique_ptr<InstallFlow> install;
    };

    const Entry* EntryOf(std::string_view tag) const;

    std::vector<PlatformInfo> catalogue_;
    std::set<std::string, std::less<>> disabled_;
    std::map<std::string, Entry, std::less<>> modules_;
};

}  // namespace scs
