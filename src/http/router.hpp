#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace scs {

using Handler = std::function<HttpResponse(HttpRequest&)>;

// Maps method + path to a handler. Patterns are literal segments and whole-segment parameters:
// "/api/v1/sellers/{seller_id}/sales_channels". When several patterns match a path, the one with
// a literal segment where the others have a parameter wins (compared left to right).
// Built once at start-up with Add, then read-only: Dispatch is thread-safe.
// The router matches on the decoded path, so an encoded slash (%2F) splits a segment.
class Router {
public:
    // Throws std::invalid_argument for a malformed pattern or a second route with the same
    // method and shape: both are wiring bugs that must stop start-up.
    void Add(std::string method, std::string pattern, Handler handler);

    // Fills path_params and route, then runs the handler. Unknown path -> 404 NOT_FOUND; path
    // known but not the method -> 405 METHOD_NOT_ALLOWED with an Allow header. HEAD runs the
    // GET handler when no HEAD route exists (the server drops the body). Handler exceptions
    // pass through; the server catches them.
    HttpResponse Dispatch(HttpRequest& request) const;

private:
    struct Segment {
        std::string text;  // the literal, or the parameter name
        bool is_param = false;
    };

    struct Route {
        std::string method;
        std::string pattern;
        std::vector<Segment> segments;
        Handler handler;
    };

    struct Match {
        const Route* exact = nullptr;     // same method
        const Route* for_head = nullptr;  // a GET route, used for HEAD
        const Route* any = nullptr;       // any method, for 405
        std::vector<std::string> allowed;
    };

    Match FindRoutes(const std::vector<std::string>& path, const std::string& method) const;

    std::vector<Route> routes_;
};

}  // namespace scs
