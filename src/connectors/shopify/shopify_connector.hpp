#pragma once

#include "connectors/connector.hpp"
#include "connectors/connector_registry.hpp"

namespace scs {

// The pinned GraphQL Admin API version, used when ConnectorDeps::api_version is empty.
inline constexpr std::string_view kShopifyApiVersion = "2025-10";

// The Shopify connector on the GraphQL Admin API (see README.md: versioning, OAuth and token
// refresh, the shared cost budget, paging). Reads from `deps`: base_url ("{shop}" template),
// api_version, settings (client_id, client_secret, scopes, bucket_size, restore_rate,
// max_wait_ms), http, state, clock and sleep. The pointers in deps must outlive the connector.
ConnectorPtr MakeShopifyConnector(const ConnectorDeps& deps);

}  // namespace scs
