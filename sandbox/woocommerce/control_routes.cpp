// The /_sandbox control API for WooCommerce sites.
#include <boost/json/parse.hpp>

#include "sandbox/woocommerce/rest_api.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

Result<json::object> BodyObject(std::string_view body) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return json::object{};
    }
    boost::system::error_code error;
    json::value value = json::parse(body, error);
    if (error || !value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "the body must be a JSON object");
    }
    return std::move(value.get_object());
}

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

HttpResponse AddOrders(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    auto body = BodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto orders = site.AddOrders(*body, sites.Now());
    return orders ? JsonResponse(201, json::object{{"orders", std::move(*orders)}})
                  : ErrorResponse(orders.error());
}

HttpResponse PatchOrder(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    auto body = BodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    return Answer(site.PatchOrder(OrderIdOf(request), *body, sites.Now()), 200);
}

HttpResponse ShowOrder(WooSite& site, const HttpRequest& request) {
    auto order = site.ControlOrder(OrderIdOf(request));
    return order ? JsonResponse(200, *order)
                 : ErrorResponse(ErrorCode::kNotFound,
                                 "no order " + request.path_params.at("order_id"));
}

HttpResponse AddProduct(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    auto body = BodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    return Answer(site.AddProduct(*body, sites.Now()), 201);
}

HttpResponse PatchKnobs(WooSite& site, const HttpRequest& request) {
    auto body = BodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    if (auto applied = site.PatchKnobs(*body); !applied) {
        return ErrorResponse(applied.error());
    }
    return JsonResponse(200, json::object{{"knobs", SiteKnobsToJson(site.Knobs())}});
}

HttpResponse Dispatch(SiteRegistry& sites, WooSite& site, const HttpRequest& request) {
    const std::string key = request.method + " " + request.route;
    if (key == "GET /_sandbox/stores/{id}") {
        return JsonResponse(200, site.Describe());
    }
    if (key == "POST /_sandbox/stores/{id}/orders") {
        return AddOrders(sites, site, request);
    }
    if (key == "GET /_sandbox/stores/{id}/orders/{order_id}") {
        return ShowOrder(site, request);
    }
    if (key == "PATCH /_sandbox/stores/{id}/orders/{order_id}") {
        return PatchOrder(sites, site, request);
    }
    if (key == "POST /_sandbox/stores/{id}/products") {
        return AddProduct(sites, site, request);
    }
    if (key == "GET /_sandbox/stores/{id}/inventory") {
        return JsonResponse(200, site.Inventory());
    }
    if (key == "PATCH /_sandbox/stores/{id}/knobs") {
        return PatchKnobs(site, request);
    }
    if (key == "GET /_sandbox/stores/{id}/webhooks") {
        return JsonResponse(200, site.WebhooksJson());
    }
    if (key == "GET /_sandbox/stores/{id}/stats") {
        return JsonResponse(200, site.Stats());
    }
    return ErrorResponse(
        ErrorCode::kNotFound,
        "WooCommerce sandbox stores do not serve " + request.method + " " + request.route);
}

}  // namespace

std::optional<HttpResponse> HandleControl(SiteRegistry& sites, HttpRequest& request) {
    const auto id = request.path_params.find("id");
    if (id == request.path_params.end()) {
        return std::nullopt;
    }
    auto site = sites.ById(id->second);
    if (!site) {
        return std::nullopt;
    }
    return Dispatch(sites, *site, request);
}

void AddControlRoutes(Router& router, SiteRegistry& sites) {
    router.Add("PATCH", "/_sandbox/stores/{id}/orders/{order_id}", [&sites](HttpRequest& request) {
        auto answer = HandleControl(sites, request);
        return answer
                   ? *answer
                   : ErrorResponse(ErrorCode::kNotFound,
                                   "no WooCommerce sandbox store " + request.path_params.at("id"));
    });
}

bool IsWooCommerceSpec(const json::object& body) {
    const auto* platform = body.if_contains("platform");
    return platform != nullptr && platform->is_string() && platform->get_string() == "woocommerce";
}

HttpResponse CreateSite(SiteRegistry& sites, const std::string& id, const json::object& body) {
    auto site = sites.Create(id, body);
    if (!site) {
        return ErrorResponse(site.error());
    }
    const SiteSpec& spec = (*site)->Spec();
    return JsonResponse(201,
                        json::object{{"id", (*site)->Id()},
                                     {"platform", "woocommerce"},
                                     {"site", spec.site},
                                     {"base_url", (*site)->StoreUrl()},
                                     {"consumer_key", spec.consumer_key},
                                     {"consumer_secret", spec.consumer_secret}});
}

}  // namespace scs::sandbox::woocommerce
