#include <gtest/gtest.h>

#include "push_fixture.hpp"
#include "storage/push_store.hpp"

namespace scs::testing {
namespace {

// Pending inventory (coalescing), settlement and the ledger of migration 0007.
class InventoryPushTest : public MigratedStoreTest {
protected:
    std::vector<PendingInventory> Pending(int64_t connection_id, int limit = 50) {
        auto pending = Write<std::vector<PendingInventory>>(
            [&](SqlSession& tx) { return LoadPendingInventory(tx, connection_id, limit); });
        EXPECT_TRUE(pending) << pending.error().message;
        return pending.value_or(std::vector<PendingInventory>{});
    }

    Status Settle(int64_t connection_id,
                  const std::vector<ItemSettlement>& settlements,
                  int64_t at_millis) {
        return Executor().Transact(TxMode::kWrite, [&](SqlSession& tx) {
            return SettleInventoryItems(tx, connection_id, settlements, FromUnixMillis(at_millis));
        });
    }

    std::vector<LedgerEntry> Ledger(int64_t connection_id, const std::vector<std::string>& skus) {
        auto entries = Write<std::vector<LedgerEntry>>(
            [&](SqlSession& tx) { return LoadLedger(tx, connection_id, skus); });
        EXPECT_TRUE(entries) << entries.error().message;
        return entries.value_or(std::vector<LedgerEntry>{});
    }
};

ItemSettlement Done(int64_t item_id, const std::string& location, int64_t quantity) {
    ItemSettlement settlement;
    settlement.item_id = item_id;
    settlement.state = PushItemState::kDone;
    settlement.location_id = location;
    settlement.pushed_quantity = quantity;
    LedgerEntry ledger;
    ledger.location_id = location;
    ledger.inventory_item_id = "inv-" + std::to_string(item_id);
    ledger.quantity = quantity;
    settlement.ledger = ledger;
    return settlement;
}

ItemSettlement Failed(int64_t item_id, const std::string& code) {
    ItemSettlement settlement;
    settlement.item_id = item_id;
    settlement.state = PushItemState::kFailed;
    settlement.error_code = code;
    settlement.detail = "hub h9 has no location";
    return settlement;
}

ItemSettlement Skipped(int64_t item_id, const std::string& location, int64_t holds) {
    ItemSettlement settlement;
    settlement.item_id = item_id;
    settlement.state = PushItemState::kSkipped;
    settlement.location_id = location;
    settlement.pushed_quantity = holds;
    settlement.detail = "the store already holds it";
    return settlement;
}

TEST_P(InventoryPushTest, NewItemsQueueAsPendingOldestFirst) {
    const PushRecord push =
        CreateOk(MakeInventoryPush(7, "p1", {MakeItem("A", "h1", 5), MakeItem("B", "h1", 3)}));
    ASSERT_EQ(push.items.size(), 2U);
    EXPECT_EQ(push.items[0].state, PushItemState::kQueued);
    EXPECT_EQ(push.items[0].push_id, push.id);
    EXPECT_FALSE(push.items[0].pushed_quantity.has_value());
    CreateOk(MakeInventoryPush(8, "p1", {MakeItem("A", "h1", 1)}));  // another connection
    EXPECT_EQ(Pending(7),
              (std::vector<PendingInventory>{{push.items[0].id, push.id, "A", "h1", 5},
                                             {push.items[1].id, push.id, "B", "h1", 3}}));
    EXPECT_EQ(Pending(7, 1).size(), 1U);
    auto bad = Write<std::vector<PendingInventory>>(
        [](SqlSession& tx) { return LoadPendingInventory(tx, 7, 0); });
    EXPECT_TRUE(FailedWith(bad, ErrorCode::kBadRequest));
}

TEST_P(InventoryPushTest, ANewerItemCoalescesThePendingOne) {
    const PushRecord first =
        CreateOk(MakeInventoryPush(7, "p1", {MakeItem("A", "h1", 5), MakeItem("B", "h1", 3)}));
    const PushRecord second = CreateOk(
        MakeInventoryPush(7, "p2", {MakeItem("A", "h1", 7), MakeItem("A", "h2", 2)}), kPushT0 + 10);
    const PushRecord old = GetOk(7, first.id);
    EXPECT_EQ(old.items[0].state, PushItemState::kCoalesced);
    EXPECT_NE(old.items[0].detail.find("push " + std::to_string(second.id)), std::string::npos)
        << old.items[0].detail;
    EXPECT_EQ(old.items[1].state, PushItemState::kQueued);
    EXPECT_EQ(old.state, PushState::kQueued);  // B is still queued
    EXPECT_FALSE(old.finished_at.has_value());
    EXPECT_EQ(Pending(7),
              (std::vector<PendingInventory>{{first.items[1].id, first.id, "B", "h1", 3},
                                             {second.items[0].id, second.id, "A", "h1", 7},
                                             {second.items[1].id, second.id, "A", "h2", 2}}));
    // Once its last queued item is superseded, the old push is recomputed: nothing was pushed.
    const PushRecord third =
        CreateOk(MakeInventoryPush(7, "p3", {MakeItem("B", "h1", 4)}), kPushT0 + 20);
    const PushRecord finished = GetOk(7, first.id);
    EXPECT_EQ(finished.state, PushState::kSkipped);
    EXPECT_EQ(finished.finished_at, FromUnixMillis(kPushT0 + 20));
    EXPECT_EQ(finished.items[1].state, PushItemState::kCoalesced);
    EXPECT_EQ(GetOk(7, third.id).state, PushState::kQueued);
}

TEST_P(InventoryPushTest, SettlementRecordsOutcomesAndRecomputesThePush) {
    const PushRecord push = CreateOk(MakeInventoryPush(
        7, "p1", {MakeItem("A", "h1", 5), MakeItem("B", "h1", 3), MakeItem("C", "h9", 1)}));
    const auto& items = push.items;
    ASSERT_TRUE(Succeeded(Settle(7, {Done(items[0].id, "loc-1", 5)}, kPushT0 + 1)));
    EXPECT_EQ(GetOk(7, push.id).state, PushState::kQueued);  // two items still queued
    ASSERT_TRUE(Succeeded(
        Settle(7,
               {Skipped(items[1].id, "loc-1", 3), Failed(items[2].id, "HUB_MAPPING_NOT_FOUND")},
               kPushT0 + 2)));
    const PushRecord settled = GetOk(7, push.id);
    EXPECT_EQ(settled.state, PushState::kDone);
    EXPECT_EQ(settled.error_code, "ITEMS_FAILED");
    EXPECT_NE(settled.error.find("1 of 3"), std::string::npos) << settled.error;
    EXPECT_EQ(settled.finished_at, FromUnixMillis(kPushT0 + 2));
    EXPECT_EQ(settled.items[0].state, PushItemState::kDone);
    EXPECT_EQ(settled.items[0].location_id, "loc-1");
    EXPECT_EQ(settled.items[0].pushed_quantity, 5);
    EXPECT_EQ(settled.items[1].state, PushItemState::kSkipped);
    EXPECT_EQ(settled.items[1].detail, "the store already holds it");
    EXPECT_EQ(settled.items[2].state, PushItemState::kFailed);
    EXPECT_EQ(settled.items[2].error_code, "HUB_MAPPING_NOT_FOUND");
    EXPECT_FALSE(settled.items[2].pushed_quantity.has_value());
    EXPECT_TRUE(Pending(7).empty());
}

TEST_P(InventoryPushTest, PushStateRules) {
    const auto settle_all = [&](const std::string& key, auto make) {
        const PushRecord push = CreateOk(MakeInventoryPush(
            7, key, {MakeItem(key + "A", "h1", 1), MakeItem(key + "B", "h1", 2)}));
        std::vector<ItemSettlement> settlements;
        for (const PushItem& item : push.items) {
            settlements.push_back(make(item.id));
        }
        EXPECT_TRUE(Succeeded(Settle(7, settlements, kPushT0 + 5)));
        return GetOk(7, push.id);
    };
    const PushRecord failed =
        settle_all("f", [](int64_t id) { return Failed(id, "SKU_NOT_FOUND"); });
    EXPECT_EQ(failed.state, PushState::kFailed);
    EXPECT_EQ(failed.error_code, "ITEMS_FAILED");
    EXPECT_EQ(failed.finished_at, FromUnixMillis(kPushT0 + 5));
    const PushRecord skipped = settle_all("s", [](int64_t id) { return Skipped(id, "loc", 1); });
    EXPECT_EQ(skipped.state, PushState::kSkipped);
    EXPECT_EQ(skipped.error_code, "");
    const PushRecord done = settle_all("d", [](int64_t id) { return Done(id, "loc", 1); });
    EXPECT_EQ(done.state, PushState::kDone);
    EXPECT_EQ(done.error, "");
    // Every item that was not coalesced failed: the push failed.
    const PushRecord mixed =
        CreateOk(MakeInventoryPush(7, "m1", {MakeItem("M", "h1", 1), MakeItem("N", "h1", 1)}));
    const PushRecord newer = CreateOk(MakeInventoryPush(7, "m2", {MakeItem("M", "h1", 2)}));
    ASSERT_TRUE(Succeeded(Settle(7, {Failed(mixed.items[1].id, "SKU_NOT_FOUND")}, kPushT0 + 6)));
    EXPECT_EQ(GetOk(7, mixed.id).state, PushState::kFailed);
    EXPECT_EQ(GetOk(7, newer.id).state, PushState::kQueued);
}

// The worker loaded item X, a newer request replaced X's pending row meanwhile, then X is
// settled: the newer item stays pending.
TEST_P(InventoryPushTest, SettlementKeepsAPendingRowANewerItemTookOver) {
    const PushRecord first = CreateOk(MakeInventoryPush(7, "p1", {MakeItem("A", "h1", 5)}));
    const auto loaded = Pending(7);
    ASSERT_EQ(loaded.size(), 1U);
    const PushRecord second =
        CreateOk(MakeInventoryPush(7, "p2", {MakeItem("A", "h1", 8)}), kPushT0 + 1);
    ASSERT_TRUE(Succeeded(Settle(7, {Done(loaded[0].item_id, "loc-1", 5)}, kPushT0 + 2)));
    EXPECT_EQ(Pending(7),
              (std::vector<PendingInventory>{{second.items[0].id, second.id, "A", "h1", 8}}));
    // X was pushed after all: it records what the store was set to, and its push is done.
    const PushRecord settled = GetOk(7, first.id);
    EXPECT_EQ(settled.items[0].state, PushItemState::kDone);
    EXPECT_EQ(settled.state, PushState::kDone);
    EXPECT_EQ(Ledger(7, {"A"}).at(0).quantity, 5);
}

TEST_P(InventoryPushTest, SettlementErrorsRollBackTheTransaction) {
    const PushRecord mine = CreateOk(MakeInventoryPush(7, "p1", {MakeItem("A", "h1", 5)}));
    const PushRecord theirs = CreateOk(MakeInventoryPush(8, "p1", {MakeItem("A", "h1", 5)}));
    EXPECT_TRUE(FailedWith(
        Settle(7, {Done(mine.items[0].id, "loc", 5), Done(theirs.items[0].id, "loc", 5)}, kPushT0),
        ErrorCode::kNotFound));
    EXPECT_EQ(GetOk(7, mine.id).items[0].state, PushItemState::kQueued);
    EXPECT_EQ(Pending(7).size(), 1U);
    EXPECT_TRUE(Ledger(7, {"A"}).empty());
    ItemSettlement queued = Done(mine.items[0].id, "loc", 5);
    queued.state = PushItemState::kCoalesced;
    EXPECT_TRUE(FailedWith(Settle(7, {queued}, kPushT0), ErrorCode::kBadRequest));
    ItemSettlement nowhere = Done(mine.items[0].id, "", 5);
    EXPECT_TRUE(FailedWith(Settle(7, {nowhere}, kPushT0), ErrorCode::kBadRequest));
}

TEST_P(InventoryPushTest, LedgerUpsertsPerSkuAndLocation) {
    const PushRecord first = CreateOk(MakeInventoryPush(
        7, "p1", {MakeItem("A", "h1", 5), MakeItem("A", "h2", 6), MakeItem("B", "h1", 1)}));
    ASSERT_TRUE(Succeeded(Settle(7,
                                 {Done(first.items[0].id, "loc-1", 5),
                                  Done(first.items[1].id, "loc-2", 6),
                                  Done(first.items[2].id, "loc-1", 1)},
                                 kPushT0 + 1)));
    const PushRecord second = CreateOk(MakeInventoryPush(7, "p2", {MakeItem("A", "h1", 9)}));
    ItemSettlement observed = Skipped(second.items[0].id, "loc-1", 9);
    observed.ledger = LedgerEntry{0, "ignored", "loc-1", "inv-A", 9, 0, {}};
    ASSERT_TRUE(Succeeded(Settle(7, {observed}, kPushT0 + 2)));
    const auto entries = Ledger(7, {"A", "missing", "A"});
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0],
              (LedgerEntry{7, "A", "loc-1", "inv-A", 9, 0, FromUnixMillis(kPushT0 + 2)}));
    EXPECT_EQ(entries[1].location_id, "loc-2");
    EXPECT_EQ(entries[1].quantity, 6);
    EXPECT_EQ(entries[1].updated_at, FromUnixMillis(kPushT0 + 1));
    EXPECT_TRUE(Ledger(7, {}).empty());
    EXPECT_TRUE(Ledger(8, {"A"}).empty());
}

TEST_P(InventoryPushTest, LedgerListsInPages) {
    std::vector<PushItem> items;
    for (const char* sku : {"A", "B", "C"}) {
        items.push_back(MakeItem(sku, "h1", 1));
        items.push_back(MakeItem(sku, "h2", 2));
    }
    const PushRecord push = CreateOk(MakeInventoryPush(7, "p", items));
    std::vector<ItemSettlement> settlements;
    for (const PushItem& item : push.items) {
        settlements.push_back(Done(item.id, "loc-" + item.hub_code, item.quantity));
    }
    ASSERT_TRUE(Succeeded(Settle(7, settlements, kPushT0)));
    std::vector<std::string> seen;
    LedgerQuery query{7, "", "", 4};
    for (int page = 0; page < 3; ++page) {
        auto listed = ListLedger(Executor(), query);
        ASSERT_TRUE(listed) << listed.error().message;
        for (const auto& entry : listed->entries) {
            seen.push_back(entry.sku + "@" + entry.location_id);
        }
        if (listed->next_cursor.empty()) {
            break;
        }
        query.cursor = listed->next_cursor;
    }
    EXPECT_EQ(seen,
              (std::vector<std::string>{
                  "A@loc-h1", "A@loc-h2", "B@loc-h1", "B@loc-h2", "C@loc-h1", "C@loc-h2"}));
    auto only_b = ListLedger(Executor(), {7, "B", "", 50});
    ASSERT_TRUE(only_b);
    EXPECT_EQ(only_b->entries.size(), 2U);
    EXPECT_TRUE(only_b->next_cursor.empty());
    auto bad_cursor = ListLedger(Executor(), {7, "", "not*a*cursor", 50});
    ASSERT_FALSE(bad_cursor);
    EXPECT_EQ(bad_cursor.error().field, "cursor");
    auto bad_limit = ListLedger(Executor(), {7, "", "", 201});
    ASSERT_FALSE(bad_limit);
    EXPECT_EQ(bad_limit.error().field, "limit");
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         InventoryPushTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
