#include "storage/push_inventory.hpp"

#include <array>

#include "storage/store_rows.hpp"

namespace scs {
namespace {

constexpr std::string_view kInsertItem =
    "INSERT INTO push_items (push_id, sku, hub_code, quantity, state) "
    "VALUES ($1, $2, $3, $4, 'queued') RETURNING id";

// A concurrent claim of the same SKU + hub makes this wait for the other transaction, then do
// nothing: the loser goes on to replace the winner's item.
constexpr std::string_view kClaimPending =
    "INSERT INTO inventory_pending (connection_id, sku, hub_code, item_id, push_id, quantity) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (connection_id, sku, hub_code) DO NOTHING "
    "RETURNING item_id";

constexpr std::string_view kReadPending =
    "SELECT item_id, push_id FROM inventory_pending "
    "WHERE connection_id = $1 AND sku = $2 AND hub_code = $3";

constexpr std::string_view kReplacePending =
    "UPDATE inventory_pending SET item_id = $4, push_id = $5, quantity = $6 "
    "WHERE connection_id = $1 AND sku = $2 AND hub_code = $3";

constexpr std::string_view kCoalesce =
    "UPDATE push_items SET state = 'coalesced', detail = $2 WHERE id = $1 AND state = 'queued'";

constexpr std::string_view kCountItems =
    "SELECT state, count(*) FROM push_items WHERE push_id = $1 GROUP BY state";

constexpr std::string_view kSetState =
    "UPDATE pushes SET state = $2, error_code = $3, error = $4, updated_at = $5, "
    "finished_at = $5 WHERE id = $1";

// A pending row can vanish between the claim and the read (settled by a concurrent push); the
// claim then succeeds on the next attempt.
constexpr int kClaimAttempts = 3;

// The item a pending row pointed to before a newer one took its place.
struct Replaced {
    int64_t item_id = 0;
    int64_t push_id = 0;
};

struct ItemCounts {
    std::array<int64_t, 5> by_state{};  // indexed by PushItemState

    int64_t Of(PushItemState state) const { return by_state.at(static_cast<size_t>(state)); }

    int64_t Total() const {
        int64_t total = 0;
        for (const int64_t count : by_state) {
            total += count;
        }
        return total;
    }
};

// One attempt at making `pending` the pending row.
struct Taken {
    bool vanished = false;             // the row to replace went away: try again
    std::optional<Replaced> replaced;  // nullopt: the row was claimed fresh
};

Result<Taken> TryTakePending(SqlSession& tx, const SqlParams& pending) {
    auto claimed = tx.Exec(kClaimPending, pending);
    if (!claimed) {
        return tl::unexpected(std::move(claimed.error()));
    }
    if (!claimed->empty()) {
        return Taken{};
    }
    auto rows = tx.Exec(std::string(kReadPending) + std::string(ForUpdate(tx)),
                        {pending.at(0), pending.at(1), pending.at(2)});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    if (rows->empty()) {
        return Taken{true, std::nullopt};
    }
    RowReader reader(rows->front(), "inventory_pending");
    const Replaced replaced{reader.Int(0, "item_id"), reader.Int(1, "push_id")};
    if (auto checked = reader.Check(); !checked) {
        return tl::unexpected(std::move(checked.error()));
    }
    auto updated = tx.Exec(kReplacePending, pending);
    if (!updated) {
        return tl::unexpected(std::move(updated.error()));
    }
    return Taken{false, replaced};
}

// The pending row's previous item, if any, after making `pending` the row.
Result<std::optional<Replaced>> TakePending(SqlSession& tx, const SqlParams& pending) {
    for (int attempt = 0; attempt < kClaimAttempts; ++attempt) {
        auto taken = TryTakePending(tx, pending);
        if (!taken) {
            return tl::unexpected(std::move(taken.error()));
        }
        if (!taken->vanished) {
            return taken->replaced;
        }
    }
    return Fail(ErrorCode::kConflict, "the pending item kept changing while it was replaced");
}

Status Coalesce(
    SqlSession& tx, const Replaced& replaced, int64_t item_id, int64_t push_id, TimePoint now) {
    const std::string detail = "superseded by item " + std::to_string(item_id) + " of push " +
                               std::to_string(push_id) + " before it was pushed";
    auto coalesced = tx.Exec(kCoalesce, {replaced.item_id, detail});
    if (!coalesced) {
        return tl::unexpected(std::move(coalesced.error()));
    }
    if (replaced.push_id == push_id) {
        return {};
    }
    return RecomputePushState(tx, replaced.push_id, now);
}

Status QueueItem(
    SqlSession& tx, int64_t connection_id, int64_t push_id, const PushItem& item, TimePoint now) {
    auto item_id = InsertedId(
        tx.Exec(kInsertItem, {push_id, item.sku, item.hub_code, item.quantity}), "push_items");
    if (!item_id) {
        return tl::unexpected(std::move(item_id.error()));
    }
    auto replaced =
        TakePending(tx, {connection_id, item.sku, item.hub_code, *item_id, push_id, item.quantity});
    if (!replaced) {
        return tl::unexpected(std::move(replaced.error()));
    }
    if (!*replaced) {
        return {};
    }
    return Coalesce(tx, **replaced, *item_id, push_id, now);
}

Result<ItemCounts> CountItems(SqlSession& tx, int64_t push_id) {
    auto rows = tx.Exec(kCountItems, {push_id});
    if (!rows) {
        return tl::unexpected(std::move(rows.error()));
    }
    ItemCounts counts;
    for (const SqlRow& row : *rows) {
        const auto state = ParsePushItemState(row.Text(0));
        if (!state || !row.Int(1)) {
            return Fail(ErrorCode::kInternal, "stored push_items.state is unknown");
        }
        counts.by_state.at(static_cast<size_t>(*state)) = *row.Int(1);
    }
    return counts;
}

// All coalesced counts as skipped rather than failed: nothing of it was attempted.
PushState FinalState(const ItemCounts& counts) {
    const int64_t failed = counts.Of(PushItemState::kFailed);
    const int64_t attempted = counts.Total() - counts.Of(PushItemState::kCoalesced);
    if (failed > 0 && failed == attempted) {
        return PushState::kFailed;
    }
    if (failed == 0 && counts.Of(PushItemState::kDone) == 0) {
        return PushState::kSkipped;
    }
    return PushState::kDone;
}

}  // namespace

Status QueueInventoryItems(SqlSession& tx,
                           int64_t connection_id,
                           int64_t push_id,
                           const std::vector<PushItem>& items,
                           TimePoint now) {
    for (const PushItem& item : items) {
        if (auto queued = QueueItem(tx, connection_id, push_id, item, now); !queued) {
            return queued;
        }
    }
    return {};
}

Status RecomputePushState(SqlSession& tx, int64_t push_id, TimePoint now) {
    auto counts = CountItems(tx, push_id);
    if (!counts) {
        return tl::unexpected(std::move(counts.error()));
    }
    if (counts->Of(PushItemState::kQueued) > 0) {
        return {};
    }
    const int64_t failed = counts->Of(PushItemState::kFailed);
    std::string error_code;
    std::string error;
    if (failed > 0) {
        error_code = "ITEMS_FAILED";
        error = std::to_string(failed) + " of " + std::to_string(counts->Total()) +
                " items failed; each failed item says why";
    }
    auto set = tx.Exec(kSetState,
                       {push_id,
                        std::string(PushStateName(FinalState(*counts))),
                        error_code,
                        error,
                        ToUnixMillis(now)});
    if (!set) {
        return tl::unexpected(std::move(set.error()));
    }
    return {};
}

}  // namespace scs
