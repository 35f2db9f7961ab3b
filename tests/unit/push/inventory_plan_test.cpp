#include "push/inventory_plan.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

const TimePoint kNow = FromUnixMillis(1'700'000'000'000);

StoredListing ListingOf(const std::string& sku, const std::string& item, bool tracked = true) {
    StoredListing stored;
    stored.connection_id = 7;
    stored.listing = Listing{sku, "p-" + sku, "v-" + item, item, sku, tracked};
    return stored;
}

// Hubs H1 and H2 map to location L1, H3 to L2; SKUs A and B have one listing each.
InventoryPlanInput BaseInput() {
    InventoryPlanInput input;
    input.connection_id = 7;
    input.hub_locations = {{"H1", "L1"}, {"H2", "L1"}, {"H3", "L2"}};
    input.listings["A"] = {ListingOf("A", "ia")};
    input.listings["B"] = {ListingOf("B", "ib")};
    return input;
}

PendingInventory Item(int64_t id, const std::string& sku, const std::string& hub, int64_t qty) {
    return PendingInventory{id, 100 + id, sku, hub, qty};
}

const ItemSettlement* SettledFor(const InventoryPlan& plan, int64_t item_id) {
    for (const auto& settlement : plan.settled) {
        if (settlement.item_id == item_id) {
            return &settlement;
        }
    }
    return nullptr;
}

TEST(PlanInventory, MappedItemsWithoutLedgerNeedAReadFirst) {
    auto input = BaseInput();
    input.pending = {Item(1, "A", "H1", 5), Item(2, "B", "H3", 0)};
    const auto plan = PlanInventory(input);
    EXPECT_TRUE(plan.settled.empty());
    ASSERT_EQ(plan.sets.size(), 2U);
    EXPECT_EQ(plan.sets[0].key, (InventoryKey{"ia", "L1"}));
    EXPECT_EQ(plan.sets[0].target, 5);
    EXPECT_EQ(plan.sets[0].change_from, std::nullopt);
    EXPECT_EQ(plan.sets[1].key, (InventoryKey{"ib", "L2"}));
    EXPECT_EQ(plan.sets[1].location_id, "L2");
}

TEST(PlanInventory, UnmappedHubFailsOnlyThatItem) {
    auto input = BaseInput();
    input.pending = {Item(1, "A", "H9", 5), Item(2, "B", "H1", 4)};
    const auto plan = PlanInventory(input);
    const auto* failed = SettledFor(plan, 1);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->state, PushItemState::kFailed);
    EXPECT_EQ(failed->error_code, kHubMappingNotFound);
    EXPECT_NE(failed->detail.find("H9"), std::string::npos);
    ASSERT_EQ(plan.sets.size(), 1U);
    EXPECT_EQ(plan.sets[0].item.item_id, 2);
}

TEST(PlanInventory, UnknownDuplicateAndUntrackedSkusFail) {
    auto input = BaseInput();
    input.listings["D"] = {ListingOf("D", "i1"), ListingOf("D", "i2")};
    input.listings["U"] = {ListingOf("U", "iu", false)};
    input.listings["E"] = {};
    input.pending = {
        Item(1, "Z", "H1", 1), Item(2, "D", "H1", 1), Item(3, "U", "H1", 1), Item(4, "E", "H3", 1)};
    const auto plan = PlanInventory(input);
    EXPECT_TRUE(plan.sets.empty());
    ASSERT_EQ(plan.settled.size(), 4U);
    EXPECT_EQ(SettledFor(plan, 1)->error_code, kSkuNotFound);
    EXPECT_EQ(SettledFor(plan, 2)->error_code, kDuplicateSku);
    EXPECT_NE(SettledFor(plan, 2)->detail.find("v-i1, v-i2"), std::string::npos);
    EXPECT_EQ(SettledFor(plan, 3)->error_code, kNotTracked);
    EXPECT_EQ(SettledFor(plan, 4)->error_code, kSkuNotFound);
    EXPECT_EQ(SettledFor(plan, 4)->location_id, "L2");
}

TEST(PlanInventory, SafetyStockIsSubtractedNeverBelowZero) {
    auto input = BaseInput();
    input.safety_stock = 3;
    input.pending = {Item(1, "A", "H1", 10), Item(2, "B", "H1", 2)};
    const auto plan = PlanInventory(input);
    ASSERT_EQ(plan.sets.size(), 2U);
    EXPECT_EQ(plan.sets[0].target, 7);
    EXPECT_EQ(plan.sets[1].target, 0);
}

TEST(PlanInventory, HubsOfOneLocationCoalesceIntoTheNewestItem) {
    auto input = BaseInput();
    input.pending = {Item(5, "A", "H2", 9), Item(3, "A", "H1", 4), Item(4, "A", "H3", 1)};
    const auto plan = PlanInventory(input);
    ASSERT_EQ(plan.sets.size(), 2U);
    EXPECT_EQ(plan.sets[0].item.item_id, 5);
    EXPECT_EQ(plan.sets[0].target, 9);
    EXPECT_EQ(plan.sets[1].item.item_id, 4);
    const auto* coalesced = SettledFor(plan, 3);
    ASSERT_NE(coalesced, nullptr);
    EXPECT_EQ(coalesced->state, PushItemState::kSkipped);
    EXPECT_FALSE(coalesced->ledger);
    EXPECT_NE(coalesced->detail.find("coalesced into item 5"), std::string::npos);
}

TEST(PlanInventory, LedgerHoldingTheTargetSkipsAndOtherwiseGivesChangeFrom) {
    auto input = BaseInput();
    input.ledger = {LedgerEntry{7, "A", "L1", "ia", 5, 90, kNow},
                    LedgerEntry{7, "B", "L1", "ib", 2, 90, kNow}};
    input.pending = {Item(1, "A", "H1", 5), Item(2, "B", "H1", 6)};
    const auto plan = PlanInventory(input);
    const auto* skipped = SettledFor(plan, 1);
    ASSERT_NE(skipped, nullptr);
    EXPECT_EQ(skipped->state, PushItemState::kSkipped);
    EXPECT_EQ(skipped->pushed_quantity, 5);
    EXPECT_EQ(skipped->location_id, "L1");
    ASSERT_EQ(plan.sets.size(), 1U);
    EXPECT_EQ(plan.sets[0].change_from, 2);
}

TEST(PlanInventory, LedgerOfAnotherLocationOrInventoryItemIsIgnored) {
    auto input = BaseInput();
    input.ledger = {LedgerEntry{7, "A", "L2", "ia", 5, 90, kNow},
                    LedgerEntry{7, "A", "L1", "old-item", 5, 90, kNow}};
    input.pending = {Item(1, "A", "H1", 5)};
    const auto plan = PlanInventory(input);
    ASSERT_EQ(plan.sets.size(), 1U);
    EXPECT_EQ(plan.sets[0].change_from, std::nullopt);
}

TEST(PlanInventory, VariantIdStandsInForAMissingInventoryItem) {
    auto input = BaseInput();
    input.listings["A"][0].listing.inventory_item_id.clear();
    input.pending = {Item(1, "A", "H1", 5)};
    EXPECT_EQ(PlanInventory(input).sets.at(0).key.inventory_item_id, "v-ia");
}

PlannedSet SetOf(int64_t target) {
    return PlannedSet{Item(1, "A", "H1", target), "L1", {"ia", "L1"}, target, std::nullopt};
}

TEST(ApplyReadLevel, TargetAlreadyHeldIsSkippedWithALedgerEntry) {
    auto set = SetOf(5);
    auto settled = ApplyReadLevel(set, InventoryLevelRead{true, 5}, 7, kNow);
    ASSERT_TRUE(settled);
    EXPECT_EQ(settled->state, PushItemState::kSkipped);
    ASSERT_TRUE(settled->ledger);
    EXPECT_EQ(*settled->ledger, (LedgerEntry{7, "A", "L1", "ia", 5, 101, kNow}));
}

TEST(ApplyReadLevel, OtherLevelBecomesChangeFrom) {
    auto set = SetOf(5);
    EXPECT_FALSE(ApplyReadLevel(set, InventoryLevelRead{true, 2}, 7, kNow));
    EXPECT_EQ(set.change_from, 2);
}

TEST(ApplyReadLevel, MissingItemOrUnstockedLocationFails) {
    auto set = SetOf(5);
    auto gone = ApplyReadLevel(set, InventoryLevelRead{false, std::nullopt}, 7, kNow);
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->error_code, kInventoryItemNotFound);
    auto unstocked = ApplyReadLevel(set, InventoryLevelRead{true, std::nullopt}, 7, kNow);
    ASSERT_TRUE(unstocked);
    EXPECT_EQ(unstocked->error_code, kNotStocked);
    EXPECT_FALSE(unstocked->ledger);
}

TEST(ApplyStaleLevel, NeverSetsMoreThanTheStoreHolds) {
    auto set = SetOf(10);
    set.change_from = 8;
    auto kept = ApplyStaleLevel(set, 6, 7, kNow);
    ASSERT_TRUE(kept) << "setting 10 over 6 would resell units the store sold meanwhile";
    EXPECT_EQ(kept->state, PushItemState::kSkipped);
    EXPECT_EQ(kept->pushed_quantity, 6);
    ASSERT_TRUE(kept->ledger);
    EXPECT_EQ(kept->ledger->quantity, 6);
}

TEST(ApplyStaleLevel, LowersAStoreThatHoldsMore) {
    auto set = SetOf(10);
    set.change_from = 8;
    EXPECT_FALSE(ApplyStaleLevel(set, 12, 7, kNow));
    EXPECT_EQ(set.target, 10);
    EXPECT_EQ(set.change_from, 12);
}

TEST(AppliedSettlement, IsDoneWithTheLedgerAtTheTarget) {
    auto set = SetOf(4);
    set.item.quantity = 7;
    const auto settlement = AppliedSettlement(set, 7, kNow);
    EXPECT_EQ(settlement.state, PushItemState::kDone);
    EXPECT_EQ(settlement.pushed_quantity, 4);
    ASSERT_TRUE(settlement.ledger);
    EXPECT_EQ(settlement.ledger->quantity, 4);
    EXPECT_EQ(settlement.ledger->push_id, 101);
    EXPECT_FALSE(settlement.detail.empty());
}

}  // namespace
}  // namespace scs
