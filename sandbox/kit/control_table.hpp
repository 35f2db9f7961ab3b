#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/router.hpp"
#include "sandbox/kit/sandbox_platform.hpp"

// A platform's own per-store control routes, keyed "METHOD /path" with the path relative to
// /_sandbox/stores/{id} ("GET /orders/{order_id}"). Built once; read-only, so thread-safe.
namespace scs::sandbox {

inline constexpr std::string_view kStoreControlPrefix = "/_sandbox/stores/{id}";

template <class Handler>
class ControlTable {
public:
    ControlTable(std::initializer_list<std::pair<const std::string, Handler>> entries)
        : handlers_(entries) {}

    std::vector<ControlRoute> Routes() const {
        std::vector<ControlRoute> routes;
        for (const auto& [key, handler] : handlers_) {
            const auto space = key.find(' ');
            routes.push_back(ControlRoute{key.substr(0, space), key.substr(space + 1)});
        }
        return routes;
    }

    // The handler of the route `request` matched; nullptr when the table has none.
    const Handler* Find(const HttpRequest& request) const {
        const std::string_view route = request.route;
        if (route.substr(0, kStoreControlPrefix.size()) != kStoreControlPrefix) {
            return nullptr;
        }
        const auto found = handlers_.find(request.method + " " +
                                          std::string(route.substr(kStoreControlPrefix.size())));
        return found == handlers_.end() ? nullptr : &found->second;
    }

private:
    std::map<std::string, Handler> handlers_;
};

}  // namespace scs::sandbox
