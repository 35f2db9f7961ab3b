#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "connectors/connector.hpp"
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
    std::shared_ptr<HttpClient> http;   // null: the connector makes a libcurl client
    StateStore* state = nullptr;        // shared rate budgets and refresh locks; null: per process
    const TimeSource* clock = nullptr;  // null: the wall clock
    // How the connector waits (throttling, a concurrent refresh); empty: this_thread::sleep_for.
    std::function<void(std::chrono::milliseconds)> sleep;
};

using ConnectorFactory = std::function<ConnectorPtr(const ConnectorDeps&)>;

// The platforms the service knows (the catalogue) and the connectors it has built.
// Filled once at start-up by the composition root; read-only and thread-safe afterwards.
class ConnectorRegistry {
public:
    explicit ConnectorRegistry(std::vector<PlatformInfo> catalogue);

    void Add(const std::string& tag, ConnectorFactory factory, ConnectorDeps deps = {});

    const std::vector<PlatformInfo>& Catalogue() const { return catalogue_; }

    const PlatformInfo* Find(std::string_view tag) const;
    bool HasConnector(std::string_view tag) const;

    // kNotFound for an unknown platform; kNotImplemented when the platform is in the
    // catalogue but its connector is not built yet.
    [[nodiscard]] Result<ConnectorPtr> Make(std::string_view tag) const;

private:
    struct Entry {
        ConnectorFactory factory;
        ConnectorDeps deps;
    };

    std::vector<PlatformInfo> catalogue_;
    std::map<std::string, Entry, std::less<>> connectors_;
};

}  // namespace scs
