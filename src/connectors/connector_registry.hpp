#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "core/platform.hpp"

namespace scs {

// What a connector factory receives: the platform's own settings. Grows with the shared
// services connectors need (HTTP client, clock, metrics, rate budgets).
struct ConnectorDeps {
    std::string base_url;     // empty: the platform's production host
    std::string api_version;  // empty: the connector's pinned version
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
