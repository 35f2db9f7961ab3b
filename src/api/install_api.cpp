#include "api/install_api.hpp"

#include <chrono>

#include <boost/json/object.hpp>

#include "api/connection_grant.hpp"
#include "api/connection_json.hpp"
#include "observability/log.hpp"
#include "security/crypto.hpp"

namespace scs {
namespace {

constexpr std::string_view kRoutePrefix = "/api/v1/sales_channels/";

const log::Logger& Log() {
    static const log::Logger kLogger("api.install");
    return kLogger;
}

std::string RawQuery(const HttpRequest& request) {
    const auto question = request.target.find('?');
    return question == std::string::npos ? "" : request.target.substr(question + 1);
}

std::string NonceKey(const std::string& tag, const std::string& nonce) {
    return "install:" + tag + ":" + nonce;
}

// The nonce's lease owner: who started the install, for which store.
std::string NonceOwner(const std::string& seller_id, const std::string& store_id) {
    return seller_id + "\n" + store_id;
}

HttpResponse NoInstall() {
    return ErrorResponse(ErrorCode::kNotFound, "no install flow for this platform");
}

}  // namespace

std::string InstallApi::RouteUrl(const std::string& tag, const std::string& path) const {
    return deps_.public_url + std::string(kRoutePrefix) + tag + "/" + path;
}

HttpResponse InstallApi::Start(HttpRequest& request, const Principal& principal) const {
    const std::string& tag = request.path_params["platform"];
    const InstallFlow* flow = deps_.registry.Install(tag);
    if (flow == nullptr) {
        return NoInstall();
    }
    const auto seller_id = request.Query("seller_id").value_or("");
    if (seller_id.empty()) {
        return ErrorResponse(FailField("seller_id", "seller_id: required").value());
    }
    if (!principal.MaySee(seller_id)) {
        return ErrorResponse(ErrorCode::kNotFound, "no such seller");
    }
    const std::string raw_query = RawQuery(request);
    const QueryParams query = DecodeQueryString(raw_query);
    auto store_id = flow->StartStore(InstallRequest{query, raw_query, {}});
    if (!store_id) {
        return ErrorResponse(store_id.error());
    }
    const auto nonce = RandomToken(32);
    auto kept = deps_.state.TryAcquireLease(
        NonceKey(tag, nonce),
        NonceOwner(seller_id, *store_id),
        std::chrono::duration_cast<std::chrono::milliseconds>(flow->NonceLifetime()));
    if (!kept || !*kept) {
        return ErrorResponse(ErrorCode::kUnavailable, "could not keep the install nonce");
    }
    HttpResponse response;
    response.status = 302;
    response.headers.emplace_back(
        "Location",
        flow->AuthorizeUrl(
            *store_id,
            InstallUrls{nonce,
                        RouteUrl(tag, flow->FinishRoute().path),
                        request.Query("return_url").value_or(RouteUrl(tag, "installed"))}));
    response.body = "{}";
    return response;
}

Result<std::pair<std::string, std::string>> InstallApi::SpendNonce(
    const std::string& tag,
    const std::string& nonce,
    const std::string& store_id,
    std::chrono::minutes lifetime) const {
    const auto key = NonceKey(tag, nonce);
    auto lease =
        nonce.empty() ? Result<std::optional<LeaseInfo>>(std::nullopt) : deps_.state.GetLease(key);
    if (!lease) {
        return tl::unexpected(std::move(lease.error()));
    }
    const auto newline = *lease ? (*lease)->owner.find('\n') : std::string::npos;
    // A callback that names another store than the install was started for leaves the nonce
    // alone: it was not the platform's answer to this install.
    if (!*lease || newline == std::string::npos ||
        (!store_id.empty() && (*lease)->owner.substr(newline + 1) != store_id)) {
        return Fail(ErrorCode::kOAuth, "unknown, expired or foreign install nonce");
    }
    // Single use, also when copies of one callback arrive together: all of them may have read
    // the nonce, but only one claims it (the claim outlives the nonce, so a later copy finds
    // neither).
    auto claimed = deps_.state.TryAcquireLease(
        key + ":spent",
        RandomToken(16),
        std::chrono::duration_cast<std::chrono::milliseconds>(lifetime));
    if (!claimed) {
        return tl::unexpected(std::move(claimed.error()));
    }
    if (!*claimed) {
        return Fail(ErrorCode::kOAuth, "unknown, expired or foreign install nonce");
    }
    // A replayed callback finds no nonce.
    if (auto released = deps_.state.ReleaseLease(key, (*lease)->owner); !released) {
        return tl::unexpected(std::move(released.error()));
    }
    return std::make_pair((*lease)->owner.substr(0, newline), (*lease)->owner.substr(newline + 1));
}

HttpResponse InstallApi::Finish(HttpRequest& request) const {
    const std::string& tag = request.path_params["platform"];
    const InstallFlow* flow = deps_.registry.Install(tag);
    if (flow == nullptr) {
        return NoInstall();
    }
    const std::string raw_query = RawQuery(request);
    const QueryParams query = DecodeQueryString(raw_query);
    auto callback = flow->ReadCallback(InstallRequest{query, raw_query, request.body});
    if (!callback) {
        Log().Warn("install callback refused",
                   {log::F("platform", tag), log::F("reason", callback.error().message)});
        return ErrorResponse(callback.error());
    }
    auto owner = SpendNonce(tag, callback->nonce, callback->store_id, flow->NonceLifetime());
    if (!owner) {
        Log().Warn("install callback refused",
                   {log::F("platform", tag), log::F("reason", owner.error().message)});
        return ErrorResponse(owner.error());
    }
    const auto& [seller_id, store_id] = *owner;
    auto grant = flow->Complete(seller_id, store_id, *callback);
    if (!grant) {
        Log().Warn("install refused",
                   {log::F("platform", tag),
                    log::F("seller_id", seller_id),
                    log::F("reason", grant.error().message)});
        return ErrorResponse(grant.error());
    }
    auto connection = StoreConnectionGrant(
        deps_.store,
        deps_.secrets,
        deps_.clock,
        ConnectionGrant{seller_id, tag, store_id, [&grant](Credentials& credentials) {
                            for (const auto& name : grant->clear) {
                                credentials.erase(name);
                            }
                            for (const auto& [name, value] : grant->set) {
                                credentials[name] = value;
                            }
                        }});
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    auto data =
        ConnectionToJson(*connection, deps_.registry.Find(tag), deps_.registry.Enabled(tag));
    if (deps_.on_connected) {
        data["webhooks_subscribed"] = deps_.on_connected(*connection, grant->set).has_value();
    }
    return OkResponse(200, std::move(data));
}

HttpResponse InstallApi::Landing(HttpRequest& request) const {
    const InstallFlow* flow = deps_.registry.Install(request.path_params["platform"]);
    const auto granted =
        flow == nullptr ? std::nullopt : flow->Granted(DecodeQueryString(RawQuery(request)));
    if (!granted) {
        return NoInstall();
    }
    return OkResponse(200,
                      boost::json::object{{"granted", *granted},
                                          {"message",
                                           *granted ? "the store is connected"
                                                    : "access was not granted; nothing changed"}});
}

void AddInstallRoutes(Router& router,
                      const InstallApi& api,
                      const ConnectorRegistry& registry,
                      const TokenAuthenticator& auth) {
    const std::string prefix(kRoutePrefix);
    router.Add("GET",
               prefix + "{platform}/install",
               RequireAuth(auth, [&api](HttpRequest& request, const Principal& principal) {
                   return api.Start(request, principal);
               }));
    router.Add("GET", prefix + "{platform}/installed", [&api](HttpRequest& request) {
        return api.Landing(request);
    });
    // Each flow names its own finish route; a platform switched off has none.
    for (const auto& platform : registry.Catalogue()) {
        const InstallFlow* flow = registry.Install(platform.tag);
        if (flow == nullptr) {
            continue;
        }
        const auto route = flow->FinishRoute();
        router.Add(route.method,
                   prefix + platform.tag + "/" + route.path,
                   [&api, tag = platform.tag](HttpRequest& request) {
                       request.path_params["platform"] = tag;
                       return api.Finish(request);
                   });
    }
}

}  // namespace scs
