#include "push/inventory_plan.hpp"

#include <algorithm>
#include <utility>

namespace scs {
namespace {

using SkuLocation = std::pair<std::string, std::string>;

// Why `listings` cannot take a push for `sku`; empty when exactly one tracked listing does.
std::optional<ItemSettlement> CheckListings(const PendingInventory& item,
                                            const std::vector<StoredListing>* listings,
                                            const std::string& location_id) {
    if (listings == nullptr || listings->empty()) {
        return FailedSettlement(item.item_id,
                                kSkuNotFound,
                                "no listing of the store carries SKU " + item.sku +
                                    " (run a products sync after adding it)",
                                location_id);
    }
    if (listings->size() > 1) {
        std::string variants;
        for (const auto& stored : *listings) {
            variants += (variants.empty() ? "" : ", ") + stored.listing.variant_id;
        }
        return FailedSettlement(item.item_id,
                                kDuplicateSku,
                                "SKU " + item.sku + " is carried by several variants (" + variants +
                                    "); give each a unique SKU",
                                location_id);
    }
    if (!listings->front().listing.tracked) {
        return FailedSettlement(item.item_id,
                                kNotTracked,
                                "the store does not track stock for SKU " + item.sku,
                                location_id);
    }
    return std::nullopt;
}

ItemSettlement Coalesced(const PendingInventory& older, const PendingInventory& newer) {
    ItemSettlement settlement;
    settlement.item_id = older.item_id;
    settlement.state = PushItemState::kSkipped;
    settlement.detail = "coalesced into item " + std::to_string(newer.item_id) + " (hub " +
                        newer.hub_code + "), which sets the same SKU at the same location";
    return settlement;
}

ItemSettlement Skipped(const PlannedSet& set, int64_t quantity, std::string detail) {
    ItemSettlement settlement;
    settlement.item_id = set.item.item_id;
    settlement.state = PushItemState::kSkipped;
    settlement.location_id = set.location_id;
    settlement.pushed_quantity = quantity;
    settlement.detail = std::move(detail);
    return settlement;
}

LedgerEntry LedgerAt(const PlannedSet& set,
                     int64_t quantity,
                     int64_t connection_id,
                     TimePoint now) {
    return LedgerEntry{connection_id,
                       set.item.sku,
                       set.location_id,
                       set.key.inventory_item_id,
                       quantity,
                       set.item.push_id,
                       now};
}

const LedgerEntry* FindLedger(const std::vector<LedgerEntry>& ledger, const PlannedSet& set) {
    // An entry for another inventory item (the variant was recreated) says nothing about this one.
    auto found = std::find_if(ledger.begin(), ledger.end(), [&set](const LedgerEntry& entry) {
        return entry.sku == set.item.sku && entry.location_id == set.location_id &&
               entry.inventory_item_id == set.key.inventory_item_id;
    });
    return found == ledger.end() ? nullptr : &*found;
}

// Maps each item to its location and listing; the rest are settled failed.
std::map<SkuLocation, PlannedSet> Resolve(const InventoryPlanInput& input, InventoryPlan& plan) {
    std::map<SkuLocation, PlannedSet> newest;
    for (const PendingInventory& item : input.pending) {
        auto location = input.hub_locations.find(item.hub_code);
        if (location == input.hub_locations.end()) {
            plan.settled.push_back(FailedSettlement(
                item.item_id,
                kHubMappingNotFound,
                "hub " + item.hub_code + " is not mapped to a location of the store"));
            continue;
        }
        auto listings = input.listings.find(item.sku);
        const auto* found = listings == input.listings.end() ? nullptr : &listings->second;
        if (auto refused = CheckListings(item, found, location->second)) {
            plan.settled.push_back(std::move(*refused));
            continue;
        }
        PlannedSet set{item,
                       location->second,
                       InventoryKey{InventoryItemOf(found->front().listing), location->second},
                       std::max<int64_t>(0, item.quantity - input.safety_stock),
                       std::nullopt};
        auto [slot, inserted] = newest.try_emplace(SkuLocation{item.sku, location->second}, set);
        if (!inserted) {
            const bool newer = item.item_id > slot->second.item.item_id;
            plan.settled.push_back(newer ? Coalesced(slot->second.item, item)
                                         : Coalesced(item, slot->second.item));
            if (newer) {
                slot->second = std::move(set);
            }
        }
    }
    return newest;
}

}  // namespace

std::string InventoryItemOf(const Listing& listing) {
    return listing.inventory_item_id.empty() ? listing.variant_id : listing.inventory_item_id;
}

ItemSettlement FailedSettlement(int64_t item_id,
                                std::string_view error_code,
                                std::string detail,
                                std::string location_id) {
    ItemSettlement settlement;
    settlement.item_id = item_id;
    settlement.state = PushItemState::kFailed;
    settlement.location_id = std::move(location_id);
    settlement.error_code = std::string(error_code);
    settlement.detail = std::move(detail);
    return settlement;
}

InventoryPlan PlanInventory(const InventoryPlanInput& input) {
    InventoryPlan plan;
    for (auto& [sku_location, set] : Resolve(input, plan)) {
        const LedgerEntry* ledger = FindLedger(input.ledger, set);
        if (ledger != nullptr && ledger->quantity == set.target) {
            plan.settled.push_back(Skipped(set,
                                           set.target,
                                           "the store already holds " + std::to_string(set.target) +
                                               " (as last pushed); nothing to send"));
            continue;
        }
        if (ledger != nullptr) {
            set.change_from = ledger->quantity;
        }
        plan.sets.push_back(std::move(set));
    }
    return plan;
}

std::optional<ItemSettlement> ApplyReadLevel(PlannedSet& set,
                                             const InventoryLevelRead& read,
                                             int64_t connection_id,
                                             TimePoint now) {
    if (!read.item_exists) {
        return FailedSettlement(set.item.item_id,
                                kInventoryItemNotFound,
                                "the store no longer has inventory item " +
                                    set.key.inventory_item_id + " of SKU " + set.item.sku +
                                    " (run a products sync)",
                                set.location_id);
    }
    if (!read.available) {
        return FailedSettlement(set.item.item_id,
                                kNotStocked,
                                "SKU " + set.item.sku + " is not stocked at location " +
                                    set.location_id + " of the store",
                                set.location_id);
    }
    if (*read.available == set.target) {
        ItemSettlement skipped =
            Skipped(set,
                    set.target,
                    "the store already holds " + std::to_string(set.target) + "; nothing to send");
        skipped.ledger = LedgerAt(set, set.target, connection_id, now);
        return skipped;
    }
    set.change_from = *read.available;
    return std::nullopt;
}

ItemSettlement AppliedSettlement(const PlannedSet& set, int64_t connection_id, TimePoint now) {
    ItemSettlement settlement;
    settlement.item_id = set.item.item_id;
    settlement.state = PushItemState::kDone;
    settlement.location_id = set.location_id;
    settlement.pushed_quantity = set.target;
    if (set.target != set.item.quantity) {
        settlement.detail = "set to " + std::to_string(set.target) + " of " +
                            std::to_string(set.item.quantity) +
                            " (safety stock, or fewer units left in the store)";
    }
    settlement.ledger = LedgerAt(set, set.target, connection_id, now);
    return settlement;
}

std::optional<ItemSettlement> ApplyStaleLevel(PlannedSet& set,
                                              int64_t current,
                                              int64_t connection_id,
                                              TimePoint now) {
    const int64_t target = std::min(set.target, current);
    if (target == current) {
        ItemSettlement skipped =
            Skipped(set,
                    current,
                    "the store holds " + std::to_string(current) + ", not more than the target " +
                        std::to_string(set.target) +
                        ": units sold in the store meanwhile are kept out (no overselling)");
        skipped.ledger = LedgerAt(set, current, connection_id, now);
        return skipped;
    }
    set.target = target;
    set.change_from = current;
    return std::nullopt;
}

}  // namespace scs
