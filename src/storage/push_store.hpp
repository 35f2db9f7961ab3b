#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "storage/sql.hpp"

// Writes back to the stores (DESIGN §4 "Push back"), migration 0007:
// - `pushes`: one record per accepted push request (inventory, fulfilment, status) with its state,
//   unique per connection + kind + idempotency key, so a repeated request finds the first record;
// - `push_items`: the lines of an inventory push, each with its own outcome;
// - `inventory_pending`: per connection + SKU + hub, the newest item not yet pushed (coalescing:
//   a newer item supersedes the pending one, which is settled as coalesced);
// - `inventory_ledger`: per connection + SKU + location, the quantity the store was last set to
//   (or seen holding), so a push that would not change the store is skipped.
// The functions taking an SqlSession run inside the caller's transaction.
namespace scs {

enum class PushKind { kInventory, kFulfillment, kStatus };
enum class PushState { kQueued, kRunning, kDone, kFailed, kSkipped };
enum class PushItemState { kQueued, kDone, kSkipped, kCoalesced, kFailed };

std::string_view PushKindName(PushKind kind);  // "inventory", "fulfillment", "status"
std::optional<PushKind> ParsePushKind(std::string_view name);
std::string_view PushStateName(
    PushState state);  // "queued", "running", "done", "failed", "skipped"
std::optional<PushState> ParsePushState(std::string_view name);
std::string_view PushItemStateName(PushItemState state);  // ... "coalesced", "failed"
std::optional<PushItemState> ParsePushItemState(std::string_view name);

// One line of an inventory push.
struct PushItem {
    int64_t id = 0;
    int64_t push_id = 0;
    std::string sku;
    std::string hub_code;
    int64_t quantity = 0;                    // as requested (before the safety stock)
    std::string location_id;                 // set when settled: the hub's platform location
    std::optional<int64_t> pushed_quantity;  // what the store was set to (done) or holds (skipped)
    PushItemState state = PushItemState::kQueued;
    std::string error_code;  // failed: e.g. HUB_MAPPING_NOT_FOUND, SKU_NOT_FOUND
    std::string detail;      // a sentence for operators (why skipped, coalesced or failed)

    bool operator==(const PushItem&) const = default;
};

struct PushRecord {
    int64_t id = 0;
    int64_t connection_id = 0;
    std::string seller_id;
    PushKind kind = PushKind::kInventory;
    PushState state = PushState::kQueued;
    std::string idempotency_key;    // client-supplied or derived; unique per connection + kind
    std::string order_external_id;  // fulfilment and status pushes
    std::string request_json;       // the accepted request, normalised
    std::string result_json;        // what the platform answered / the job recorded; "" before
    std::string error_code;         // failed: the API error code
    std::string error;              // failed (or the last retrying attempt's error)
    int64_t attempts = 0;
    TimePoint created_at{};
    TimePoint updated_at{};
    std::optional<TimePoint> finished_at;
    std::vector<PushItem> items;  // inventory pushes only, by id
};

struct CreatedPush {
    PushRecord record;
    bool created = true;  // false: a push with the same idempotency key existed (record is it)
};

// Inserts a queued push with its items (`record.items`, inventory pushes). When the connection
// already has a push of the same kind and idempotency key, writes nothing and returns that one.
// For an inventory push, each item becomes the pending item of its connection + SKU + hub; the
// item it replaces (still queued) is settled as coalesced with a detail naming the new push, and
// its push's state is recomputed.
[[nodiscard]] Result<CreatedPush> CreatePush(SqlSession& tx, PushRecord record, TimePoint now);

// kNotFound when the push does not exist or belongs to another connection. With items.
[[nodiscard]] Result<PushRecord> GetPush(SqlExecutor& executor,
                                         int64_t connection_id,
                                         int64_t push_id);

struct PushQuery {
    int64_t connection_id = 0;
    std::optional<PushKind> kind;
    std::optional<PushState> state;
    std::optional<int64_t> before_id;  // paging: pushes with a smaller id
    int limit = 50;                    // 1-200
};

// Newest first, with items.
[[nodiscard]] Result<std::vector<PushRecord>> ListPushes(SqlExecutor& executor,
                                                         const PushQuery& query);

// A fulfilment or status push starts an attempt: state running, attempts + 1.
[[nodiscard]] Status StartPush(SqlExecutor& executor, int64_t push_id, TimePoint now);

// Records progress of a running push without finishing it (e.g. the platform job to await, or
// that the platform call was made): replaces result_json, and error with `error` (may be "").
[[nodiscard]] Status NotePush(SqlExecutor& executor,
                              int64_t push_id,
                              std::string_view result_json,
                              std::string_view error,
                              TimePoint now);

// Ends a fulfilment or status push: done, failed (with an API error code) or skipped.
struct PushFinish {
    PushState state = PushState::kDone;
    std::string result_json;
    std::string error_code;
    std::string error;
};

[[nodiscard]] Status FinishPush(SqlExecutor& executor,
                                int64_t push_id,
                                const PushFinish& finish,
                                TimePoint now);

// An inventory item waiting to be pushed: the newest for its connection + SKU + hub.
struct PendingInventory {
    int64_t item_id = 0;
    int64_t push_id = 0;
    std::string sku;
    std::string hub_code;
    int64_t quantity = 0;

    bool operator==(const PendingInventory&) const = default;
};

// Up to `limit` pending items of the connection, oldest item first.
[[nodiscard]] Result<std::vector<PendingInventory>> LoadPendingInventory(SqlSession& session,
                                                                         int64_t connection_id,
                                                                         int limit);

// The ledger: what the store was last set to (or seen holding) per SKU + location.
struct LedgerEntry {
    int64_t connection_id = 0;
    std::string sku;
    std::string location_id;
    std::string inventory_item_id;
    int64_t quantity = 0;
    int64_t push_id = 0;  // the push that last set or confirmed it; 0 when only observed
    TimePoint updated_at{};

    bool operator==(const LedgerEntry&) const = default;
};

// The connection's ledger entries for the given SKUs (all locations).
[[nodiscard]] Result<std::vector<LedgerEntry>> LoadLedger(SqlSession& session,
                                                          int64_t connection_id,
                                                          const std::vector<std::string>& skus);

struct LedgerQuery {
    int64_t connection_id = 0;
    std::string sku;     // exact match; empty: all
    std::string cursor;  // opaque, from the previous page
    int limit = 50;      // 1-200
};

struct LedgerPage {
    std::vector<LedgerEntry> entries;  // ordered by (sku, location)
    std::string next_cursor;           // empty on the last page
};

// kBadRequest (field "cursor" or "limit") for a malformed cursor or limit.
[[nodiscard]] Result<LedgerPage> ListLedger(SqlExecutor& executor, const LedgerQuery& query);

// The outcome of one pending item after a push attempt.
struct ItemSettlement {
    int64_t item_id = 0;
    PushItemState state = PushItemState::kDone;  // done, skipped or failed
    std::string location_id;
    std::optional<int64_t> pushed_quantity;
    std::string error_code;
    std::string detail;
    // Written to the ledger (upsert, keyed by the item's SKU + location_id) when set: the
    // quantity the store now holds.
    std::optional<LedgerEntry> ledger;
};

// Inside one transaction: settles each item, removes it from inventory_pending unless a newer
// item replaced it meanwhile, writes its ledger entry, and recomputes the state of every push
// touched: still queued while any item is queued; otherwise failed when every item that was not
// coalesced failed, skipped when every item was skipped or coalesced, done otherwise (an item
// that failed says so on itself; the push's error_code/error then name how many failed), with
// finished_at = now.
[[nodiscard]] Status SettleInventoryItems(SqlSession& tx,
                                          int64_t connection_id,
                                          const std::vector<ItemSettlement>& settlements,
                                          TimePoint now);

}  // namespace scs
