#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "http/router.hpp"
#include "sandbox/shopify/store_registry.hpp"
#include "sandbox/woocommerce/site_registry.hpp"

// The control API tests and demos drive (/_sandbox/...). Handlers keep no state of their own; the
// registries must outlive the router. Control routes serve WooCommerce sites too (store ids are
// shared): an id the Shopify registry does not know goes to woocommerce::HandleControl. Each
// platform's own API routes are declared in its folder (shopify/shopify_routes.hpp,
// woocommerce/rest_api.hpp).
namespace scs::sandbox {

void AddControlRoutes(Router& router, StoreRegistry& stores, woocommerce::SiteRegistry& sites);
// The catalogue, stock and order-inspection routes of the control API (control_push_api.cpp).
void AddPushControlRoutes(Router& router, StoreRegistry& stores, woocommerce::SiteRegistry& sites);

// A request body that must be a JSON object; an empty body reads as {}.
[[nodiscard]] Result<boost::json::object> ParseBodyObject(std::string_view body);

}  // namespace scs::sandbox
