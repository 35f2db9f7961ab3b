#pragma once

#include "http/router.hpp"
#include "sandbox/shopify/store_registry.hpp"

// Shopify's own Admin API paths under /shopify/{shop}/admin/...: the GraphQL endpoint
// (graphql_api.cpp) and the OAuth grant screen and token endpoint (oauth_api.cpp). Handlers keep
// no state of their own; the registry must outlive the router.
namespace scs::sandbox {

void AddGraphqlRoutes(Router& router, StoreRegistry& stores);
void AddOAuthRoutes(Router& router, StoreRegistry& stores);

}  // namespace scs::sandbox
