// The control API's catalogue, stock and order-inspection routes.
#include "http/response.hpp"
#include "sandbox/server/sandbox_routes.hpp"
#include "sandbox/woocommerce/rest_api.hpp"

namespace scs::sandbox {
namespace {

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
        return site_answer ? *site_answer
                           : ErrorResponse(ErrorCode::kNotFound, "no sandbox store " + id);
    };
}

HttpResponse AddProduct(StoreRegistry& stores, const HttpRequest& request, SandboxStore& store) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto created = store.AddProduct(*body, stores.Now());
    return created ? JsonResponse(201, *created) : ErrorResponse(created.error());
}

HttpResponse PatchInventory(StoreRegistry& stores,
                            const HttpRequest& request,
                            SandboxStore& store) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    if (auto patched = store.PatchInventory(*body, stores.Now()); !patched) {
        return ErrorResponse(patched.error());
    }
    return JsonResponse(200, store.InventoryJson());
}

HttpResponse ShowOrder(StoreRegistry& stores, const HttpRequest& request, SandboxStore& store) {
    store.SettleDueJobs(stores.Now());
    const std::string& order_id = request.path_params.at("order_id");
    auto order = store.ControlOrder(order_id);
    return order ? JsonResponse(200, *order)
                 : ErrorResponse(ErrorCode::kNotFound, "no order " + order_id);
}

}  // namespace

void AddPushControlRoutes(Router& router, StoreRegistry& stores, woocommerce::SiteRegistry& sites) {
    router.Add("POST",
               "/_sandbox/stores/{id}/products",
               WithStore(stores, sites, [&stores](HttpRequest& request, SandboxStore& store) {
                   return AddProduct(stores, request, store);
               }));
    router.Add("GET",
               "/_sandbox/stores/{id}/locations",
               WithStore(stores, sites, [](HttpRequest&, SandboxStore& store) {
                   return JsonResponse(200, store.LocationsJson());
               }));
    router.Add("GET",
               "/_sandbox/stores/{id}/inventory",
               WithStore(stores, sites, [](HttpRequest&, SandboxStore& store) {
                   return JsonResponse(200, store.InventoryJson());
               }));
    router.Add("PATCH",
               "/_sandbox/stores/{id}/inventory",
               WithStore(stores, sites, [&stores](HttpRequest& request, SandboxStore& store) {
                   return PatchInventory(stores, request, store);
               }));
    router.Add("GET",
               "/_sandbox/stores/{id}/orders/{order_id}",
               WithStore(stores, sites, [&stores](HttpRequest& request, SandboxStore& store) {
                   return ShowOrder(stores, request, store);
               }));
}

}  // namespace scs::sandbox
