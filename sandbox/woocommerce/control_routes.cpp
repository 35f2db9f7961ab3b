// A WooCommerce site's own /_sandbox control routes: order inspection and edits, catalogue,
// stock, webhooks log and stats. The uniform ones (create, list, describe, orders, knobs) are the
// server's, through woocommerce::Module.
#include <functional>

#include "sandbox/kit/control_table.hpp"
#include "sandbox/kit/spec_reader.hpp"
#include "sandbox/woocommerce/rest_api.hpp"

namespace scs::sandbox::woocommerce {
namespace {

using SiteHandler = std::function<HttpResponse(SiteRegistry&, WooSite&, const HttpRequest&)>;

int64_t OrderIdOf(const HttpRequest& request) {
    const auto found = request.path_params.find("order_id");
    if (found == request.path_params.end() || found->second.empty() ||
        found->second.find_first_not_of("0123456789") != std::string::npos ||
        found->second.size() > 18) {
        return 0;
    }
    return std::stoll(found->second);
}

template <class Value>
HttpResponse Answer(const Result<Value>& result, int status) {
    return result ? JsonResponse(status, *result) : ErrorResponse(result.error());
}

HttpResponse PatchOrder(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    return Answer(site.PatchOrder(OrderIdOf(request), *body, sites.Now()), 200);
}

HttpResponse ShowOrder(SiteRegistry& /*sites*/, WooSite& site, const HttpRequest& request) {
    auto order = site.ControlOrder(OrderIdOf(request));
    return order ? JsonResponse(200, *order)
                 : ErrorResponse(ErrorCode::kNotFound,
                                 "no order " + request.path_params.at("order_id"));
}

HttpResponse AddProduct(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    return Answer(site.AddProduct(*body, sites.Now()), 201);
}

// Keyed by "METHOD /path" under /_sandbox/stores/{id}.
const ControlTable<SiteHandler>& Handlers() {
    static const ControlTable<SiteHandler> kHandlers{
        {"GET /orders/{order_id}", ShowOrder},
        {"PATCH /orders/{order_id}", PatchOrder},
        {"POST /products", AddProduct},
        {"GET /inventory",
         [](SiteRegistry&, WooSite& site, const HttpRequest&) {
             return JsonResponse(200, site.Inventory());
         }},
        {"GET /webhooks",
         [](SiteRegistry&, WooSite& site, const HttpRequest&) {
             return JsonResponse(200, site.WebhooksJson());
         }},
        {"GET /stats", [](SiteRegistry&, WooSite& site, const HttpRequest&) {
             return JsonResponse(200, site.Stats());
         }}};
    return kHandlers;
}

}  // namespace

std::vector<ControlRoute> SiteControlRoutes() {
    return Handlers().Routes();
}

HttpResponse HandleSiteControl(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    const auto* handler = Handlers().Find(request);
    return handler != nullptr ? (*handler)(sites, site, request)
                              : ErrorResponse(ErrorCode::kNotFound,
                                              "WooCommerce sandbox stores do not serve " +
                                                  request.method + " " + request.route);
}

}  // namespace scs::sandbox::woocommerce
