#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/response.hpp"
#include "sandbox/woocommerce/api_support.hpp"

// The REST routes of a site, resource by resource, as one explicit table per file (orders,
// notes/refunds/tracking, products, webhooks). Patterns are relative to /wp-json and use {name}
// segments; the dispatcher (rest_api.cpp) authenticates and matches them.
namespace scs::sandbox::woocommerce {

// What the route's own permission check calls the action, for the 401 an unauthenticated
// request gets (woocommerce_rest_cannot_view, _create, _edit, _delete, _batch).
enum class Access { kList, kView, kCreate, kEdit, kDelete, kBatch };

struct RestRoute {
    std::string method;
    std::string pattern;  // "/wc/v3/orders/{id}"
    Access access = Access::kView;
    std::function<HttpResponse(RestContext&)> handler;
    bool shipment_tracking = false;  // served only when the extension is on for the site
};

std::vector<RestRoute> OrderRoutes();
std::vector<RestRoute> OrderExtraRoutes();
std::vector<RestRoute> ProductRoutes();
std::vector<RestRoute> WebhookRoutes();

}  // namespace scs::sandbox::woocommerce
