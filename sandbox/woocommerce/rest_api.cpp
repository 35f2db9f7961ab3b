// The wp-json dispatcher: host faults, WooCommerce authentication, route matching, the route's
// permission check, then the handler.
#include "sandbox/woocommerce/rest_api.hpp"

#include <thread>

#include <boost/json/parse.hpp>

#include "sandbox/woocommerce/rest_routes.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

constexpr size_t kMaxRestDepth = 8;

const std::vector<RestRoute>& AllRoutes() {
    static const std::vector<RestRoute> kRoutes = [] {
        std::vector<RestRoute> routes;
        for (auto group : {OrderRoutes(), OrderExtraRoutes(), ProductRoutes(), WebhookRoutes()}) {
            for (auto& route : group) {
                routes.push_back(std::move(route));
            }
        }
        return routes;
    }();
    return kRoutes;
}

std::vector<std::string> Segments(std::string_view path) {
    std::vector<std::string> segments;
    while (!path.empty()) {
        const size_t slash = path.find('/');
        if (slash != 0) {
            segments.emplace_back(path.substr(0, slash));
        }
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    }
    return segments;
}

// WordPress route regexes: ids are digits; a tracking id is a word.
bool ParamMatches(const std::string& name, const std::string& value) {
    if (name == "tracking_id") {
        return !value.empty();
    }
    return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
}

// Literal segments per position, to prefer "/orders/batch" over "/orders/{id}".
std::optional<std::vector<bool>> MatchRoute(const RestRoute& route,
                                            const std::vector<std::string>& path,
                                            std::map<std::string, std::string>& params) {
    const auto pattern = Segments(route.pattern);
    if (pattern.size() != path.size()) {
        return std::nullopt;
    }
    std::vector<bool> literal;
    std::map<std::string, std::string> found;
    for (size_t i = 0; i < path.size(); ++i) {
        const bool is_param = pattern[i].front() == '{';
        const std::string name = is_param ? pattern[i].substr(1, pattern[i].size() - 2) : "";
        if (is_param ? !ParamMatches(name, path[i]) : pattern[i] != path[i]) {
            return std::nullopt;
        }
        if (is_param) {
            found[name] = path[i];
        }
        literal.push_back(!is_param);
    }
    params = std::move(found);
    return literal;
}

struct Matched {
    const RestRoute* route = nullptr;
    std::vector<std::string> methods;  // every method some route serves the path with
};

Matched FindRoute(const std::vector<std::string>& path,
                  const std::string& method,
                  bool shipment_tracking,
                  std::map<std::string, std::string>& params) {
    Matched matched;
    std::vector<bool> best;
    const std::string wanted = method == "HEAD" ? "GET" : method;
    for (const auto& route : AllRoutes()) {
        std::map<std::string, std::string> candidate_params;
        auto literal = MatchRoute(route, path, candidate_params);
        if (!literal || (route.shipment_tracking && !shipment_tracking)) {
            continue;
        }
        matched.methods.push_back(route.method);
        if (route.method == wanted && (matched.route == nullptr || *literal > best)) {
            matched.route = &route;
            best = *literal;
            params = std::move(candidate_params);
        }
    }
    return matched;
}

WpError PermissionError(Access access) {
    switch (access) {
        case Access::kList:
            return {
                401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", {}, {}};
        case Access::kView:
            return {401,
                    "woocommerce_rest_cannot_view",
                    "Sorry, you cannot view this resource.",
                    {},
                    {}};
        case Access::kCreate:
            return {401,
                    "woocommerce_rest_cannot_create",
                    "Sorry, you are not allowed to create resources.",
                    {},
                    {}};
        case Access::kEdit:
            return {401,
                    "woocommerce_rest_cannot_edit",
                    "Sorry, you are not allowed to edit this resource.",
                    {},
                    {}};
        case Access::kDelete:
            return {401,
                    "woocommerce_rest_cannot_delete",
                    "Sorry, you are not allowed to delete this resource.",
                    {},
                    {}};
        case Access::kBatch:
            return {401,
                    "woocommerce_rest_cannot_batch",
                    "Sorry, you are not allowed to batch manipulate this resource.",
                    {},
                    {}};
    }
    return {401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", {}, {}};
}

HttpResponse FaultResponse(const FaultPlan& plan) {
    static const std::map<int, std::pair<std::string, std::string>> kFaults = {
        {429, {"Too Many Requests", "too_many_requests"}},
        {503, {"Service Unavailable", "service_unavailable"}},
        {500, {"Internal Server Error", "internal_server_error"}}};
    const auto& [reason, code] = kFaults.at(plan.status);
    HttpResponse response;
    response.status = plan.status;
    if (plan.html) {
        // What a host's WAF or PHP's fatal error handler sends instead of JSON.
        response.content_type = "text/html; charset=UTF-8";
        response.body = "<html>\r\n<head><title>" + std::to_string(plan.status) + " " + reason +
                        "</title></head>\r\n<body>\r\n<center><h1>" + std::to_string(plan.status) +
                        " " + reason +
                        "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    } else {
        const std::string message =
            plan.status == 500 ? "<p>There has been a critical error on this website.</p>" : reason;
        response = WpErrorResponse(WpError{plan.status, code, message, {}, {}});
    }
    if (plan.retry_after >= 0) {
        response.headers.emplace_back("Retry-After", std::to_string(plan.retry_after));
    }
    return response;
}

// WordPress answers OPTIONS with the route's description and an Allow header.
HttpResponse Options(const std::string& rest_path, const std::vector<std::string>& methods) {
    std::string allow;
    json::array listed;
    for (const auto& method : methods) {
        allow += allow.empty() ? method : ", " + method;
        listed.emplace_back(method);
    }
    const auto segments = Segments(rest_path);
    const std::string ns = segments.size() >= 2 ? segments[0] + "/" + segments[1] : "";
    HttpResponse response = WpJson(200, json::object{{"namespace", ns}, {"methods", listed}});
    response.headers.emplace_back("Allow", allow);
    return response;
}

bool IsFormBody(const HttpRequest& request) {
    const auto type = request.Header("Content-Type");
    return type && type->find("application/x-www-form-urlencoded") != std::string_view::npos;
}

// The request as the handlers see it; a WordPress error for an unreadable JSON body.
WpResult<RestRequest> BuildRestRequest(const HttpRequest& http, PhpParams& form) {
    RestRequest request;
    request.method = http.method;
    const size_t question = http.target.find('?');
    request.raw_path = http.target.substr(0, question);
    request.raw_query = question == std::string::npos ? "" : http.target.substr(question + 1);
    ParsePhpQuery(request.raw_query, request.query);
    if (IsFormBody(http)) {
        ParsePhpQuery(http.body, form);
        for (const auto& [name, value] : form) {
            request.body[name] =
                value.is_array ? json::value(json::array{}) : json::value(value.scalar);
        }
        return request;
    }
    if (http.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        return request;
    }
    boost::system::error_code error;
    json::value body = json::parse(http.body, error);
    if (error || !body.is_object()) {
        return WpFail(400, "rest_invalid_json", "Invalid JSON body passed.");
    }
    request.body = std::move(body.get_object());
    return request;
}

std::string SigningUrl(const SiteRegistry& sites, const WooSite& site, const RestRequest& request) {
    std::string base = sites.BaseAddress();
    if (site.Spec().ssl && base.rfind("http://", 0) == 0) {
        base = "https://" + base.substr(7);
    }
    return base + request.raw_path;
}

// Authenticates and authorizes, then runs the matched route.
HttpResponse Serve(SiteRegistry& sites,
                   WooSite& site,
                   HttpRequest& http,
                   const FaultPlan& plan,
                   std::string& label) {
    PhpParams form;
    auto request = BuildRestRequest(http, form);
    if (!request) {
        return WpErrorResponse(request.error());
    }
    const std::string prefix = "/woocommerce/" + site.Spec().site + "/wp-json";
    const std::string rest_path = http.path.substr(prefix.size());
    const Matched matched =
        FindRoute(Segments(rest_path), http.method, site.Spec().shipment_tracking, request->path);
    if (matched.route != nullptr) {
        label = http.method + " " + matched.route->pattern;  // counted even when auth fails
    }
    AuthInput auth{http.method,
                   SigningUrl(sites, site, *request),
                   request->query,
                   form,
                   std::nullopt,
                   site.Spec().ssl};
    if (const auto header = http.Header("Authorization"); header && !plan.strip_authorization) {
        auth.authorization = std::string(*header);
    }
    const TimePoint now = sites.Now();
    auto user = site.Authenticate(auth, now);
    if (!user) {
        return WpErrorResponse(user.error());
    }
    if (*user) {
        if (auto denied = CheckKeyPermissions(**user, http.method)) {
            return WpErrorResponse(*denied);
        }
    }
    if (matched.route == nullptr && http.method == "OPTIONS" && !matched.methods.empty()) {
        return Options(rest_path, matched.methods);
    }
    if (matched.route == nullptr) {
        return WpErrorResponse(NoRoute());
    }
    request->route = matched.route->pattern;
    if (!*user) {
        return WpErrorResponse(PermissionError(matched.route->access));
    }
    RestContext context{site, *request, now};
    HttpResponse response = matched.route->handler(context);
    if (plan.malformed_json && matched.route->access == Access::kList && response.status == 200) {
        response.body.resize(response.body.size() / 2);
    }
    return response;
}

HttpResponse HandleRest(SiteRegistry& sites, HttpRequest& http) {
    const std::string& name = http.path_params.at("site");
    auto site = sites.BySite(name);
    if (!site) {
        return ErrorResponse(ErrorCode::kNotFound, "no WooCommerce sandbox site " + name);
    }
    const FaultPlan plan = site->DrawFault();
    if (plan.latency_ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(plan.latency_ms));
    }
    std::string label = http.method + " (no route)";
    HttpResponse response =
        plan.status != 0 ? FaultResponse(plan) : Serve(sites, *site, http, plan, label);
    site->CountRequest(plan.status != 0 ? http.method + " (host fault)" : label, response.status);
    return response;
}

}  // namespace

void AddRestRoutes(Router& router, SiteRegistry& sites) {
    std::string pattern = "/woocommerce/{site}/wp-json";
    for (size_t depth = 1; depth <= kMaxRestDepth; ++depth) {
        pattern += "/{s" + std::to_string(depth) + "}";
        for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            router.Add(method, pattern, [&sites](HttpRequest& request) {
                return HandleRest(sites, request);
            });
        }
    }
}

}  // namespace scs::sandbox::woocommerce
