#include "api/sync_api.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json/array.hpp>

#include "api/connections_api.hpp"
#include "api/json_body.hpp"
#include "api/path_params.hpp"
#include "api/sync_json.hpp"

namespace scs {
namespace {

constexpr int kDefaultRunLimit = 20;
constexpr int kMaxRunLimit = 200;

Result<std::optional<TimePoint>> ParseFrom(const std::optional<std::string>& text,
                                           const std::string& field) {
    if (!text || text->empty()) {
        return std::optional<TimePoint>();
    }
    auto parsed = ParseRfc3339(*text);
    if (!parsed) {
        return FailField(field, field + ": an RFC 3339 time, e.g. 2026-01-31T12:00:00Z");
    }
    return parsed;
}

Result<std::string> RequiredQuery(const HttpRequest& request, const std::string& name) {
    auto value = request.Query(name);
    if (!value || value->empty()) {
        return FailField(name, name + ": required (orders or products)");
    }
    return *value;
}

Result<int> ParseRunLimit(const HttpRequest& request) {
    const auto text = request.Query("limit");
    if (!text) {
        return kDefaultRunLimit;
    }
    const auto limit = ParsePositiveId(*text);
    if (!limit || *limit > kMaxRunLimit) {
        return FailField("limit",
                         "limit: a whole number from 1 to " + std::to_string(kMaxRunLimit));
    }
    return static_cast<int>(*limit);
}

// The seed trigger's query: sync_entity, sync_from_time (RFC 3339 or empty) and
// sync_from_type (only "updated_at": platforms page orders by their updated time).
Result<SyncRequest> SeedSyncRequest(const HttpRequest& request) {
    auto entity = RequiredQuery(request, "sync_entity");
    if (!entity) {
        return tl::unexpected(entity.error());
    }
    const auto type = request.Query("sync_from_type");
    if (type && !type->empty() && *type != "updated_at") {
        return FailField("sync_from_type",
                         "sync_from_type: only updated_at is supported, got '" + *type + "'");
    }
    auto from = ParseFrom(request.Query("sync_from_time"), "sync_from_time");
    if (!from) {
        return tl::unexpected(from.error());
    }
    return SyncRequest{*entity, *from, SyncTrigger::kManual};
}

Result<SyncRequest> BodySyncRequest(const HttpRequest& request) {
    auto body = ParseJsonObject(request.body);
    if (!body) {
        return tl::unexpected(body.error());
    }
    if (auto known = RejectUnknownKeys(*body, {"entity", "from"}, ""); !known) {
        return tl::unexpected(known.error());
    }
    auto entity = OptionalString(*body, "entity", "entity");
    if (!entity) {
        return tl::unexpected(entity.error());
    }
    if (!*entity || (*entity)->empty()) {
        return FailField("entity", "entity: required (orders or products)");
    }
    auto from_text = OptionalString(*body, "from", "from");
    if (!from_text) {
        return tl::unexpected(from_text.error());
    }
    auto from = ParseFrom(*from_text, "from");
    if (!from) {
        return tl::unexpected(from.error());
    }
    return SyncRequest{**entity, *from, SyncTrigger::kManual};
}

}  // namespace

Result<Connection> SyncApi::LoadVisible(const HttpRequest& request,
                                        const Principal& principal) const {
    return LoadVisibleConnection(deps_.connections, request, principal);
}

HttpResponse SyncApi::TriggerSeed(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    auto sync_request =
        connection.and_then([&](const Connection&) { return SeedSyncRequest(request); });
    auto triggered = sync_request.and_then(
        [&](const SyncRequest& r) { return deps_.sync.Trigger(*connection, r); });
    if (!triggered) {
        return ErrorResponse(triggered.error());
    }
    auto data = SyncStatusJson(triggered->status);
    data["run_id"] = triggered->run.id;
    return OkResponse(202, std::move(data));
}

HttpResponse SyncApi::Trigger(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    auto sync_request =
        connection.and_then([&](const Connection&) { return BodySyncRequest(request); });
    auto triggered = sync_request.and_then(
        [&](const SyncRequest& r) { return deps_.sync.Trigger(*connection, r); });
    if (!triggered) {
        return ErrorResponse(triggered.error());
    }
    return OkResponse(202,
                      boost::json::object{{"run", SyncRunJson(triggered->run)},
                                          {"status", SyncStatusJson(triggered->status)}});
}

HttpResponse SyncApi::GetStatus(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    auto entity =
        connection.and_then([&](const Connection&) { return RequiredQuery(request, "entity"); });
    auto status = entity.and_then(
        [&](const std::string& e) { return deps_.sync.ReadStatus(*connection, e); });
    if (!status) {
        return ErrorResponse(status.error());
    }
    return OkResponse(200, SyncStatusJson(*status));
}

HttpResponse SyncApi::ListRuns(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    auto limit = connection.and_then([&](const Connection&) { return ParseRunLimit(request); });
    auto runs = limit.and_then([&](int n) {
        return ListSyncRuns(
            deps_.executor, connection->id, request.Query("entity").value_or(""), n);
    });
    if (!runs) {
        return ErrorResponse(runs.error());
    }
    boost::json::array out;
    for (const SyncRun& run : *runs) {
        out.push_back(SyncRunJson(run));
    }
    return OkResponse(200, boost::json::object{{"runs", std::move(out)}});
}

HttpResponse SyncApi::GetRun(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisible(request, principal);
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    const auto run_id = ParsePositiveId(request.path_params.at("run_id"));
    if (!run_id) {
        return ErrorResponse(ErrorCode::kNotFound, "no such sync run");
    }
    auto run = GetSyncRun(deps_.executor, connection->id, *run_id);
    if (!run) {
        return ErrorResponse(run.error());
    }
    return OkResponse(200, SyncRunJson(*run));
}

void AddSyncRoutes(Router& router, const SyncApi& api, const TokenAuthenticator& auth) {
    const std::string base = "/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}";
    auto bind = [&api,
                 &auth](HttpResponse (SyncApi::*method)(HttpRequest&, const Principal&) const) {
        return RequireAuth(auth, [&api, method](HttpRequest& r, const Principal& p) {
            return (api.*method)(r, p);
        });
    };
    router.Add("GET",
               "/api/v1/sales_channels/sellers/{seller_id}/sales_channels/{ssc_id}/sync_products",
               bind(&SyncApi::TriggerSeed));
    router.Add("POST", base + "/syncs", bind(&SyncApi::Trigger));
    router.Add("GET", base + "/sync_status", bind(&SyncApi::GetStatus));
    router.Add("GET", base + "/syncs", bind(&SyncApi::ListRuns));
    router.Add("GET", base + "/syncs/{run_id}", bind(&SyncApi::GetRun));
}

}  // namespace scs
