#include "api/webhook_events_api.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "api/connections_api.hpp"
#include "api/path_params.hpp"
#include "storage/webhook_event_store.hpp"

namespace scs {
namespace {

Result<std::optional<int64_t>> PositiveQuery(const HttpRequest& request, const std::string& name) {
    const auto text = request.Query(name);
    if (!text) {
        return std::optional<int64_t>();
    }
    const auto value = ParsePositiveId(*text);
    if (!value) {
        return FailField(name, name + ": a positive whole number");
    }
    return value;
}

Status ReadQuery(const HttpRequest& request, WebhookEventQuery& query) {
    auto connection = PositiveQuery(request, "ssc_id");
    auto before = PositiveQuery(request, "before_id");
    auto limit = PositiveQuery(request, "limit");
    if (!connection || !before || !limit) {
        return tl::unexpected(!connection ? connection.error()
                              : !before   ? before.error()
                                          : limit.error());
    }
    query.connection_id = *connection;
    query.before_id = *before;
    if (*limit) {
        if (**limit > 200) {
            return FailField("limit", "limit: a whole number from 1 to 200");
        }
        query.limit = static_cast<int>(**limit);
    }
    if (const auto status = request.Query("status")) {
        query.status = ParseWebhookEventStatus(*status);
        if (!query.status) {
            return FailField("status", "status: one of received, processed, ignored, failed");
        }
    }
    return {};
}

bool IsSignatureHeader(std::string_view name) {
    std::string lower(name);
    for (auto& ch : lower) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return lower.find("hmac") != std::string::npos || lower.find("signature") != std::string::npos;
}

// The stored headers without any signature header, should one ever have been stored.
boost::json::object SafeHeaders(const std::string& headers_json) {
    boost::system::error_code ec;
    auto parsed = boost::json::parse(headers_json, ec);
    boost::json::object headers;
    if (ec || !parsed.is_object()) {
        return headers;
    }
    for (const auto& [name, value] : parsed.as_object()) {
        if (!IsSignatureHeader(name)) {
            headers.emplace(name, value);
        }
    }
    return headers;
}

boost::json::value OptionalTime(const std::optional<TimePoint>& time) {
    return time ? boost::json::value(FormatRfc3339(*time)) : boost::json::value(nullptr);
}

boost::json::object EventJson(const WebhookEvent& event) {
    return boost::json::object{
        {"id", event.id},
        {"platform", event.platform},
        {"ssc_id", event.connection_id},
        {"topic", event.topic},
        {"dedup_key", event.dedup_key},
        {"headers", SafeHeaders(event.headers_json)},
        {"body", event.body},
        {"triggered_at", OptionalTime(event.triggered_at)},
        {"received_at", FormatRfc3339(event.received_at)},
        {"status", WebhookEventStatusName(event.status)},
        {"error", event.error},
        {"attempts", event.attempts},
        {"processed_at", OptionalTime(event.processed_at)},
    };
}

HttpResponse AdminOnly() {
    return ErrorResponse(ErrorCode::kAuthorization, "webhook events need the admin token");
}

Result<int64_t> EventIdFromPath(const HttpRequest& request) {
    const auto id = ParsePositiveId(request.path_params.at("id"));
    if (!id) {
        return Fail(ErrorCode::kNotFound, "no such webhook event");
    }
    return *id;
}

}  // namespace

HttpResponse WebhookEventsApi::List(HttpRequest& request, const Principal& principal) const {
    if (!principal.admin) {
        return AdminOnly();
    }
    WebhookEventQuery query;
    if (auto read = ReadQuery(request, query); !read) {
        return ErrorResponse(read.error());
    }
    auto events = ListWebhookEvents(deps_.executor, query);
    if (!events) {
        return ErrorResponse(events.error());
    }
    boost::json::array items;
    for (const auto& event : *events) {
        items.push_back(EventJson(event));
    }
    // A full page may have more behind it: the next page is before the last id.
    boost::json::value next = nullptr;
    if (events->size() == static_cast<size_t>(query.limit)) {
        next = events->back().id;
    }
    return OkResponse(
        200, boost::json::object{{"webhook_events", std::move(items)}, {"next_before_id", next}});
}

HttpResponse WebhookEventsApi::Get(HttpRequest& request, const Principal& principal) const {
    if (!principal.admin) {
        return AdminOnly();
    }
    auto id = EventIdFromPath(request);
    if (!id) {
        return ErrorResponse(id.error());
    }
    auto event = GetWebhookEvent(deps_.executor, *id);
    if (!event) {
        return ErrorResponse(event.error());
    }
    return OkResponse(200, EventJson(*event));
}

HttpResponse WebhookEventsApi::Replay(HttpRequest& request, const Principal& principal) const {
    if (!principal.admin) {
        return AdminOnly();
    }
    auto id = EventIdFromPath(request);
    if (!id) {
        return ErrorResponse(id.error());
    }
    auto event = GetWebhookEvent(deps_.executor, *id);
    if (!event) {
        return ErrorResponse(event.error());
    }
    if (auto replayed = deps_.replay(*id); !replayed) {
        return ErrorResponse(replayed.error());
    }
    return OkResponse(202, boost::json::object{{"id", *id}, {"replayed", true}});
}

void AddWebhookEventRoutes(Router& router,
                           const WebhookEventsApi& api,
                           const TokenAuthenticator& auth) {
    router.Add(
        "GET",
        "/api/v1/webhook_events",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.List(r, p); }));
    router.Add(
        "GET",
        "/api/v1/webhook_events/{id}",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.Get(r, p); }));
    router.Add(
        "POST",
        "/api/v1/webhook_events/{id}/replay",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.Replay(r, p); }));
}

}  // namespace scs
