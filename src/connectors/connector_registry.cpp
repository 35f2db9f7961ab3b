#include "connectors/connector_registry.hpp"

#include <utility>

namespace scs {

ConnectorRegistry::ConnectorRegistry(std::vector<PlatformInfo> catalogue)
    : catalogue_(std::move(catalogue)) {}

void ConnectorRegistry::Add(const std::string& tag, ConnectorFactory factory, ConnectorDeps deps) {
    connectors_[tag] = Entry{std::move(factory), std::move(deps)};
}

const PlatformInfo* ConnectorRegistry::Find(std::string_view tag) const {
    for (const auto& platform : catalogue_) {
        if (platform.tag == tag) {
            return &platform;
        }
    }
    return nullptr;
}

bool ConnectorRegistry::HasConnector(std::string_view tag) const {
    return connectors_.find(tag) != connectors_.end();
}

Result<ConnectorPtr> ConnectorRegistry::Make(std::string_view tag) const {
    const PlatformInfo* platform = Find(tag);
    if (platform == nullptr) {
        return Fail(ErrorCode::kNotFound, "unknown sales channel '" + std::string(tag) + "'");
    }
    const auto it = connectors_.find(tag);
    if (it == connectors_.end()) {
        return Fail(ErrorCode::kNotImplemented,
                    "connecting to " + platform->name +
                        " is not available yet: its connector has not been built");
    }
    return it->second.factory(it->second.deps);
}

}  // namespace scs
