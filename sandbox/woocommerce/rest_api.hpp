#pragma once

#include <optional>

#include <boost/json/object.hpp>

#include "http/router.hpp"
#include "sandbox/woocommerce/site_registry.hpp"

// The WooCommerce sandbox's HTTP surface on the shared sandbox router: the sites' REST API
// (/woocommerce/{site}/wp-json/…), the key exchange (/woocommerce/{site}/wc-auth/v1/authorize)
// and the site side of the /_sandbox control API. Handlers keep no state of their own; the
// registry must outlive the router.
namespace scs::sandbox::woocommerce {

// wp-json paths of any depth up to 8 segments go to one dispatcher, which answers WordPress's
// rest_no_route itself; plus the key-exchange route.
void AddRestRoutes(Router& router, SiteRegistry& sites);
void AddKeyExchangeRoute(Router& router, SiteRegistry& sites);

// Control routes only WooCommerce sites have (PATCH /_sandbox/stores/{id}/orders/{order_id}).
void AddControlRoutes(Router& router, SiteRegistry& sites);

// Answers a /_sandbox/stores/{id}/… request when {id} is a WooCommerce site, by the matched
// route pattern; nullopt when it is not one (the Shopify handlers answer then).
std::optional<HttpResponse> HandleControl(SiteRegistry& sites, HttpRequest& request);

// POST /_sandbox/stores for "platform":"woocommerce": 201 {"id","platform","site","base_url",
// "consumer_key","consumer_secret"}.
HttpResponse CreateSite(SiteRegistry& sites,
                        const std::string& id,
                        const boost::json::object& body);

bool IsWooCommerceSpec(const boost::json::object& body);

}  // namespace scs::sandbox::woocommerce
