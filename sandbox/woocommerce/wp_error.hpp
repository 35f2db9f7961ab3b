#pragma once

#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <tl/expected.hpp>

#include "http/response.hpp"

// WordPress REST errors and answers: {"code","message","data":{"status",…}} bodies, encoded the
// way PHP encodes them. Plain data and pure functions; thread-safe.
namespace scs::sandbox::woocommerce {

struct WpError {
    int status = 400;
    std::string code;
    std::string message;
    boost::json::object data;  // members of "data" besides "status" (params, details)
    std::vector<std::pair<std::string, std::string>> headers;
};

template <class T>
using WpResult = tl::expected<T, WpError>;

[[nodiscard]] inline tl::unexpected<WpError> WpFail(int status,
                                                    std::string code,
                                                    std::string message) {
    return tl::unexpected<WpError>(WpError{status, std::move(code), std::move(message), {}, {}});
}

// A JSON answer as WordPress sends it (Content-Type application/json; charset=UTF-8).
HttpResponse WpJson(int status, const boost::json::value& body);

HttpResponse WpErrorResponse(const WpError& error);

// The body of an error: {"code","message","data":{"status",…}}.
boost::json::object WpErrorBody(const WpError& error);

// 404 rest_no_route, WordPress's answer to a path or method no route serves.
WpError NoRoute();

// Validation failures of several parameters, reported together as WordPress does:
// 400 rest_invalid_param "Invalid parameter(s): a, b" with data.params and data.details.
class ParamErrors {
public:
    void Add(const std::string& param, const std::string& message, const std::string& code);

    bool Empty() const { return params_.empty(); }

    WpError ToError() const;

private:
    boost::json::object params_;
    boost::json::object details_;
    std::string names_;
};

// 400 rest_missing_callback_param "Missing parameter(s): a, b".
WpError MissingParams(const std::vector<std::string>& names);

}  // namespace scs::sandbox::woocommerce
