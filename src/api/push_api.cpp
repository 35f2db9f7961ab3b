#include "api/push_api.hpp"

#include <boost/json/array.hpp>

#include "api/connections_api.hpp"
#include "api/path_params.hpp"
#include "api/push_json.hpp"
#include "storage/listing_store.hpp"
#include "storage/order_store.hpp"
#include "storage/push_store.hpp"

namespace scs {
namespace {

namespace json = boost::json;

constexpr int64_t kMaxLimit = 200;
constexpr int kDefaultLimit = 50;

Result<int> ParseLimit(const HttpRequest& request) {
    const auto text = request.Query("limit");
    if (!text) {
        return kDefaultLimit;
    }
    const auto limit = ParsePositiveId(*text);
    if (!limit || *limit > kMaxLimit) {
        return FailField("limit", "limit: a whole number from 1 to 200");
    }
    return static_cast<int>(*limit);
}

// The client's Idempotency-Key header, validated; "" when absent.
Result<std::string> IdempotencyKey(const HttpRequest& request) {
    const auto key = request.Header("Idempotency-Key");
    if (!key) {
        return std::string();
    }
    if (auto valid = ValidateIdempotencyKey(*key); !valid) {
        return tl::unexpected(valid.error());
    }
    return std::string(*key);
}

HttpResponse Accepted(const Result<CreatedPush>& created) {
    if (!created) {
        return ErrorResponse(created.error());
    }
    return OkResponse(
        created->created ? 202 : 200,
        json::object{{"push", PushJson(created->record)}, {"duplicate", !created->created}});
}

Result<PushQuery> ReadPushQuery(const HttpRequest& request, int64_t connection_id) {
    PushQuery query;
    query.connection_id = connection_id;
    if (const auto kind = request.Query("kind"); kind && !kind->empty()) {
        query.kind = ParsePushKind(*kind);
        if (!query.kind) {
            return FailField("kind", "kind: inventory, fulfillment or status");
        }
    }
    if (const auto state = request.Query("state"); state && !state->empty()) {
        query.state = ParsePushState(*state);
        if (!query.state) {
            return FailField("state", "state: queued, running, done, failed or skipped");
        }
    }
    if (const auto before = request.Query("before_id"); before && !before->empty()) {
        query.before_id = ParsePositiveId(*before);
        if (!query.before_id) {
            return FailField("before_id", "before_id: a push id");
        }
    }
    auto limit = ParseLimit(request);
    if (!limit) {
        return tl::unexpected(limit.error());
    }
    query.limit = *limit;
    return query;
}

}  // namespace

Result<Connection> PushApi::LoadOrderConnection(const HttpRequest& request,
                                                const Principal& principal) const {
    auto connection = LoadVisibleConnection(deps_.connections, request, principal);
    if (!connection) {
        return connection;
    }
    const std::string& external_id = request.path_params.at("external_id");
    auto order = TransactValue<std::optional<StoredOrder>>(
        deps_.executor, TxMode::kRead, [&](SqlSession& session) {
            return FindOrderByExternalId(session, connection->id, external_id);
        });
    if (!order) {
        return tl::unexpected(order.error());
    }
    if (!*order) {
        return Fail(ErrorCode::kNotFound,
                    "no order " + external_id + " on this sales channel (sync it first)");
    }
    return connection;
}

HttpResponse PushApi::PushInventory(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisibleConnection(deps_.connections, request, principal);
    auto body =
        connection.and_then([&](const Connection&) { return ReadInventoryPush(request.body); });
    auto key = body.and_then([&](const InventoryPushRequest&) { return IdempotencyKey(request); });
    if (!key) {
        return ErrorResponse(key.error());
    }
    body->idempotency_key = *key;
    return Accepted(deps_.push.EnqueueInventory(*connection, *body));
}

HttpResponse PushApi::Fulfil(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadOrderConnection(request, principal);
    auto body =
        connection.and_then([&](const Connection&) { return ReadFulfillmentPush(request.body); });
    auto key =
        body.and_then([&](const FulfillmentPushRequest&) { return IdempotencyKey(request); });
    if (!key) {
        return ErrorResponse(key.error());
    }
    body->idempotency_key = *key;
    body->order_external_id = request.path_params.at("external_id");
    return Accepted(deps_.push.EnqueueFulfillment(*connection, *body));
}

HttpResponse PushApi::ChangeStatus(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadOrderConnection(request, principal);
    auto body =
        connection.and_then([&](const Connection&) { return ReadStatusPush(request.body); });
    auto key = body.and_then([&](const StatusPushRequest&) { return IdempotencyKey(request); });
    if (!key) {
        return ErrorResponse(key.error());
    }
    body->idempotency_key = *key;
    body->order_external_id = request.path_params.at("external_id");
    return Accepted(deps_.push.EnqueueStatus(*connection, *body));
}

HttpResponse PushApi::ListLedger(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisibleConnection(deps_.connections, request, principal);
    auto limit = connection.and_then([&](const Connection&) { return ParseLimit(request); });
    auto page = limit.and_then([&](int n) {
        return scs::ListLedger(deps_.executor,
                               LedgerQuery{connection->id,
                                           request.Query("sku").value_or(""),
                                           request.Query("cursor").value_or(""),
                                           n});
    });
    if (!page) {
        return ErrorResponse(page.error());
    }
    json::array entries;
    for (const auto& entry : page->entries) {
        entries.push_back(LedgerEntryJson(entry));
    }
    return OkResponse(200,
                      json::object{{"entries", std::move(entries)},
                                   {"next_cursor",
                                    page->next_cursor.empty() ? json::value(nullptr)
                                                              : json::value(page->next_cursor)}});
}

HttpResponse PushApi::ListListings(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisibleConnection(deps_.connections, request, principal);
    auto limit = connection.and_then([&](const Connection&) { return ParseLimit(request); });
    auto page = limit.and_then([&](int n) {
        return scs::ListListings(deps_.executor,
                                 ListingQuery{connection->id,
                                              request.Query("sku").value_or(""),
                                              request.Query("cursor").value_or(""),
                                              n});
    });
    if (!page) {
        return ErrorResponse(page.error());
    }
    json::array listings;
    for (const auto& listing : page->listings) {
        listings.push_back(ListingJson(listing));
    }
    return OkResponse(200,
                      json::object{{"listings", std::move(listings)},
                                   {"next_cursor",
                                    page->next_cursor.empty() ? json::value(nullptr)
                                                              : json::value(page->next_cursor)}});
}

HttpResponse PushApi::ListPushes(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisibleConnection(deps_.connections, request, principal);
    auto query =
        connection.and_then([&](const Connection& c) { return ReadPushQuery(request, c.id); });
    auto pushes =
        query.and_then([&](const PushQuery& q) { return scs::ListPushes(deps_.executor, q); });
    if (!pushes) {
        return ErrorResponse(pushes.error());
    }
    json::array out;
    for (const auto& push : *pushes) {
        out.push_back(PushJson(push));
    }
    const bool more = static_cast<int>(pushes->size()) == query->limit && !pushes->empty();
    return OkResponse(200,
                      json::object{{"pushes", std::move(out)},
                                   {"next_before_id",
                                    more ? json::value(pushes->back().id) : json::value(nullptr)}});
}

HttpResponse PushApi::GetPush(HttpRequest& request, const Principal& principal) const {
    auto connection = LoadVisibleConnection(deps_.connections, request, principal);
    if (!connection) {
        return ErrorResponse(connection.error());
    }
    const auto push_id = ParsePositiveId(request.path_params.at("push_id"));
    if (!push_id) {
        return ErrorResponse(ErrorCode::kNotFound, "no such push");
    }
    auto push = scs::GetPush(deps_.executor, connection->id, *push_id);
    if (!push) {
        return ErrorResponse(push.error());
    }
    return OkResponse(200, PushJson(*push));
}

void AddPushRoutes(Router& router, const PushApi& api, const TokenAuthenticator& auth) {
    const std::string base = "/api/v1/sellers/{seller_id}/sales_channels/{ssc_id}";
    auto bind = [&api,
                 &auth](HttpResponse (PushApi::*method)(HttpRequest&, const Principal&) const) {
        return RequireAuth(auth, [&api, method](HttpRequest& r, const Principal& p) {
            return (api.*method)(r, p);
        });
    };
    router.Add("POST", base + "/inventory", bind(&PushApi::PushInventory));
    router.Add("GET", base + "/inventory", bind(&PushApi::ListLedger));
    router.Add("GET", base + "/listings", bind(&PushApi::ListListings));
    router.Add("POST", base + "/orders/{external_id}/fulfillments", bind(&PushApi::Fulfil));
    router.Add("POST", base + "/orders/{external_id}/status", bind(&PushApi::ChangeStatus));
    router.Add("GET", base + "/pushes", bind(&PushApi::ListPushes));
    router.Add("GET", base + "/pushes/{push_id}", bind(&PushApi::GetPush));
}

}  // namespace scs
