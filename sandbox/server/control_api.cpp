#include <boost/json/parse.hpp>

#include "http/response.hpp"
#include "sandbox/server/sandbox_routes.hpp"
#include "sandbox/woocommerce/rest_api.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

HttpResponse StoreNotFound(const std::string& id) {
    return ErrorResponse(ErrorCode::kNotFound, "no sandbox store " + id);
}

// Runs `handle` with the Shopify store named by the {id} path parameter; a WooCommerce site
// answers through its own control handlers; otherwise 404.
template <class Handle>
Handler WithStore(StoreRegistry& stores, woocommerce::SiteRegistry& sites, Handle handle) {
    return [&stores, &sites, handle](HttpRequest& request) {
        const std::string& id = request.path_params.at("id");
        auto store = stores.ById(id);
        if (store) {
            return handle(request, *store);
        }
        auto site_answer = woocommerce::HandleControl(sites, request);
        return site_answer ? *site_answer : StoreNotFound(id);
    };
}

HttpResponse CreateStore(StoreRegistry& stores,
                         woocommerce::SiteRegistry& sites,
                         const HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    if (woocommerce::IsWooCommerceSpec(*body)) {
        return woocommerce::CreateSite(sites, stores.NextId(), *body);
    }
    auto store = stores.Create(*body);
    if (!store) {
        return ErrorResponse(store.error());
    }
    return JsonResponse(201,
                        json::object{{"id", (*store)->Id()},
                                     {"platform", (*store)->Spec().platform},
                                     {"shop", (*store)->Spec().shop},
                                     {"base_url", stores.BaseUrlOf(**store)}});
}

HttpResponse AddOrders(StoreRegistry& stores, const HttpRequest& request, SandboxStore& store) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto orders = store.AddOrders(*body, stores.Now());
    if (!orders) {
        return ErrorResponse(orders.error());
    }
    return JsonResponse(201, json::object{{"orders", std::move(*orders)}});
}

HttpResponse PatchKnobs(const HttpRequest& request, SandboxStore& store) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    if (auto applied = store.PatchKnobs(*body); !applied) {
        return ErrorResponse(applied.error());
    }
    return JsonResponse(200, json::object{{"knobs", KnobsToJson(store.Knobs())}});
}

HttpResponse ListStores(StoreRegistry& stores, woocommerce::SiteRegistry& sites) {
    json::array list;
    for (const auto& store : stores.All()) {
        list.push_back(store->Describe(stores.BaseUrlOf(*store)));
    }
    for (const auto& site : sites.All()) {
        list.push_back(site->Describe());
    }
    return JsonResponse(200, json::object{{"stores", std::move(list)}});
}

}  // namespace

Result<json::object> ParseBodyObject(std::string_view body) {
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

void AddControlRoutes(Router& router, StoreRegistry& stores, woocommerce::SiteRegistry& sites) {
    router.Add("POST", "/_sandbox/stores", [&stores, &sites](HttpRequest& request) {
        return CreateStore(stores, sites, request);
    });
    router.Add("GET", "/_sandbox/stores", [&stores, &sites](HttpRequest&) {
        return ListStores(stores, sites);
    });
    router.Add("GET",
               "/_sandbox/stores/{id}",
               WithStore(stores, sites, [&stores](HttpRequest&, SandboxStore& store) {
                   return JsonResponse(200, store.Describe(stores.BaseUrlOf(store)));
               }));
    router.Add("POST",
               "/_sandbox/stores/{id}/orders",
               WithStore(stores, sites, [&stores](HttpRequest& request, SandboxStore& store) {
                   return AddOrders(stores, request, store);
               }));
    router.Add("PATCH",
               "/_sandbox/stores/{id}/knobs",
               WithStore(stores, sites, [](HttpRequest& request, SandboxStore& store) {
                   return PatchKnobs(request, store);
               }));
    router.Add("GET",
               "/_sandbox/stores/{id}/webhooks",
               WithStore(stores, sites, [](HttpRequest&, SandboxStore& store) {
                   return JsonResponse(200, store.Webhooks());
               }));
    router.Add("GET",
               "/_sandbox/stores/{id}/stats",
               WithStore(stores, sites, [](HttpRequest&, SandboxStore& store) {
                   return JsonResponse(200, store.Stats());
               }));
    router.Add("POST",
               "/_sandbox/stores/{id}/tokens/expire",
               WithStore(stores, sites, [&stores](HttpRequest&, SandboxStore& store) {
                   store.ExpireAccessTokens(stores.Now());
                   return JsonResponse(200, json::object{{"expired", true}});
               }));
    AddPushControlRoutes(router, stores, sites);
    woocommerce::AddControlRoutes(router, sites);
}

}  // namespace scs::sandbox
