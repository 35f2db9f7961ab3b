#include "sandbox/woocommerce/wp_error.hpp"

#include <boost/json/array.hpp>

#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {

namespace json = boost::json;

HttpResponse WpJson(int status, const json::value& body) {
    return HttpResponse{status, "application/json; charset=UTF-8", {}, PhpJsonEncode(body)};
}

json::object WpErrorBody(const WpError& error) {
    json::object data{{"status", error.status}};
    for (const auto& entry : error.data) {
        data[entry.key()] = entry.value();
    }
    return {{"code", error.code}, {"message", error.message}, {"data", std::move(data)}};
}

HttpResponse WpErrorResponse(const WpError& error) {
    HttpResponse response = WpJson(error.status, WpErrorBody(error));
    response.headers = error.headers;
    return response;
}

WpError NoRoute() {
    return WpError{
        404, "rest_no_route", "No route was found matching the URL and request method.", {}, {}};
}

void ParamErrors::Add(const std::string& param,
                      const std::string& message,
                      const std::string& code) {
    if (params_.contains(param)) {
        return;
    }
    params_[param] = message;
    details_[param] = {{"code", code}, {"message", message}, {"data", nullptr}};
    names_ += names_.empty() ? param : ", " + param;
}

WpError ParamErrors::ToError() const {
    return WpError{400,
                   "rest_invalid_param",
                   "Invalid parameter(s): " + names_,
                   {{"params", params_}, {"details", details_}},
                   {}};
}

WpError MissingParams(const std::vector<std::string>& names) {
    std::string joined;
    json::array list;
    for (const auto& name : names) {
        joined += joined.empty() ? name : ", " + name;
        list.emplace_back(name);
    }
    return WpError{400,
                   "rest_missing_callback_param",
                   "Missing parameter(s): " + joined,
                   {{"params", std::move(list)}},
                   {}};
}

}  // namespace scs::sandbox::woocommerce
