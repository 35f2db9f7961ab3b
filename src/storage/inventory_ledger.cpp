// The pending-inventory, ledger and settlement functions of push_store.hpp.
#include <set>

#include "storage/push_inventory.hpp"
#include "storage/push_store.hpp"
#include "storage/store_paging.hpp"
#include "storage/store_rows.hpp"

namespace scs {
namespace {

constexpr std::string_view kLoadPending =
    "SELECT item_id, push_id, sku, hub_code, quantity FROM inventory_pending "
    "WHERE connection_id = $1 ORDER BY item_id LIMIT $2";

constexpr std::string_view kLedgerColumns =
    "connection_id, sku, location_id, inventory_item_id, quantity, push_id, updated_at";

// Only an item of the connection's own pushes can be settled.
constexpr std::string_view kSettleItem =
    "UPDATE push_items SET state = $3, location_id = $4, pushed_quantity = $5, error_code = $6, "
    "detail = $7 WHERE id = $1 AND push_id IN (SELECT id FROM pushes WHERE connection_id = $2) "
    "RETURNING push_id, sku, hub_code";

// A newer item that replaced this one meanwhile keeps its pending row.
constexpr std::string_view kUnpend =
    "DELETE FROM inventory_pending "
    "WHERE connection_id = $1 AND sku = $2 AND hub_code = $3 AND item_id = $4";

constexpr std::string_view kUpsertLedger =
    "INSERT INTO inventory_ledger (connection_id, sku, location_id, inventory_item_id, quantity, "
    "push_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (connection_id, sku, location_id) DO UPDATE SET "
    "inventory_item_id = excluded.inventory_item_id, quantity = excluded.quantity, "
    "push_id = excluded.push_id, updated_at = excluded.updated_at";

// Well under SQLite's and PostgreSQL's limits on parameters per statement.
constexpr size_t kSkusPerQuery = 500;

// The settled item as stored: whose push it is and which pending row it may hold.
struct SettledItem {
    int64_t push_id = 0;
    std::string sku;
    std::string hub_code;
};

std::string SelectLedger(std::string_view where) {
    return "SELECT " + std::string(kLedgerColumns) + " FROM inventory_ledger " + std::string(where);
}

Result<std::vector<LedgerEntry>> LedgerFromRows(Result<SqlRows> rows) {
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<LedgerEntry> entries;
    for (const SqlRow& row : *rows) {
        RowReader reader(row, "inventory_ledger");
        LedgerEntry entry{reader.Int(0, "connection_id"),
                          reader.Text(1),
                          reader.Text(2),
                          reader.Text(3),
                          reader.Int(4, "quantity"),
                          reader.Int(5, "push_id"),
                          reader.Time(6, "updated_at")};
        if (auto checked = reader.Check(); !checked) {
            return tl::unexpected(std::move(checked.error()));
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

Result<std::vector<PendingInventory>> PendingFromRows(Result<SqlRows> rows) {
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    std::vector<PendingInventory> pending;
    for (const SqlRow& row : *rows) {
        RowReader reader(row, "inventory_pending");
        PendingInventory item{reader.Int(0, "item_id"),
                              reader.Int(1, "push_id"),
                              reader.Text(2),
                              reader.Text(3),
                              reader.Int(4, "quantity")};
        if (auto checked = reader.Check(); !checked) {
            return tl::unexpected(std::move(checked.error()));
        }
        pending.push_back(std::move(item));
    }
    return pending;
}

// The ledger filter and keyset, numbered from $2 ($1 is the connection).
Result<std::string> LedgerWhere(const LedgerQuery& query, SqlParams& params) {
    params.emplace_back(query.connection_id);
    std::string where = "WHERE connection_id = $1";
    if (!query.sku.empty()) {
        params.emplace_back(query.sku);
        where += " AND sku = $" + std::to_string(params.size());
    }
    if (!query.cursor.empty()) {
        const auto key = DecodeTextKeyCursor(query.cursor);
        if (!key) {
            return FailField("cursor", "cursor: not a cursor this API returned");
        }
        params.emplace_back(key->first);
        const std::string sku = "$" + std::to_string(params.size());
        params.emplace_back(key->second);
        const std::string location = "$" + std::to_string(params.size());
        where +=
            " AND (sku > " + sku + " OR (sku = " + sku + " AND location_id > " + location + "))";
    }
    // One row more than asked tells whether another page follows.
    params.emplace_back(int64_t{query.limit} + 1);
    return where + " ORDER BY sku, location_id LIMIT $" + std::to_string(params.size());
}

Status CheckSettlement(const ItemSettlement& settlement) {
    if (settlement.state != PushItemState::kDone && settlement.state != PushItemState::kSkipped &&
        settlement.state != PushItemState::kFailed) {
        return FailField("state", "an item settles done, skipped or failed");
    }
    if (settlement.ledger && settlement.ledger->location_id.empty() &&
        settlement.location_id.empty()) {
        return FailField("location_id", "a ledger entry needs its location");
    }
    return {};
}

Result<SettledItem> SettleItem(SqlSession& tx,
                               int64_t connection_id,
                               const ItemSettlement& settlement) {
    auto rows = tx.Exec(kSettleItem,
                        {settlement.item_id,
                         connection_id,
                         std::string(PushItemStateName(settlement.state)),
                         settlement.location_id,
                         settlement.pushed_quantity ? SqlValue(*settlement.pushed_quantity)
                                                    : SqlValue(std::monostate{}),
                         settlement.error_code,
                         settlement.detail});
    if (auto found = ExpectOneRow(rows, "push item " + std::to_string(settlement.item_id));
        !found) {
        return tl::unexpected(std::move(found.error()));
    }
    RowReader reader(rows->front(), "push_items");
    SettledItem item{reader.Int(0, "push_id"), reader.Text(1), reader.Text(2)};
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    return item;
}

Status WriteLedger(SqlSession& tx,
                   int64_t connection_id,
                   const std::string& sku,
                   const ItemSettlement& settlement,
                   TimePoint now) {
    const LedgerEntry& entry = *settlement.ledger;
    const std::string& location =
        entry.location_id.empty() ? settlement.location_id : entry.location_id;
    auto written = tx.Exec(kUpsertLedger,
                           {connection_id,
                            sku,
                            location,
                            entry.inventory_item_id,
                            entry.quantity,
                            entry.push_id,
                            ToUnixMillis(now)});
    return written ? Status{} : tl::unexpected(std::move(written.error()));
}

// Settles one item; adds its push to `touched`.
Status SettleOne(SqlSession& tx,
                 int64_t connection_id,
                 const ItemSettlement& settlement,
                 TimePoint now,
                 std::set<int64_t>& touched) {
    if (auto checked = CheckSettlement(settlement); !checked) {
        return checked;
    }
    auto item = SettleItem(tx, connection_id, settlement);
    if (!item) {
        return tl::unexpected(std::move(item.error()));
    }
    touched.insert(item->push_id);
    auto unpended =
        tx.Exec(kUnpend, {connection_id, item->sku, item->hub_code, settlement.item_id});
    if (!unpended) {
        return tl::unexpected(std::move(unpended.error()));
    }
    if (!settlement.ledger) {
        return {};
    }
    return WriteLedger(tx, connection_id, item->sku, settlement, now);
}

}  // namespace

Result<std::vector<PendingInventory>> LoadPendingInventory(SqlSession& session,
                                                           int64_t connection_id,
                                                           int limit) {
    if (limit < 1) {
        return FailField("limit", "limit: at least 1");
    }
    return PendingFromRows(session.Exec(kLoadPending, {connection_id, int64_t{limit}}));
}

Result<std::vector<LedgerEntry>> LoadLedger(SqlSession& session,
                                            int64_t connection_id,
                                            const std::vector<std::string>& skus) {
    const std::set<std::string> distinct(skus.begin(), skus.end());
    std::vector<LedgerEntry> entries;
    for (const auto& chunk : Chunked({distinct.begin(), distinct.end()}, kSkusPerQuery)) {
        SqlParams params{connection_id};
        const std::string in_list = AppendInList(params, chunk);
        auto loaded =
            LedgerFromRows(session.Exec(SelectLedger("WHERE connection_id = $1 AND sku IN " +
                                                     in_list + " ORDER BY sku, location_id"),
                                        params));
        if (!loaded) {
            return tl::unexpected(std::move(loaded.error()));
        }
        entries.insert(entries.end(), loaded->begin(), loaded->end());
    }
    return entries;
}

Result<LedgerPage> ListLedger(SqlExecutor& executor, const LedgerQuery& query) {
    if (auto checked = CheckListLimit(query.limit); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    SqlParams params;
    auto where = LedgerWhere(query, params);
    if (!where) {
        return tl::unexpected(std::move(where.error()));
    }
    auto entries =
        TransactValue<std::vector<LedgerEntry>>(executor, TxMode::kRead, [&](SqlSession& session) {
            return LedgerFromRows(session.Exec(SelectLedger(*where), params));
        });
    if (!entries) {
        return tl::unexpected(std::move(entries.error()));
    }
    LedgerPage page;
    if (entries->size() > static_cast<size_t>(query.limit)) {
        entries->resize(static_cast<size_t>(query.limit));
        page.next_cursor = EncodeTextKeyCursor({entries->back().sku, entries->back().location_id});
    }
    page.entries = std::move(*entries);
    return page;
}

Status SettleInventoryItems(SqlSession& tx,
                            int64_t connection_id,
                            const std::vector<ItemSettlement>& settlements,
                            TimePoint now) {
    std::set<int64_t> touched;
    for (const ItemSettlement& settlement : settlements) {
        if (auto settled = SettleOne(tx, connection_id, settlement, now, touched); !settled) {
            return settled;
        }
    }
    for (const int64_t push_id : touched) {
        if (auto recomputed = RecomputePushState(tx, push_id, now); !recomputed) {
            return recomputed;
        }
    }
    return {};
}

}  // namespace scs
