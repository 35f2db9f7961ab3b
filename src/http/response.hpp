#pragma once

#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "core/result.hpp"

namespace scs {

// What a handler returns. The server adds the framing headers (Content-Length, Connection,
// Server, Date, X-Request-Id) itself; a handler's own copies of those are ignored.
struct HttpResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

// A JSON response; the body is boost::json::serialize(body).
HttpResponse JsonResponse(int status, const boost::json::value& body);

// The API error shape (DESIGN §7): {"status":"error","code":"NOT_FOUND","message":"…"} plus
// "field" when Error::field is set, with the status from HttpStatusFor and a Retry-After header
// (whole seconds) when Error::retry_after is set.
HttpResponse ErrorResponse(const Error& error);

// Shorthand for ErrorResponse(Error{code, message}).
HttpResponse ErrorResponse(ErrorCode code, std::string message);

// The one ErrorCode -> HTTP status mapping of the service.
int HttpStatusFor(ErrorCode code);

}  // namespace scs
