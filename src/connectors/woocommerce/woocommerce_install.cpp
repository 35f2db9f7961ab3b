#include "connectors/woocommerce/woocommerce_install.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/url/url.hpp>

#include "connectors/store_identity.hpp"
#include "connectors/woocommerce/woocommerce_connector.hpp"

namespace scs {
namespace {

constexpr std::string_view kAppName = "app_name";

// The store sends user_id back as it was passed, as a string; the docs show a number.
Result<std::string> UserIdOf(const boost::json::object& body) {
    const auto* value = body.if_contains("user_id");
    if (value != nullptr && value->is_string()) {
        return std::string(value->get_string());
    }
    if (value != nullptr && value->is_int64()) {
        return std::to_string(value->get_int64());
    }
    return FailField("user_id", "user_id: required");
}

Result<Credentials> KeysOf(const boost::json::object& body) {
    Credentials keys;
    for (const char* name : {"consumer_key", "consumer_secret", "key_permissions"}) {
        const auto* value = body.if_contains(name);
        if (value != nullptr && !value->is_null() && !value->is_string()) {
            return FailField(name, std::string(name) + ": must be a string");
        }
        if (value == nullptr || value->is_null() || value->get_string().empty()) {
            return FailField(name, std::string(name) + ": required");
        }
        keys[name] = std::string(value->get_string());
    }
    if (keys["key_permissions"] != "read_write") {
        return FailField("key_permissions",
                         "key_permissions: read_write is needed to push stock and status, got " +
                             keys["key_permissions"]);
    }
    keys.erase("key_permissions");
    return keys;
}

// The error of a store URL check, naming the query field it came from.
Error AsStoreUrlError(Error error) {
    error.field = "store_url";
    return error;
}

}  // namespace

std::chrono::minutes WooCommerceInstall::NonceLifetime() const {
    // The merchant may have to log in to WordPress before the grant screen.
    return std::chrono::minutes(30);
}

Result<std::string> WooCommerceInstall::StartStore(const InstallRequest& request) const {
    auto store_url =
        NormalizeSiteUrl(FindParam(request.query, "store_url").value_or(""), deps_.identity);
    if (!store_url) {
        return tl::unexpected(AsStoreUrlError(std::move(store_url.error())));
    }
    if (auto reachable = CheckPublicSiteHost(*store_url, deps_.identity); !reachable) {
        return tl::unexpected(AsStoreUrlError(std::move(reachable.error())));
    }
    return store_url;
}

std::string WooCommerceInstall::AuthorizeUrl(const std::string& store_id,
                                             const InstallUrls& urls) const {
    const auto name = deps_.settings.find(std::string(kAppName));
    boost::urls::url url(store_id + "/wc-auth/v1/authorize");
    auto params = url.params();
    params.append({"app_name",
                   name == deps_.settings.end() || name->second.empty() ? "Sales Channel Service"
                                                                        : name->second});
    params.append({"scope", "read_write"});
    params.append({"user_id", urls.nonce});
    params.append({"return_url", urls.return_url});
    params.append({"callback_url", urls.callback_url});
    return std::string(url.buffer());
}

Result<InstallCallback> WooCommerceInstall::ReadCallback(const InstallRequest& request) const {
    boost::system::error_code error;
    auto value = boost::json::parse(request.body, error);
    if (error) {
        return Fail(ErrorCode::kInvalidPayload,
                    "request body is not valid JSON: " + error.message());
    }
    if (!value.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "request body must be a JSON object");
    }
    const auto& body = value.as_object();
    auto nonce = UserIdOf(body);
    if (!nonce) {
        return tl::unexpected(std::move(nonce.error()));
    }
    auto keys = KeysOf(body);
    if (!keys) {
        return tl::unexpected(std::move(keys.error()));
    }
    InstallCallback callback;
    callback.nonce = std::move(*nonce);
    callback.credentials = std::move(*keys);
    return callback;
}

Result<InstallGrant> WooCommerceInstall::Complete(const std::string& seller_id,
                                                  const std::string& store_id,
                                                  const InstallCallback& callback) const {
    Connection probe;
    probe.seller_id = seller_id;
    probe.platform = "woocommerce";
    probe.store_id = store_id;
    if (auto verified =
            MakeWooCommerceConnector(deps_)->VerifyCredentials(probe, callback.credentials);
        !verified) {
        return tl::unexpected(std::move(verified.error()));
    }
    return InstallGrant{callback.credentials, {}};
}

std::optional<bool> WooCommerceInstall::Granted(const QueryParams& query) const {
    return FindParam(query, "success").value_or("") == "1";
}

}  // namespace scs
