// GET /woocommerce/{site}/wc-auth/v1/authorize: WooCommerce's key exchange (WC_Auth, platform
// notes B1.2) with the merchant's login and grant screen answered by the auth_grant knob.
#include <boost/json/object.hpp>

#include "sandbox/kit/webhook_http.hpp"
#include "sandbox/woocommerce/rest_api.hpp"
#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

std::string EscapeHtml(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#039;";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

// wp_die( 'Error: …', 'Access denied', 401 ).
HttpResponse AccessDenied(const std::string& message) {
    const std::string body =
        "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n"
        "\t<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
        "\t<meta name=\"viewport\" content=\"width=device-width\">\n"
        "\t<title>Access denied</title>\n</head>\n<body id=\"error-page\">\n"
        "\t<div class=\"wp-die-message\">Error: " +
        EscapeHtml(message) + ".</div></body>\n</html>\n";
    return HttpResponse{401, "text/html; charset=utf-8", {}, body};
}

HttpResponse Redirect(const std::string& url) {
    return HttpResponse{302, "text/html; charset=UTF-8", {{"Location", url}}, ""};
}

// get_formatted_url(): decoded once more, and https:// when there is no scheme.
std::string FormattedUrl(const std::string& url) {
    std::string decoded = UrlDecode(url);
    return decoded.find("://") == std::string::npos ? "https://" + decoded : decoded;
}

bool IsValidUrl(const std::string& url) {
    const size_t scheme = url.find("://");
    return scheme != std::string::npos && scheme > 0 && url.size() > scheme + 3 &&
           url.find(' ') == std::string::npos;
}

std::string WithResult(const std::string& return_url, bool success, const std::string& user_id) {
    return return_url + (return_url.find('?') == std::string::npos ? "?" : "&") +
           "success=" + (success ? "1" : "0") + "&user_id=" + RawUrlEncode(user_id);
}

struct AuthParams {
    std::string app_name;
    std::string user_id;
    std::string return_url;
    std::string callback_url;
    std::string scope;
};

// make_validation(): the first failure's message, or nullopt.
std::optional<std::string> Validate(const HttpRequest& request,
                                    const WooSite& site,
                                    AuthParams& params) {
    for (auto [name, target] : {std::pair{"app_name", &params.app_name},
                                std::pair{"user_id", &params.user_id},
                                std::pair{"return_url", &params.return_url},
                                std::pair{"callback_url", &params.callback_url},
                                std::pair{"scope", &params.scope}}) {
        *target = request.Query(name).value_or("");
        if (target->empty() || *target == "0") {
            return "Missing parameter " + std::string(name);
        }
    }
    if (params.scope != "read" && params.scope != "write" && params.scope != "read_write") {
        return "Invalid scope " + params.scope;
    }
    params.return_url = FormattedUrl(params.return_url);
    params.callback_url = FormattedUrl(params.callback_url);
    for (const auto* url : {&params.return_url, &params.callback_url}) {
        if (!IsValidUrl(*url)) {
            return "The " + *url + " is not a valid URL";
        }
    }
    const bool https = params.callback_url.size() >= 8 &&
                       std::equal(params.callback_url.begin(),
                                  params.callback_url.begin() + 8,
                                  "https://",
                                  [](char a, char b) { return std::tolower(a) == b; });
    // allow_http_callback is the sandbox's concession to loopback receivers in tests.
    if (!https && !site.Spec().allow_http_callback) {
        return std::string("The callback_url needs to be over SSL");
    }
    return std::nullopt;
}

HttpResponse Authorize(SiteRegistry& sites, HttpRequest& request) {
    const std::string& name = request.path_params.at("site");
    auto site = sites.BySite(name);
    if (!site) {
        return ErrorResponse(ErrorCode::kNotFound, "no WooCommerce sandbox site " + name);
    }
    AuthParams params;
    if (auto invalid = Validate(request, *site, params)) {
        return AccessDenied(*invalid);
    }
    site->CountEvent("key_exchanges");
    if (site->Knobs().auth_grant == "deny") {
        return Redirect(WithResult(params.return_url, false, params.user_id));
    }
    const ApiKey key = site->CreateExchangeKey(params.app_name, params.scope, sites.Now());
    const json::object consumer{{"key_id", key.key_id},
                                {"user_id", params.user_id},
                                {"consumer_key", key.consumer_key},
                                {"consumer_secret", key.consumer_secret},
                                {"key_permissions", key.permissions}};
    const int status = PostBody(
        params.callback_url, "application/json;charset=UTF-8", {}, PhpJsonEncode(consumer));
    if (status != 200) {
        site->DeleteKey(key.key_id);
        return AccessDenied(status == 0 ? "cURL error 7: Failed to connect to the callback_url"
                                        : "An error occurred in the request and at the time were "
                                          "unable to send the consumer data");
    }
    return Redirect(WithResult(params.return_url, true, params.user_id));
}

}  // namespace

void AddKeyExchangeRoute(Router& router, SiteRegistry& sites) {
    router.Add("GET", "/woocommerce/{site}/wc-auth/v1/authorize", [&sites](HttpRequest& request) {
        return Authorize(sites, request);
    });
}

}  // namespace scs::sandbox::woocommerce
