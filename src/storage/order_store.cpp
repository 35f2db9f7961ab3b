#include "storage/order_store.hpp"

#include "storage/page_cursor.hpp"
#include "storage/store_rows.hpp"

namespace scs {
namespace {

// The columns every read returns, in the order OrderFromRow expects.
constexpr std::string_view kColumns =
    "id, seller_id, connection_id, external_id, version, updated_at, stored_at, body";

// A concurrent insert of the same order makes this wait for the other transaction, then do
// nothing: the loser goes on to the locked read below. No conflict target: the id is derived
// from the connection and external id, so the primary key and the (connection_id, external_id)
// key name the same order, and PostgreSQL may find either violated first under concurrency (an
// arbiter limited to one of them let the other surface as a unique-violation error).
constexpr std::string_view kInsert =
    "INSERT INTO orders (id, seller_id, connection_id, external_id, version, content_hash, "
    "updated_at, stored_at, body) VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8) "
    "ON CONFLICT DO NOTHING RETURNING version";

constexpr std::string_view kReadStored =
    "SELECT version, content_hash, updated_at, stored_at FROM orders "
    "WHERE connection_id = $1 AND external_id = $2";

constexpr std::string_view kUpdate =
    "UPDATE orders SET version = $3, content_hash = $4, updated_at = $5, stored_at = $6, "
    "body = $7 WHERE connection_id = $1 AND external_id = $2";

enum Column : size_t {
    kId,
    kSellerId,
    kConnectionId,
    kExternalId,
    kVersion,
    kUpdatedAt,
    kStoredAt,
    kBody,
};

// What an upsert compares against: the stored version of the order.
struct StoredState {
    int64_t version = 0;
    std::string content_hash;
    TimePoint updated_at{};
    TimePoint stored_at{};
};

std::string Select(std::string_view where) {
    return "SELECT " + std::string(kColumns) + " FROM orders " + std::string(where);
}

Result<StoredOrder> OrderFromRow(const SqlRow& row) {
    RowReader reader(row, "orders");
    StoredOrder order;
    order.id = reader.Text(kId);
    order.seller_id = reader.Text(kSellerId);
    order.connection_id = reader.Int(kConnectionId, "connection_id");
    order.external_id = reader.Text(kExternalId);
    order.version = reader.Int(kVersion, "version");
    order.updated_at = reader.Time(kUpdatedAt, "updated_at");
    order.stored_at = reader.Time(kStoredAt, "stored_at");
    order.body_json = reader.Text(kBody);
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return order;
}

Result<std::vector<StoredOrder>> OrdersFromRows(Result<SqlRows> rows) {
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<StoredOrder> orders;
    orders.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        auto order = OrderFromRow(row);
        if (!order) {
            return tl::unexpected(std::move(order.error()));
        }
        orders.push_back(std::move(*order));
    }
    return orders;
}

Result<std::optional<StoredOrder>> FirstOrder(Result<SqlRows> rows) {
    auto orders = OrdersFromRows(std::move(rows));
    if (!orders) {
        return tl::unexpected(std::move(orders.error()));
    }
    if (orders->empty()) {
        return std::optional<StoredOrder>();
    }
    return std::optional<StoredOrder>(std::move(orders->front()));
}

Status CheckIdentity(const Order& order) {
    if (order.id.empty() || order.seller_id.empty() || order.seller_sales_channel_id <= 0 ||
        order.external_id.empty()) {
        return Fail(ErrorCode::kBadRequest,
                    "an order to store needs its id, seller_id, connection and external_id");
    }
    return {};
}

// On PostgreSQL the row lock makes concurrent upserts of one order take turns, so each sees
// the version the previous one committed.
Result<StoredState> ReadStoredLocked(SqlSession& tx, const Order& order) {
    auto rows = tx.Exec(std::string(kReadStored) + std::string(ForUpdate(tx)),
                        {order.seller_sales_channel_id, order.external_id});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return Fail(ErrorCode::kInternal, "order " + order.id + " vanished during its upsert");
    }
    RowReader reader(rows->front(), "orders");
    StoredState state{reader.Int(0, "version"),
                      reader.Text(1),
                      reader.Time(2, "updated_at"),
                      reader.Time(3, "stored_at")};
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return state;
}

Result<bool> TryInsert(SqlSession& tx,
                       const Order& order,
                       std::string_view hash,
                       std::string body) {
    auto rows = tx.Exec(kInsert,
                        {order.id,
                         order.seller_id,
                         order.seller_sales_channel_id,
                         order.external_id,
                         std::string(hash),
                         ToUnixMillis(order.updated_at),
                         ToUnixMillis(*order.received_at),
                         std::move(body)});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    return !rows->empty();
}

Result<UpsertOutcome> UpdateExisting(
    SqlSession& tx, Order order, std::string_view hash, TimePoint now, const OrderJsonFn& to_json) {
    auto stored = ReadStoredLocked(tx, order);
    if (!stored) {
        return tl::unexpected(std::move(stored.error()));
    }
    if (order.updated_at < stored->updated_at) {
        return UpsertOutcome{UpsertResult::kStale, stored->version, stored->stored_at, {}};
    }
    if (stored->content_hash == hash) {
        return UpsertOutcome{UpsertResult::kUnchanged, stored->version, stored->stored_at, {}};
    }
    order.version = stored->version + 1;
    order.received_at = now;
    std::string body = to_json(order);
    auto updated = tx.Exec(kUpdate,
                           {order.seller_sales_channel_id,
                            order.external_id,
                            order.version,
                            std::string(hash),
                            ToUnixMillis(order.updated_at),
                            ToUnixMillis(now),
                            body});
    if (!updated) {
        return tl::unexpected(std::move(updated.error()));
    }
    return UpsertOutcome{UpsertResult::kUpdated, order.version, now, std::move(body)};
}

// The keyset and filter conditions of a listing, numbered from $2 ($1 is the seller).
struct ListFilter {
    std::string where = "WHERE seller_id = $1";
    SqlParams params;
};

void AddCondition(ListFilter& filter, std::string_view condition, SqlValue value) {
    filter.params.push_back(std::move(value));
    const std::string placeholder = "$" + std::to_string(filter.params.size());
    std::string text(condition);
    for (auto at = text.find('?'); at != std::string::npos; at = text.find('?', at)) {
        text.replace(at, 1, placeholder);
    }
    filter.where += " AND " + text;
}

Result<ListFilter> BuildListFilter(const OrderListQuery& query) {
    ListFilter filter;
    filter.params.emplace_back(query.seller_id);
    if (query.connection_id) {
        AddCondition(filter, "connection_id = ?", *query.connection_id);
    }
    if (query.updated_since) {
        AddCondition(filter, "stored_at >= ?", ToUnixMillis(*query.updated_since));
    }
    if (!query.cursor.empty()) {
        const auto key = DecodePageCursor(query.cursor);
        if (!key) {
            return FailField("cursor", "cursor: not a cursor this API returned");
        }
        AddCondition(filter, "stored_at >= ?", ToUnixMillis(key->stored_at));
        AddCondition(filter,
                     "(stored_at > $" + std::to_string(filter.params.size()) + " OR id > ?)",
                     key->id);
    }
    return filter;
}

}  // namespace

std::string_view UpsertResultName(UpsertResult result) {
    switch (result) {
        case UpsertResult::kCreated:
            return "created";
        case UpsertResult::kUpdated:
            return "updated";
        case UpsertResult::kUnchanged:
            return "unchanged";
        case UpsertResult::kStale:
            return "stale";
    }
    return "unknown";
}

Result<UpsertOutcome> UpsertOrder(SqlSession& tx,
                                  Order order,
                                  std::string_view content_hash,
                                  TimePoint now,
                                  const OrderJsonFn& to_json) {
    if (auto checked = CheckIdentity(order); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    order.version = 1;
    order.received_at = now;
    std::string body = to_json(order);
    auto inserted = TryInsert(tx, order, content_hash, body);
    if (!inserted) {
        return tl::unexpected(std::move(inserted.error()));
    }
    if (*inserted) {
        return UpsertOutcome{UpsertResult::kCreated, 1, now, std::move(body)};
    }
    return UpdateExisting(tx, std::move(order), content_hash, now, to_json);
}

Result<std::optional<StoredOrder>> GetOrder(SqlExecutor& executor,
                                            std::string_view seller_id,
                                            std::string_view order_id) {
    return TransactValue<std::optional<StoredOrder>>(
        executor, TxMode::kRead, [&](SqlSession& session) {
            return FirstOrder(session.Exec(Select("WHERE id = $1 AND seller_id = $2"),
                                           {std::string(order_id), std::string(seller_id)}));
        });
}

Result<std::optional<StoredOrder>> FindOrderByExternalId(SqlSession& session,
                                                         int64_t connection_id,
                                                         std::string_view external_id) {
    return FirstOrder(session.Exec(Select("WHERE connection_id = $1 AND external_id = $2"),
                                   {connection_id, std::string(external_id)}));
}

Result<StoredOrderPage> ListOrders(SqlExecutor& executor, const OrderListQuery& query) {
    if (auto checked = CheckListLimit(query.limit); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    auto filter = BuildListFilter(query);
    if (!filter) {
        return tl::unexpected(std::move(filter.error()));
    }
    // One row more than asked tells whether another page follows.
    filter->params.emplace_back(int64_t{query.limit} + 1);
    const std::string sql = Select(filter->where + " ORDER BY stored_at, id LIMIT $" +
                                   std::to_string(filter->params.size()));
    auto orders =
        TransactValue<std::vector<StoredOrder>>(executor, TxMode::kRead, [&](SqlSession& session) {
            return OrdersFromRows(session.Exec(sql, filter->params));
        });
    if (!orders) {
        return tl::unexpected(std::move(orders.error()));
    }
    StoredOrderPage page;
    if (orders->size() > static_cast<size_t>(query.limit)) {
        orders->resize(static_cast<size_t>(query.limit));
        page.next_cursor = EncodePageCursor({orders->back().stored_at, orders->back().id});
    }
    page.orders = std::move(*orders);
    return page;
}

}  // namespace scs
