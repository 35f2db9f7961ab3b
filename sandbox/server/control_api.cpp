#include <optional>
#include <set>
#include <utility>

#include "http/response.hpp"
#include "sandbox/kit/control_table.hpp"
#include "sandbox/kit/spec_reader.hpp"
#include "sandbox/server/sandbox_routes.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

// Runs `handle` with the platform holding the store named by the {id} path parameter; 404 when
// no platform does.
template <class Handle>
Handler WithStore(const PlatformRegistry& platforms, Handle handle) {
    return [&platforms, handle](HttpRequest& request) {
        const std::string& id = request.path_params.at("id");
        SandboxPlatform* platform = platforms.OwnerOf(id);
        if (platform == nullptr) {
            return ErrorResponse(ErrorCode::kNotFound, "no sandbox store " + id);
        }
        return handle(*platform, id, request);
    };
}

HttpResponse CreateStore(const PlatformRegistry& platforms, const HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto platform = platforms.ForSpec(*body);
    if (!platform) {
        return ErrorResponse(platform.error());
    }
    auto created = (*platform)->CreateStore(*body);
    return created ? JsonResponse(201, created->answer) : ErrorResponse(created.error());
}

// Every store, platform by platform: its description plus the credentials a connection needs.
HttpResponse ListStores(const PlatformRegistry& platforms) {
    json::array list;
    for (const auto& platform : platforms.All()) {
        for (auto& connection : platform->Connections()) {
            json::object entry = platform->Describe(connection.id);
            entry["credentials"] = std::move(connection.credentials);
            entry["store_id"] = connection.store_id;
            entry["service"] = std::move(connection.service);
            list.push_back(std::move(entry));
        }
    }
    return JsonResponse(200, json::object{{"stores", std::move(list)}});
}

json::object ConnectionJson(StoreConnection connection) {
    return json::object{{"id", std::move(connection.id)},
                        {"platform", std::move(connection.platform)},
                        {"name", std::move(connection.name)},
                        {"base_url", std::move(connection.base_url)},
                        {"store_id", std::move(connection.store_id)},
                        {"credentials", std::move(connection.credentials)},
                        {"service", std::move(connection.service)}};
}

// The platform's demo store: created, or found when an earlier call created it.
Result<json::object> DemoOf(SandboxPlatform& platform) {
    DemoStore demo = platform.Demo();
    auto created = platform.CreateStore(demo.spec);
    std::optional<StoreConnection> connection;
    if (created) {
        connection = std::move(created->connection);
    } else if (created.error().code == ErrorCode::kConflict) {
        for (auto& existing : platform.Connections()) {
            if (existing.name == demo.name) {
                connection = std::move(existing);
            }
        }
    }
    if (!connection) {
        return created ? Fail(ErrorCode::kInternal, "demo store not found")
                       : tl::unexpected(created.error());
    }
    json::object entry = ConnectionJson(std::move(*connection));
    entry["label"] = demo.label;
    entry["settings"] = std::move(demo.settings);
    return entry;
}

// POST /_sandbox/demo: every platform's demo store (idempotent).
HttpResponse CreateDemo(const PlatformRegistry& platforms) {
    json::array stores;
    for (const auto& platform : platforms.All()) {
        auto entry = DemoOf(*platform);
        if (!entry) {
            return ErrorResponse(entry.error());
        }
        stores.push_back(std::move(*entry));
    }
    return JsonResponse(201, json::object{{"stores", std::move(stores)}});
}

HttpResponse AddOrders(SandboxPlatform& platform,
                       const std::string& id,
                       const HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto orders = platform.AddOrders(id, *body);
    return orders ? JsonResponse(201, json::object{{"orders", std::move(*orders)}})
                  : ErrorResponse(orders.error());
}

HttpResponse PatchKnobs(SandboxPlatform& platform,
                        const std::string& id,
                        const HttpRequest& request) {
    auto body = ParseBodyObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto knobs = platform.PatchKnobs(id, *body);
    return knobs ? JsonResponse(200, json::object{{"knobs", std::move(*knobs)}})
                 : ErrorResponse(knobs.error());
}

bool Serves(const SandboxPlatform& platform, const ControlRoute& route) {
    const auto routes = platform.ControlRoutes();
    return std::find(routes.begin(), routes.end(), route) != routes.end();
}

// A platform's own per-store route: the store's platform answers it when it serves it.
Handler PlatformControlHandler(const PlatformRegistry& platforms, const ControlRoute& route) {
    return WithStore(
        platforms, [route](SandboxPlatform& owner, const std::string& id, HttpRequest& request) {
            if (!Serves(owner, route)) {
                return ErrorResponse(ErrorCode::kNotFound,
                                     std::string(owner.Tag()) + " sandbox stores do not serve " +
                                         request.method + " " + request.route);
            }
            return owner.HandleControl(id, request);
        });
}

// The platforms' own per-store routes, each pattern added once; a store whose platform does not
// serve the route answers 404.
void AddPlatformControlRoutes(Router& router, const PlatformRegistry& platforms) {
    std::set<std::pair<std::string, std::string>> added;
    for (const auto& platform : platforms.All()) {
        for (const auto& route : platform->ControlRoutes()) {
            if (added.insert({route.method, route.path}).second) {
                router.Add(route.method,
                           std::string(kStoreControlPrefix) + route.path,
                           PlatformControlHandler(platforms, route));
            }
        }
    }
}

}  // namespace

void AddControlRoutes(Router& router, const PlatformRegistry& platforms) {
    router.Add("POST", "/_sandbox/stores", [&platforms](HttpRequest& request) {
        return CreateStore(platforms, request);
    });
    router.Add(
        "GET", "/_sandbox/stores", [&platforms](HttpRequest&) { return ListStores(platforms); });
    router.Add(
        "POST", "/_sandbox/demo", [&platforms](HttpRequest&) { return CreateDemo(platforms); });
    router.Add(
        "GET",
        "/_sandbox/stores/{id}",
        WithStore(platforms, [](SandboxPlatform& platform, const std::string& id, HttpRequest&) {
            return JsonResponse(200, platform.Describe(id));
        }));
    router.Add(
        "POST",
        "/_sandbox/stores/{id}/orders",
        WithStore(platforms,
                  [](SandboxPlatform& platform, const std::string& id, HttpRequest& request) {
                      return AddOrders(platform, id, request);
                  }));
    router.Add(
        "PATCH",
        "/_sandbox/stores/{id}/knobs",
        WithStore(platforms,
                  [](SandboxPlatform& platform, const std::string& id, HttpRequest& request) {
                      return PatchKnobs(platform, id, request);
                  }));
    AddPlatformControlRoutes(router, platforms);
}

}  // namespace scs::sandbox
