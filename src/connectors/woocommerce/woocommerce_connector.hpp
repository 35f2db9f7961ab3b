#pragma once

#include "connectors/connector.hpp"
#include "connectors/connector_registry.hpp"

namespace scs {

// The WooCommerce connector on the REST API wc/v3 (see README.md: auth, the shared request
// budget, paging by modification time, quirks). The store URL is Connection::store_id; the
// credentials consumer_key, consumer_secret and webhook_secret (made on first subscription).
// Reads from `deps`: settings https_auth (basic | query; default basic), restore_rate
// (requests per second per store, alias requests_per_second; default 5), bucket_size (burst;
// default the rate), max_wait_ms (waiting per call; default 30000), request_timeout_ms (one
// HTTP call; default 30000), allow_private_addresses
// ("true": stores on private or loopback addresses may be called; default false); http, state,
// clock and sleep. base_url and api_version are not used. The pointers in deps must outlive the
// connector.
ConnectorPtr MakeWooCommerceConnector(const ConnectorDeps& deps);

}  // namespace scs
