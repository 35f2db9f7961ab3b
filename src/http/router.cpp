#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace scs {
namespace {

// "/a/b" -> {"a", "b"}; "/" -> {""}. Empty segments are kept, so "/a/" does not match "/a".
std::vector<std::string> SplitPath(std::string_view path) {
    std::vector<std::string> segments;
    if (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    size_t start = 0;
    while (true) {
        const size_t slash = path.find('/', start);
        segments.emplace_back(path.substr(start, slash - start));
        if (slash == std::string_view::npos) {
            return segments;
        }
        start = slash + 1;
    }
}

bool IsParamNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsParamSegment(std::string_view text) {
    if (text.size() < 3 || text.front() != '{' || text.back() != '}') {
        return false;
    }
    return std::all_of(text.begin() + 1, text.end() - 1, IsParamNameChar);
}

void RejectPattern(const std::string& pattern, const std::string& why) {
    throw std::invalid_argument("route pattern '" + pattern + "': " + why);
}

template <class Segment>
bool Matches(const std::vector<Segment>& route, const std::vector<std::string>& path) {
    if (route.size() != path.size()) {
        return false;
    }
    for (size_t i = 0; i < route.size(); ++i) {
        const bool ok = route[i].is_param ? !path[i].empty() : route[i].text == path[i];
        if (!ok) {
            return false;
        }
    }
    return true;
}

// Negative when a is less specific than b, 0 when they have the same shape. Both match the same
// path, so they have the same length.
template <class Segment>
int CompareSpecificity(const std::vector<Segment>& a, const std::vector<Segment>& b) {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i].is_param != b[i].is_param) {
            return a[i].is_param ? -1 : 1;
        }
    }
    return 0;
}

template <class Route>
const Route* MoreSpecific(const Route* best, const Route& candidate) {
    if (best == nullptr || CompareSpecificity(candidate.segments, best->segments) > 0) {
        return &candidate;
    }
    return best;
}

template <class Segment>
bool SameShape(const std::vector<Segment>& a, const std::vector<Segment>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].is_param != b[i].is_param || (!a[i].is_param && a[i].text != b[i].text)) {
            return false;
        }
    }
    return true;
}

std::string JoinAllowed(std::vector<std::string> methods) {
    if (std::find(methods.begin(), methods.end(), "GET") != methods.end()) {
        methods.emplace_back("HEAD");
    }
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    std::string joined;
    for (const auto& method : methods) {
        joined += joined.empty() ? method : ", " + method;
    }
    return joined;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
    if (pattern.empty() || pattern.front() != '/') {
        RejectPattern(pattern, "must start with '/'");
    }
    if (method.empty() || !handler) {
        RejectPattern(pattern, "needs a method and a handler");
    }
    Route route{std::move(method), pattern, {}, std::move(handler)};
    for (auto& text : SplitPath(pattern)) {
        const bool is_param = IsParamSegment(text);
        if (!is_param && text.find_first_of("{}") != std::string::npos) {
            RejectPattern(pattern, "a parameter must be a whole segment named [A-Za-z0-9_]+");
        }
        route.segments.push_back({is_param ? text.substr(1, text.size() - 2) : text, is_param});
    }
    for (const auto& existing : routes_) {
        if (existing.method == route.method && SameShape(existing.segments, route.segments)) {
            RejectPattern(pattern, "duplicates " + existing.method + " " + existing.pattern);
        }
    }
    routes_.push_back(std::move(route));
}

Router::Match Router::FindRoutes(const std::vector<std::string>& path,
                                 const std::string& method) const {
    Match match;
    for (const auto& route : routes_) {
        if (!Matches(route.segments, path)) {
            continue;
        }
        match.allowed.push_back(route.method);
        match.any = MoreSpecific(match.any, route);
        if (route.method == method) {
            match.exact = MoreSpecific(match.exact, route);
        } else if (method == "HEAD" && route.method == "GET") {
            match.for_head = MoreSpecific(match.for_head, route);
        }
    }
    return match;
}

HttpResponse Router::Dispatch(HttpRequest& request) const {
    const std::vector<std::string> path = SplitPath(request.path);
    Match match = FindRoutes(path, request.method);
    const Route* route = match.exact != nullptr ? match.exact : match.for_head;
    if (route == nullptr) {
        request.route = match.any != nullptr ? match.any->pattern : "";
        if (match.any == nullptr) {
            return ErrorResponse(ErrorCode::kNotFound, "no route for " + request.path);
        }
        HttpResponse response =
            ErrorResponse(ErrorCode::kMethodNotAllowed, request.method + " is not allowed here");
        response.headers.emplace_back("Allow", JoinAllowed(std::move(match.allowed)));
        return response;
    }
    request.route = route->pattern;
    request.path_params.clear();
    for (size_t i = 0; i < path.size(); ++i) {
        if (route->segments[i].is_param) {
            request.path_params[route->segments[i].text] = path[i];
        }
    }
    return route->handler(request);
}

}  // namespace scs
