#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/headers.hpp"
#include "core/result.hpp"

namespace scs {

// One HTTP request as handlers see it: plain strings, no Beast types. The server builds it on an
// I/O thread and hands it to exactly one handler thread; it is not shared, so it needs no locking.
struct HttpRequest {
    std::string method;                        // "GET"
    std::string target;                        // raw request target, "/a/b?x=1"
    std::string path;                          // percent-decoded path, "/a/b"
    std::map<std::string, std::string> query;  // decoded params, last one wins
    HeaderList headers;                        // as received
    std::string body;
    std::map<std::string, std::string> path_params;  // filled by the router from {name} segments
    std::string route;       // the matched pattern, "" when no route matched
    std::string request_id;  // the client's valid X-Request-Id, else a generated one
    std::string remote_address;

    // The first header with this name, compared case-insensitively.
    std::optional<std::string_view> Header(std::string_view name) const;
    std::optional<std::string> Query(std::string_view name) const;
};

// Sets target, path and query from a raw request target in origin form ("/a%20b?x=1") or
// absolute form ("http://host/a?x=1"). In the query, '+' decodes to a space (HTML form rules,
// as Go's url.ParseQuery does), so clients must send a literal plus as %2B.
// Fails with kBadRequest when the target is not a valid request target.
[[nodiscard]] Status ParseRequestTarget(std::string_view target, HttpRequest& request);

}  // namespace scs
