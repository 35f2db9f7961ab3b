#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

// Conversions between Beast messages and the plain HttpRequest/HttpResponse structs. Pure
// functions, thread-safe. Internal to scs_http: only the server's own .cpp files include this.
namespace scs::http_internal {

using BeastRequestHeader = boost::beast::http::request_header<>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Copies method, raw target, headers and request id, then parses the target. When the target is
// malformed the other fields are still filled (for the error response) and an error returned.
[[nodiscard]] Status CopyRequestHeader(const BeastRequestHeader& header, HttpRequest& request);

// How a response is framed on the wire; decided by the connection, not the handler.
struct ResponseFraming {
    std::string_view request_id;
    unsigned version = 11;  // 10 or 11, the request's
    bool keep_alive = true;
    bool head_request = false;  // send Content-Length of the body, but no body
};

// Adds Server, Date, X-Request-Id, Content-Type, Content-Length and Connection. Handler headers
// that the server owns, and headers with invalid names or CR/LF in values, are dropped so that a
// handler cannot break framing. 1xx, 204 and 304 get no body and no Content-Length.
BeastResponse ToBeastResponse(HttpResponse&& response, const ResponseFraming& framing);

// RFC 9110 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string HttpDate(std::chrono::system_clock::time_point time);

}  // namespace scs::http_internal
