// A Shopify store's own /_sandbox control routes: webhooks log, stats, token expiry, catalogue,
// stock and order inspection. The uniform ones (create, list, describe, orders, knobs) are the
// server's, through ShopifyModule.
#include <functional>

#include "http/response.hpp"
#include "sandbox/kit/control_table.hpp"
#include "sandbox/kit/spec_reader.hpp"
#include "sandbox/shopify/shopify_routes.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

using StoreHandler = std::function<HttpResponse(StoreRegistry&, SandboxStore&, HttpRequest&)>;

HttpResponse AddProduct(StoreRegistry& stores, SandboxStore& store, HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto created = store.AddProduct(*body, stores.Now());
    return created ? JsonResponse(201, *created) : ErrorResponse(created.error());
}

HttpResponse PatchInventory(StoreRegistry& stores, SandboxStore& store, HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    if (auto patched = store.PatchInventory(*body, stores.Now()); !patched) {
        return ErrorResponse(patched.error());
    }
    return JsonResponse(200, store.InventoryJson());
}

HttpResponse ShowOrder(StoreRegistry& stores, SandboxStore& store, HttpRequest& request) {
    store.SettleDueJobs(stores.Now());
    const std::string& order_id = request.path_params.at("order_id");
    auto order = store.ControlOrder(order_id);
    return order ? JsonResponse(200, *order)
                 : ErrorResponse(ErrorCode::kNotFound, "no order " + order_id);
}

HttpResponse ExpireTokens(StoreRegistry& stores, SandboxStore& store, HttpRequest& /*request*/) {
    store.ExpireAccessTokens(stores.Now());
    return JsonResponse(200, json::object{{"expired", true}});
}

// Keyed by "METHOD /path" under /_sandbox/stores/{id}.
const ControlTable<StoreHandler>& Handlers() {
    static const ControlTable<StoreHandler> kHandlers{
        {"GET /webhooks",
         [](StoreRegistry&, SandboxStore& store, HttpRequest&) {
             return JsonResponse(200, store.Webhooks());
         }},
        {"GET /stats",
         [](StoreRegistry&, SandboxStore& store, HttpRequest&) {
             return JsonResponse(200, store.Stats());
         }},
        {"POST /tokens/expire", ExpireTokens},
        {"POST /products", AddProduct},
        {"GET /locations",
         [](StoreRegistry&, SandboxStore& store, HttpRequest&) {
             return JsonResponse(200, store.LocationsJson());
         }},
        {"GET /inventory",
         [](StoreRegistry&, SandboxStore& store, HttpRequest&) {
             return JsonResponse(200, store.InventoryJson());
         }},
        {"PATCH /inventory", PatchInventory},
        {"GET /orders/{order_id}", ShowOrder}};
    return kHandlers;
}

}  // namespace

std::vector<ControlRoute> StoreControlRoutes() {
    return Handlers().Routes();
}

HttpResponse HandleStoreControl(StoreRegistry& stores, SandboxStore& store, HttpRequest& request) {
    const auto* handler = Handlers().Find(request);
    return handler != nullptr ? (*handler)(stores, store, request)
                              : ErrorResponse(ErrorCode::kNotFound,
                                              "Shopify sandbox stores do not serve " +
                                                  request.method + " " + request.route);
}

}  // namespace scs::sandbox
