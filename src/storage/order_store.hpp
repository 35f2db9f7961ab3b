#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/order.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// Canonical orders as published to the OMS (table `orders`, migration 0006). One row per
// connection + external id. The functions taking an SqlSession run inside the caller's write
// transaction, so an upsert commits together with its outbox row and the sync checkpoint.
namespace scs {

enum class UpsertResult {
    kCreated,    // first time this order is seen: version 1
    kUpdated,    // canonical content changed: version + 1
    kUnchanged,  // same content hash: nothing written, no new version
    kStale,      // the stored order has a later platform updated_at: nothing written
};

std::string_view UpsertResultName(UpsertResult result);

struct UpsertOutcome {
    UpsertResult result = UpsertResult::kUnchanged;
    int64_t version = 0;      // the stored version after the call
    TimePoint received_at{};  // when the service first stored that version
    std::string body_json;    // kCreated/kUpdated: the stored canonical JSON; else empty
};

// Stores `order` (its id, seller, connection and external id must be set) when it is new, or
// when its content hash differs from the stored one and its updated_at is not older than the
// stored updated_at; otherwise writes nothing. The stored body is `to_json` of the order with
// the new version and received_at filled in (the canonical JSON, OrderToJson), and is returned in
// the outcome for the outbox row.
using OrderJsonFn = std::function<std::string(const Order&)>;

[[nodiscard]] Result<UpsertOutcome> UpsertOrder(SqlSession& tx,
                                                Order order,
                                                std::string_view content_hash,
                                                TimePoint now,
                                                const OrderJsonFn& to_json);

// An order as the API and the OMS see it.
struct StoredOrder {
    std::string id;
    std::string seller_id;
    int64_t connection_id = 0;
    std::string external_id;
    int64_t version = 0;
    TimePoint updated_at{};  // the platform's updated time
    TimePoint stored_at{};   // when this version was stored (received_at)
    std::string body_json;   // the canonical order JSON (order.v1)
};

[[nodiscard]] Result<std::optional<StoredOrder>> GetOrder(SqlExecutor& executor,
                                                          std::string_view seller_id,
                                                          std::string_view order_id);

// A connection's order by platform id (webhook processing, reconciliation counting).
[[nodiscard]] Result<std::optional<StoredOrder>> FindOrderByExternalId(
    SqlSession& session, int64_t connection_id, std::string_view external_id);

struct OrderListQuery {
    std::string seller_id;
    std::optional<int64_t> connection_id;
    std::optional<TimePoint> updated_since;  // stored_at >= this
    std::string cursor;                      // opaque, from the previous page
    int limit = 50;                          // 1-200
};

struct StoredOrderPage {
    std::vector<StoredOrder> orders;  // ordered by (stored_at, id)
    std::string next_cursor;          // empty on the last page
};

// kBadRequest (field "cursor" or "limit") for a malformed cursor or limit.
[[nodiscard]] Result<StoredOrderPage> ListOrders(SqlExecutor& executor,
                                                 const OrderListQuery& query);

}  // namespace scs
