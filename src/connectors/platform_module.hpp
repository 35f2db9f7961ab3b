#pragma once

#include <functional>
#include <memory>
#include <string>

#include "connectors/connector.hpp"
#include "connectors/install_flow.hpp"
#include "connectors/platform_webhooks.hpp"
#include "connectors/store_identity.hpp"

namespace scs {

struct ConnectorDeps;

// Everything the service knows of one platform, as its folder hands it to the registry
// (connectors/builtin.cpp lists them). Only `tag` and `connector` are required; a platform
// without webhooks or an install flow leaves those empty, and its routes answer 404.
struct PlatformModule {
    std::string tag;  // the catalogue's tag
    std::function<ConnectorPtr(const ConnectorDeps&)> connector;
    std::function<std::unique_ptr<PlatformWebhooks>(const ConnectorDeps&)> webhooks;
    std::function<std::unique_ptr<InstallFlow>(const ConnectorDeps&)> install;
    // Validates and normalises a store id the seller typed (errors name "store_id"); empty: the
    // catalogue's letters-and-digits rule (GenericStoreId).
    std::function<Result<std::string>(const std::string&, const StoreIdentityRules&)> store_id;
    // The store id is a site URL the seller typed: its host must resolve to public addresses.
    bool store_id_is_site_url = false;
};

}  // namespace scs
