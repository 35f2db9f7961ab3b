#include "connectors/connector_registry.hpp"

#include <utility>

namespace scs {

ConnectorRegistry::ConnectorRegistry(std::vector<PlatformInfo> catalogue,
                                     std::set<std::string, std::less<>> disabled)
    : catalogue_(std::move(catalogue)), disabled_(std::move(disabled)) {}

void ConnectorRegistry::Add(const PlatformModule& module, ConnectorDeps deps) {
    // Built from the entry in the map, whose node never moves: what a factory borrows from the
    // deps stays valid as long as the registry.
    auto& entry =
        modules_.insert_or_assign(module.tag, Entry{module, std::move(deps), nullptr, nullptr})
            .first->second;
    if (module.webhooks) {
        entry.webhooks = module.webhooks(entry.deps);
    }
    if (module.install) {
        entry.install = module.install(entry.deps);
    }
}

void ConnectorRegistry::Add(const std::string& tag, ConnectorFactory factory, ConnectorDeps deps) {
    PlatformModule module;
    module.tag = tag;
    module.connector = std::move(factory);
    Add(module, std::move(deps));
}

const PlatformInfo* ConnectorRegistry::Find(std::string_view tag) const {
    for (const auto& platform : catalogue_) {
        if (platform.tag == tag) {
            return &platform;
        }
    }
    return nullptr;
}

bool ConnectorRegistry::Enabled(std::string_view tag) const {
    return disabled_.find(tag) == disabled_.end();
}

const ConnectorRegistry::Entry* ConnectorRegistry::EntryOf(std::string_view tag) const {
    if (!Enabled(tag)) {
        return nullptr;
    }
    const auto it = modules_.find(tag);
    return it == modules_.end() ? nullptr : &it->second;
}

bool ConnectorRegistry::HasConnector(std::string_view tag) const {
    return EntryOf(tag) != nullptr;
}

Result<ConnectorPtr> ConnectorRegistry::Make(std::string_view tag) const {
    const PlatformInfo* platform = Find(tag);
    if (platform == nullptr) {
        return Fail(ErrorCode::kNotFound, "unknown sales channel '" + std::string(tag) + "'");
    }
    if (!Enabled(tag)) {
        return Fail(ErrorCode::kNotImplemented,
                    platform->name + " is switched off on this service (features." + platform->tag +
                        ".enabled)");
    }
    const Entry* entry = EntryOf(tag);
    if (entry == nullptr) {
        return Fail(ErrorCode::kNotImplemented,
                    "connecting to " + platform->name +
                        " is not available yet: its connector has not been built");
    }
    return entry->module.connector(entry->deps);
}

const PlatformWebhooks* ConnectorRegistry::Webhooks(std::string_view tag) const {
    const Entry* entry = EntryOf(tag);
    return entry == nullptr ? nullptr : entry->webhooks.get();
}

const InstallFlow* ConnectorRegistry::Install(std::string_view tag) const {
    const Entry* entry = EntryOf(tag);
    return entry == nullptr ? nullptr : entry->install.get();
}

Result<std::string> ConnectorRegistry::StoreIdShape(const PlatformInfo& platform,
                                                    const std::string& store_id) const {
    if (store_id.empty()) {
        return FailField("store_id", "store_id: required (the " + platform.store_id_field + ")");
    }
    const auto it = modules_.find(platform.tag);
    if (it == modules_.end() || !it->second.module.store_id) {
        return GenericStoreId(platform, store_id);
    }
    return it->second.module.store_id(store_id, it->second.deps.identity);
}

Result<std::string> ConnectorRegistry::NormalizeStoreId(const PlatformInfo& platform,
                                                        const std::string& store_id) const {
    auto normalized = StoreIdShape(platform, store_id);
    if (!normalized) {
        return normalized;
    }
    const auto it = modules_.find(platform.tag);
    if (it != modules_.end() && it->second.module.store_id_is_site_url) {
        if (auto reachable = CheckPublicSiteHost(*normalized, it->second.deps.identity);
            !reachable) {
            return tl::unexpected(std::move(reachable.error()));
        }
    }
    return normalized;
}

}  // namespace scs
