#pragma once

#include <vector>

#include <boost/json/object.hpp>

#include "http/router.hpp"
#include "sandbox/kit/sandbox_platform.hpp"
#include "sandbox/woocommerce/site_registry.hpp"

// The WooCommerce sandbox's HTTP surface on the shared sandbox router: the sites' REST API
// (/woocommerce/{site}/wp-json/…), the key exchange (/woocommerce/{site}/wc-auth/v1/authorize)
// and a site's own /_sandbox control routes. Handlers keep no state of their own; the
// registry must outlive the router.
namespace scs::sandbox::woocommerce {

// wp-json paths of any depth up to 8 segments go to one dispatcher, which answers WordPress's
// rest_no_route itself; plus the key-exchange route.
void AddRestRoutes(Router& router, SiteRegistry& sites);
void AddKeyExchangeRoute(Router& router, SiteRegistry& sites);

// The control routes a site serves beyond the uniform ones, and their handler.
std::vector<ControlRoute> SiteControlRoutes();
HttpResponse HandleSiteControl(SiteRegistry& sites, WooSite& site, const HttpRequest& request);

}  // namespace scs::sandbox::woocommerce
