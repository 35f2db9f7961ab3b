#include "api/connections_api.hpp"

#include <charconv>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "api/connection_json.hpp"
#include "api/json_body.hpp"
#include "api/path_params.hpp"
#include "observability/log.hpp"
#include "security/credential_seal.hpp"

namespace scs {
namespace {

Result<Credentials> ParseCredentials(const PlatformInfo& platform,
                                     const boost::json::object& body) {
    auto given = OptionalStringMap(body, "credentials", "credentials");
    if (!given) {
        return tl::unexpected(given.error());
    }
    Credentials credentials = given->value_or(Credentials{});
    for (const auto& entry : credentials) {
        const std::string& name = entry.first;
        const auto known =
            std::find_if(platform.credentials.begin(),
                         platform.credentials.end(),
                         [&name](const CredentialField& f) { return f.name == name; });
        if (known == platform.credentials.end()) {
            return FailField("credentials." + name,
                             "credentials." + name + ": not a " + platform.name + " credential");
        }
    }
    for (const auto& field : platform.credentials) {
        const auto it = credentials.find(field.name);
        if (field.required && (it == credentials.end() || it->second.empty())) {
            return FailField("credentials." + field.name,
                             "credentials." + field.name + ": required");
        }
    }
    return credentials;
}

Result<std::string> RequiredString(const boost::json::object& body, std::string_view key) {
    auto value = OptionalString(body, key, std::string(key));
    if (!value) {
        return tl::unexpected(value.error());
    }
    if (!*value || (*value)->empty()) {
        return FailField(std::string(key), std::string(key) + ": required");
    }
    return **value;
}

template <class T>
HttpResponse Respond(const Result<T>& result,
                     int status,
                     const std::function<boost::json::value(const T&)>& render) {
    if (!result) {
        return ErrorResponse(result.error());
    }
    return OkResponse(status, render(*result));
}

}  // namespace

HttpResponse OkResponse(int status, boost::json::value data) {
    return JsonResponse(status, boost::json::object{{"status", "ok"}, {"data", std::move(data)}});
}

Result<Connection> ConnectionsApi::LoadVisible(const HttpRequest& request,
                                               const Principal& principal) const {
    return LoadVisibleConnection(deps_.store, request, principal);
}

Status ConnectionsApi::VerifyAndSeal(const PlatformInfo& platform,
                                     const boost::json::object& body,
                                     Connection& connection) const {
    auto credentials = ParseCredentials(platform, body);
    if (!credentials) {
        return tl::unexpected(credentials.error());
    }
    auto connector = deps_.registry.Make(platform.tag);
    if (!connector) {
        return tl::unexpected(connector.error());
    }
    if (auto verified = (*connector)->VerifyCredentials(connection, *credentials); !verified) {
        return verified;
    }
    auto sealed = SealCredentials(deps_.secrets, connection, *credentials);
    if (!sealed) {
        return tl::unexpected(sealed.error());
    }
    connection.credentials = std::move(*sealed);
    connection.credential_fields.clear();
    for (const auto& [name, value] : *credentials) {
        if (!value.empty()) {
            connection.credential_fields.push_back(name);
        }
    }
    return {};
}

Result<Connection> ConnectionsApi::BuildNew(const std::string& seller_id,
                                            const boost::json::object& body) const {
    if (auto known = RejectUnknownKeys(
            body, {"platform", "name", "store_id", "marketplaces", "credentials", "settings"}, "");
        !known) {
        return tl::unexpected(known.error());
    }
    auto tag = RequiredString(body, "platform");
    if (!tag) {
        return tl::unexpected(tag.error());
    }
    const PlatformInfo* platform = deps_.registry.Find(*tag);
    if (platform == nullptr) {
        return FailField("platform",
                         "platform: unknown sales channel '" + *tag +
                             "' (GET /api/v1/sales_channels lists them)");
    }
    if (!deps_.registry.Enabled(platform->tag)) {
        return Fail(ErrorCode::kNotImplemented,
                    platform->name + " is switched off on this service (features." + platform->tag +
                        ".enabled)");
    }
    Connection connection;
    connection.seller_id = seller_id;
    connection.platform = platform->tag;
    auto store_id = OptionalString(body, "store_id", "store_id");
    if (!store_id) {
        return tl::unexpected(store_id.error());
    }
    auto normalized = deps_.registry.NormalizeStoreId(*platform, store_id->value_or(""));
    if (!normalized) {
        return tl::unexpected(normalized.error());
    }
    connection.store_id = *normalized;
    auto status = ApplyPatch(body, connection);
    if (!status) {
        return tl::unexpected(status.error());
    }
    if (connection.name.empty()) {
        connection.name = connection.store_id;
    }
    if (platform->needs_marketplaces && connection.marketplaces.empty()) {
        return FailField("marketplaces",
                         "marketplaces: at least one is required for " + platform->name);
    }
    if (auto sealed = VerifyAndSeal(*platform, body, connection); !sealed) {
        return tl::unexpected(sealed.error());
    }
    return connection;
}

Status ConnectionsApi::ApplyPatch(const boost::json::object& body, Connection& connection) const {
    const PlatformInfo* platform = deps_.registry.Find(connection.platform);
    auto name = OptionalString(body, "name", "name");
    if (!name) {
        return tl::unexpected(name.error());
    }
    if (*name) {
        if ((*name)->empty() || (*name)->size() > 200) {
            return FailField("name", "name: 1 to 200 characters");
        }
        connection.name = **name;
    }
    auto marketplaces = OptionalStringList(body, "marketplaces", "marketplaces");
    if (!marketplaces) {
        return tl::unexpected(marketplaces.error());
    }
    if (*marketplaces && platform != nullptr) {
        auto normalized = NormalizeMarketplaces(*platform, std::move(**marketplaces));
        if (!normalized) {
            return tl::unexpected(normalized.error());
        }
        connection.marketplaces = std::move(*normalized);
    }
    if (const auto* settings = body.if_contains("settings"); settings != nullptr) {
        if (!settings->is_object()) {
            return FailField("settings", "settings: must be an object");
        }
        auto patched = ApplySettingsPatch(settings->as_object(), connection.settings);
        if (!patched) {
            return tl::unexpected(patched.error());
        }
        connection.settings = std::move(*patched);
    }
    return {};
}

HttpResponse ConnectionsApi::Catalogue(HttpRequest& /*request*/,
                                       const Principal& /*principal*/) const {
    boost::json::array out;
    for (const auto& platform : deps_.registry.Catalogue()) {
        boost::json::array capabilities(platform.capabilities.begin(), platform.capabilities.end());
        boost::json::array credentials;
        for (const auto& field : platform.credentials) {
            credentials.push_back({{"name", field.name}, {"required", field.required}});
        }
        out.push_back({{"id", platform.id},
                       {"tag", platform.tag},
                       {"name", platform.name},
                       {"auth_kind", platform.auth_kind},
                       {"store_id_field", platform.store_id_field},
                       {"needs_marketplaces", platform.needs_marketplaces},
                       {"capabilities", std::move(capabilities)},
                       {"credentials", std::move(credentials)},
                       {"available", deps_.registry.HasConnector(platform.tag)},
                       {"enabled", deps_.registry.Enabled(platform.tag)}});
    }
    return OkResponse(200, std::move(out));
}

HttpResponse ConnectionsApi::List(HttpRequest& request, const Principal& principal) const {
    auto seller = SellerFromPath(request, principal);
    if (!seller) {
        return ErrorResponse(seller.error());
    }
    auto connections = deps_.store.ListBySeller(*seller);
    return Respond<std::vector<Connection>>(connections, 200, [this](const auto& list) {
        boost::json::array out;
        for (const auto& connection : list) {
            out.push_back(ConnectionToJson(connection,
                                           deps_.registry.Find(connection.platform),
                                           deps_.registry.Enabled(connection.platform)));
        }
        return boost::json::value(std::move(out));
    });
}

HttpResponse ConnectionsApi::Get(HttpRequest& request, const Principal& principal) const {
    return Respond<Connection>(LoadVisible(request, principal), 200, [this](const auto& c) {
        return boost::json::value(ConnectionToJson(
            c, deps_.registry.Find(c.platform), deps_.registry.Enabled(c.platform)));
    });
}

HttpResponse ConnectionsApi::Create(HttpRequest& request, const Principal& principal) const {
    auto seller = SellerFromPath(request, principal);
    if (!seller) {
        return ErrorResponse(seller.error());
    }
    auto body = ParseJsonObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    auto connection = BuildNew(*seller, *body);
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    connection->created_at = connection->updated_at = deps_.clock.Now();
    auto created = deps_.store.Create(*connection);
    return Respond<Connection>(created, 201, [this](const auto& c) {
        auto json = ConnectionToJson(
            c, deps_.registry.Find(c.platform), deps_.registry.Enabled(c.platform));
        if (deps_.on_connected) {
            json["webhooks_subscribed"] = SubscribeWebhooks(c);
        }
        return boost::json::value(std::move(json));
    });
}

bool ConnectionsApi::SubscribeWebhooks(const Connection& connection) const {
    auto credentials = OpenCredentials(deps_.secrets, connection);
    auto subscribed = credentials ? deps_.on_connected(connection, *credentials)
                                  : Status(tl::unexpected(credentials.error()));
    if (!subscribed) {
        log::Logger("api.connections")
            .Warn("webhook subscription failed; reconciliation will poll the store",
                  {log::F("connection_id", connection.id),
                   log::F("error", subscribed.error().message)});
    }
    return subscribed.has_value();
}

HttpResponse ConnectionsApi::Patch(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    auto body = ParseJsonObject(request.body);
    if (!body) {
        return ErrorResponse(body.error());
    }
    if (auto known = RejectUnknownKeys(
            *body, {"name", "status", "marketplaces", "credentials", "settings"}, "");
        !known) {
        return ErrorResponse(known.error());
    }
    auto status = OptionalString(*body, "status", "status");
    if (!status) {
        return ErrorResponse(status.error());
    }
    if (*status) {
        if (**status != "active" && **status != "paused") {
            return ErrorResponse(
                FailField("status", "status: active or paused (DELETE disconnects)").value());
        }
        connection->status = *ParseConnectionStatus(**status);
    }
    if (auto patched = ApplyPatch(*body, *connection); !patched) {
        return ErrorResponse(patched.error());
    }
    if (body->contains("credentials")) {
        if (auto sealed =
                VerifyAndSeal(*deps_.registry.Find(connection->platform), *body, *connection);
            !sealed) {
            return ErrorResponse(sealed.error());
        }
    }
    connection->updated_at = deps_.clock.Now();
    return Respond<Connection>(deps_.store.Update(*connection), 200, [this](const auto& c) {
        return boost::json::value(ConnectionToJson(
            c, deps_.registry.Find(c.platform), deps_.registry.Enabled(c.platform)));
    });
}

HttpResponse ConnectionsApi::Delete(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    connection->status = ConnectionStatus::kDisconnected;
    connection->credentials = {};
    connection->credential_fields.clear();
    connection->updated_at = deps_.clock.Now();
    auto updated = deps_.store.Update(*connection);
    if (!updated) {
        return ErrorResponse(updated.error());
    }
    return HttpResponse{204, "application/json", {}, ""};
}

void AddConnectionRoutes(Router& router,
                         const ConnectionsApi& api,
                         const TokenAuthenticator& auth) {
    const std::string collection = "/api/v1/sellers/{seller_id}/sales_channels";
    const std::string item = collection + "/{ssc_id}";
    auto bind = [&api, &auth](auto method) {
        return RequireAuth(auth, [&api, method](HttpRequest& r, const Principal& p) {
            return (api.*method)(r, p);
        });
    };
    router.Add("GET", "/api/v1/sales_channels", bind(&ConnectionsApi::Catalogue));
    router.Add("GET", collection, bind(&ConnectionsApi::List));
    router.Add("POST", collection, bind(&ConnectionsApi::Create));
    router.Add("GET", item, bind(&ConnectionsApi::Get));
    router.Add("PATCH", item, bind(&ConnectionsApi::Patch));
    router.Add("DELETE", item, bind(&ConnectionsApi::Delete));
}

}  // namespace scs
