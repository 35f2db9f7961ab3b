#include "api/woocommerce_keys_api.hpp"

#include <chrono>

#include <boost/json/object.hpp>
#include <boost/url/url.hpp>

#include "api/connection_grant.hpp"
#include "api/connection_json.hpp"
#include "api/json_body.hpp"
#include "observability/log.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::string_view kPlatform = "woocommerce";
constexpr std::string_view kNoncePrefix = "wc-auth:";
// The merchant may have to log in to WordPress before the grant screen.
constexpr auto kNonceTtl = std::chrono::minutes(30);

const log::Logger& Log() {
    static const log::Logger kLogger("api.woocommerce_keys");
    return kLogger;
}

std::string NonceOwner(const std::string& seller_id, const std::string& store_url) {
    return seller_id + "\n" + store_url;
}

std::string AuthorizeUrl(const std::string& store_url,
                         const std::string& app_name,
                         const std::string& nonce,
                         const std::string& return_url,
                         const std::string& callback_url) {
    boost::urls::url url(store_url + "/wc-auth/v1/authorize");
    auto params = url.params();
    params.append({"app_name", app_name});
    params.append({"scope", "read_write"});
    params.append({"user_id", nonce});
    params.append({"return_url", return_url});
    params.append({"callback_url", callback_url});
    return std::string(url.buffer());
}

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
        auto value = OptionalString(body, name, name);
        if (!value) {
            return tl::unexpected(value.error());
        }
        if (!*value || (*value)->empty()) {
            return FailField(name, std::string(name) + ": required");
        }
        keys[name] = **value;
    }
    if (keys["key_permissions"] != "read_write") {
        return FailField("key_permissions",
                         "key_permissions: read_write is needed to push stock and status, got " +
                             keys["key_permissions"]);
    }
    keys.erase("key_permissions");
    return keys;
}

}  // namespace

HttpResponse WooCommerceKeysApi::Install(HttpRequest& request, const Principal& principal) const {
    const auto seller_id = request.Query("seller_id").value_or("");
    if (seller_id.empty()) {
        return ErrorResponse(FailField("seller_id", "seller_id: required").value());
    }
    if (!principal.MaySee(seller_id)) {
        return ErrorResponse(ErrorCode::kNotFound, "no such seller");
    }
    const PlatformInfo* platform = deps_.registry.Find(kPlatform);
    auto store_url =
        NormalizeStoreId(*platform, request.Query("store_url").value_or(""), deps_.identity_rules);
    if (!store_url) {
        store_url.error().field = "store_url";
        return ErrorResponse(store_url.error());
    }
    if (auto reachable = CheckStoreHostIsPublic(*platform, *store_url, deps_.identity_rules);
        !reachable) {
        reachable.error().field = "store_url";
        return ErrorResponse(reachable.error());
    }
    const auto nonce = RandomToken(32);
    auto kept = deps_.state.TryAcquireLease(
        std::string(kNoncePrefix) + nonce,
        NonceOwner(seller_id, *store_url),
        std::chrono::duration_cast<std::chrono::milliseconds>(kNonceTtl));
    if (!kept || !*kept) {
        return ErrorResponse(ErrorCode::kUnavailable, "could not keep the key-exchange nonce");
    }
    const std::string base = deps_.public_url + "/api/v1/sales_channels/woocommerce/";
    HttpResponse response;
    response.status = 302;
    response.headers.emplace_back(
        "Location",
        AuthorizeUrl(*store_url,
                     deps_.app_name,
                     nonce,
                     request.Query("return_url").value_or(base + "installed"),
                     base + "keys"));
    response.body = "{}";
    return response;
}

Result<std::pair<std::string, std::string>> WooCommerceKeysApi::SpendNonce(
    const std::string& nonce) const {
    const auto key = std::string(kNoncePrefix) + nonce;
    auto lease = deps_.state.GetLease(key);
    if (!lease) {
        return tl::unexpected(std::move(lease.error()));
    }
    const auto newline = *lease ? (*lease)->owner.find('\n') : std::string::npos;
    if (!*lease || newline == std::string::npos) {
        return Fail(ErrorCode::kOAuth, "unknown or expired key-exchange user_id");
    }
    // Single use: a replayed callback finds nothing.
    if (auto released = deps_.state.ReleaseLease(key, (*lease)->owner); !released) {
        return tl::unexpected(std::move(released.error()));
    }
    return std::make_pair((*lease)->owner.substr(0, newline), (*lease)->owner.substr(newline + 1));
}

HttpResponse WooCommerceKeysApi::ReceiveKeys(HttpRequest& request) const {
    auto body = ParseJsonObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto nonce = UserIdOf(*body);
    if (!nonce) {
        return ErrorResponse(nonce.error());
    }
    auto keys = KeysOf(*body);
    if (!keys) {
        return ErrorResponse(keys.error());
    }
    auto owner = SpendNonce(*nonce);
    if (!owner) {
        Log().Warn("key exchange refused", {log::F("reason", owner.error().message)});
        return ErrorResponse(owner.error());
    }
    auto connection = Connect(owner->first, owner->second, *keys);
    if (!connection) {
        Log().Warn(
            "key exchange refused",
            {log::F("seller_id", owner->first), log::F("reason", connection.error().message)});
        return ErrorResponse(connection.error());
    }
    auto data = ConnectionToJson(*connection, deps_.registry.Find(kPlatform));
    if (deps_.on_connected) {
        data["webhooks_subscribed"] = deps_.on_connected(*connection, *keys).has_value();
    }
    return OkResponse(200, std::move(data));
}

Result<Connection> WooCommerceKeysApi::Connect(const std::string& seller_id,
                                               const std::string& store_url,
                                               const Credentials& keys) const {
    auto connector = deps_.registry.Make(kPlatform);
    if (!connector) {
        return tl::unexpected(std::move(connector.error()));
    }
    Connection probe;
    probe.seller_id = seller_id;
    probe.platform = std::string(kPlatform);
    probe.store_id = store_url;
    if (auto verified = (*connector)->VerifyCredentials(probe, keys); !verified) {
        return tl::unexpected(std::move(verified.error()));
    }
    return StoreConnectionGrant(
        deps_.store,
        deps_.secrets,
        deps_.clock,
        ConnectionGrant{seller_id, probe.platform, store_url, [&keys](Credentials& credentials) {
                            for (const auto& [name, value] : keys) {
                                credentials[name] = value;
                            }
                        }});
}

HttpResponse WooCommerceKeysApi::Installed(HttpRequest& request) const {
    const bool granted = request.Query("success").value_or("") == "1";
    return OkResponse(200,
                      boost::json::object{{"granted", granted},
                                          {"message",
                                           granted ? "the store is connected"
                                                   : "access was not granted; nothing changed"}});
}

void AddWooCommerceKeysRoutes(Router& router,
                              const WooCommerceKeysApi& api,
                              const TokenAuthenticator& auth) {
    router.Add("GET",
               "/api/v1/sales_channels/woocommerce/install",
               RequireAuth(auth, [&api](HttpRequest& request, const Principal& principal) {
                   return api.Install(request, principal);
               }));
    router.Add("POST", "/api/v1/sales_channels/woocommerce/keys", [&api](HttpRequest& request) {
        return api.ReceiveKeys(request);
    });
    router.Add("GET", "/api/v1/sales_channels/woocommerce/installed", [&api](HttpRequest& request) {
        return api.Installed(request);
    });
}

}  // namespace scs
