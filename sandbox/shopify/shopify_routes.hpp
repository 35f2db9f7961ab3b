#pragma once

#include <vector>

#include "http/router.hpp"
#include "sandbox/kit/sandbox_platform.hpp"
#include "sandbox/shopify/store_registry.hpp"

// The Shopify sandbox's HTTP surface: the Admin GraphQL endpoint at
// /shopify/{shop}/admin/api/{version}/graphql.json (graphql_api.cpp), the OAuth grant screen and
// token endpoint (oauth_api.cpp), and a store's own /_sandbox control routes (control_routes.cpp).
// Handlers keep no state of their own; the registry must outlive the router.
namespace scs::sandbox {

void AddGraphqlRoutes(Router& router, StoreRegistry& stores);
void AddOAuthRoutes(Router& router, StoreRegistry& stores);

// The control routes a Shopify store serves beyond the uniform ones, and their handler.
std::vector<ControlRoute> StoreControlRoutes();
HttpResponse HandleStoreControl(StoreRegistry& stores, SandboxStore& store, HttpRequest& request);

}  // namespace scs::sandbox
