#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "http/response.hpp"
#include "sandbox/shopify/oauth_query.hpp"
#include "sandbox/shopify/shopify_routes.hpp"
#include "security/crypto.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kStaleTimestampSeconds = 91;  // just past the 90 s clients allow

HttpResponse OAuthError(std::string_view error, std::string_view description) {
    return JsonResponse(400, json::object{{"error", error}, {"error_description", description}});
}

// The callback's query per A1.2, signed, with the oauth_tamper knob applied.
std::map<std::string, std::string> CallbackParams(const SandboxStore& store,
                                                  const HttpRequest& request,
                                                  std::string code,
                                                  TimePoint now) {
    const std::string& shop = store.Spec().shop;
    const std::string handle = shop.substr(0, shop.find('.'));
    std::string host = Base64Encode("admin.shopify.com/store/" + handle);
    host.erase(host.find_last_not_of('=') + 1);
    const std::string tamper = store.Knobs().oauth_tamper;
    int64_t timestamp = ToUnixMillis(now) / 1000;
    if (tamper == "timestamp") {
        timestamp -= kStaleTimestampSeconds;
    }
    std::map<std::string, std::string> params{
        {"code", std::move(code)},
        {"host", host},
        {"shop", tamper == "shop" ? shop + ".evil.example" : shop},
        {"state", request.Query("state").value_or("")},
        {"timestamp", std::to_string(timestamp)}};
    params["hmac"] = QueryHmac(params, store.Spec().client_secret);
    if (tamper == "hmac") {
        params["hmac"][0] = params["hmac"][0] == '0' ? '1' : '0';
    }
    return params;
}

HttpResponse Authorize(StoreRegistry& stores, HttpRequest& request) {
    auto store = stores.ByShop(request.path_params.at("shop"));
    if (!store) {
        return JsonResponse(404, json::object{{"errors", "Not Found"}});
    }
    const std::string& client_id = store->Spec().client_id;
    if (client_id.empty() || request.Query("client_id").value_or("") != client_id) {
        return OAuthError("invalid_request", "The client_id is not an app installed on this shop");
    }
    const std::string redirect = request.Query("redirect_uri").value_or("");
    if (redirect.rfind("http://", 0) != 0 && redirect.rfind("https://", 0) != 0) {
        return OAuthError("invalid_request", "The redirect_uri is missing or not a URL");
    }
    const std::string code = store->IssueOAuthCode(request.Query("scope").value_or(""));
    std::string location = redirect + (redirect.find('?') == std::string::npos ? "?" : "&");
    bool first = true;
    for (const auto& [key, value] : CallbackParams(*store, request, code, stores.Now())) {
        location += (first ? "" : "&") + QueryEncode(key) + "=" + QueryEncode(value);
        first = false;
    }
    HttpResponse response{
        302, "text/html", {{"Location", location}}, "<html><body>redirecting</body></html>"};
    return response;
}

// JSON or form body, every value as text ("expiring": 1 and "1" alike).
std::map<std::string, std::string> TokenRequestFields(const HttpRequest& request) {
    const auto type = request.Header("Content-Type").value_or("");
    if (type.find("application/x-www-form-urlencoded") != std::string_view::npos) {
        return ParseForm(request.body);
    }
    std::map<std::string, std::string> fields;
    boost::system::error_code error;
    const json::value value = json::parse(request.body, error);
    if (error || !value.is_object()) {
        return fields;
    }
    for (const auto& [key, field] : value.get_object()) {
        fields[std::string(key)] = field.is_string() ? std::string(field.get_string())
                                   : field.is_bool() ? (field.get_bool() ? "1" : "0")
                                                     : json::serialize(field);
    }
    return fields;
}

HttpResponse TokenResponse(const IssuedToken& token) {
    json::object body{{"access_token", token.access_token}, {"scope", token.scope}};
    if (token.expires_in) {
        body["expires_in"] = *token.expires_in;
    }
    if (!token.refresh_token.empty()) {
        body["refresh_token"] = token.refresh_token;
        body["refresh_token_expires_in"] = token.refresh_token_expires_in;
    }
    return JsonResponse(200, body);
}

HttpResponse AccessToken(StoreRegistry& stores, HttpRequest& request) {
    auto store = stores.ByShop(request.path_params.at("shop"));
    if (!store) {
        return JsonResponse(404, json::object{{"errors", "Not Found"}});
    }
    auto fields = TokenRequestFields(request);
    const StoreSpec& spec = store->Spec();
    if (spec.client_id.empty() || fields["client_id"] != spec.client_id ||
        !ConstantTimeEquals(fields["client_secret"], spec.client_secret)) {
        return OAuthError("invalid_client", "Client authentication failed");
    }
    const std::string grant = fields["grant_type"];
    const TimePoint now = stores.Now();
    if (grant.empty() || grant == "authorization_code") {
        auto token = store->ExchangeOAuthCode(fields["code"], fields["expiring"] == "1", now);
        return token ? TokenResponse(*token)
                     : OAuthError("invalid_request",
                                  "The authorization code was not found or was already used");
    }
    if (grant == "refresh_token") {
        auto token = store->RefreshOAuthToken(fields["refresh_token"], now);
        return token ? TokenResponse(*token)
                     : OAuthError("invalid_grant",
                                  "The refresh token is invalid, expired or already used");
    }
    if (grant == "client_credentials") {
        return TokenResponse(store->ClientCredentialsToken(now));
    }
    return OAuthError("unsupported_grant_type", "The grant_type is not supported");
}

}  // namespace

void AddOAuthRoutes(Router& router, StoreRegistry& stores) {
    router.Add("GET", "/shopify/{shop}/admin/oauth/authorize", [&stores](HttpRequest& request) {
        return Authorize(stores, request);
    });
    router.Add("POST", "/shopify/{shop}/admin/oauth/access_token", [&stores](HttpRequest& request) {
        return AccessToken(stores, request);
    });
}

}  // namespace scs::sandbox
