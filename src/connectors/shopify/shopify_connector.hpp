#pragma once

#include "connectors/connector.hpp"
#include "connectors/connector_registry.hpp"

namespace scs {

// The pinned GraphQL Admin API version, used when ConnectorDeps::api_version is empty. 2026-10:
// 2025-10 left Shopify's 12-month support window, and the stock push relies on 2026-04+
// (changeFromQuantity, @idempotent) and 2026-10 (a missing level is created).
inline constexpr std::string_view kShopifyApiVersion = "2026-10";

// The Shopify connector on the GraphQL Admin API (see README.md: versioning, OAuth and token
// refresh, the shared cost budget, paging). Reads from `deps`: base_url ("{shop}" template),
// api_version, settings (client_id, client_secret, scopes, bucket_size, restore_rate,
// max_wait_ms, request_timeout_ms: one HTTP call, default 30000), http, state, clock and sleep.
// The pointers in deps must outlive the connector.
ConnectorPtr MakeShopifyConnector(const ConnectorDeps& deps);

}  // namespace scs
