#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "core/connection.hpp"
#include "storage/listing_store.hpp"
#include "storage/push_store.hpp"

// Planning one batch of an inventory push (DESIGN §4 "Push back"): which pending items fail,
// which need nothing sent, and which absolute quantities to set where. Pure: the job loads the
// inputs, reads the store and calls the platform.
namespace scs {

// The per-item error codes a push reports (push_items.error_code).
inline constexpr std::string_view kHubMappingNotFound = "HUB_MAPPING_NOT_FOUND";
inline constexpr std::string_view kSkuNotFound = "SKU_NOT_FOUND";
inline constexpr std::string_view kDuplicateSku = "DUPLICATE_SKU";
inline constexpr std::string_view kNotTracked = "NOT_TRACKED";
inline constexpr std::string_view kInventoryItemNotFound = "INVENTORY_ITEM_NOT_FOUND";
inline constexpr std::string_view kNotStocked = "NOT_STOCKED";
inline constexpr std::string_view kRejected = "REJECTED";

struct InventoryPlanInput {
    int64_t connection_id = 0;
    std::vector<PendingInventory> pending;             // any order; a higher item id is newer
    std::map<std::string, std::string> hub_locations;  // hub code -> platform location id
    int64_t safety_stock = 0;
    std::map<std::string, std::vector<StoredListing>> listings;  // by SKU (FindListingsBySku)
    std::vector<LedgerEntry> ledger;                             // the SKUs' entries
};

// One quantity to set: the newest pending item of its SKU + location.
struct PlannedSet {
    PendingInventory item;
    std::string location_id;
    InventoryKey key;
    int64_t target = 0;  // the item's quantity less the safety stock, never below zero
    // The store's quantity before the set: the ledger's, or nullopt when the store has to be
    // read first (no ledger entry for this inventory item at the location).
    std::optional<int64_t> change_from;

    bool operator==(const PlannedSet&) const = default;
};

struct InventoryPlan {
    // Items decided without the platform: failed (unmapped hub, SKU unknown, duplicate or not
    // tracked), skipped (the ledger holds the target already) or coalesced into a newer item of
    // the same SKU + location (skipped, with a detail naming it).
    std::vector<ItemSettlement> settled;
    std::vector<PlannedSet> sets;  // ordered by SKU, then location
};

// The platform's inventory key of a listing: the inventory item, or the variant where the
// platform keeps stock on the variant itself.
std::string InventoryItemOf(const Listing& listing);

InventoryPlan PlanInventory(const InventoryPlanInput& input);

// After the store was read: a set whose target the store already holds is settled skipped with
// its ledger entry (returned); otherwise the set takes the read level as change_from (nullopt).
std::optional<ItemSettlement> ApplyReadLevel(PlannedSet& set,
                                             const InventoryLevelRead& read,
                                             int64_t connection_id,
                                             TimePoint now);

// The settlement of a set the platform applied (done, with its ledger entry).
ItemSettlement AppliedSettlement(const PlannedSet& set, int64_t connection_id, TimePoint now);

// A settlement that failed `item` with `error_code` and a detail.
ItemSettlement FailedSettlement(int64_t item_id,
                                std::string_view error_code,
                                std::string detail,
                                std::string location_id = {});

// After a stale compare-and-set: the store holds `current`, which the OMS has not seen (units
// sold meanwhile). Never oversell: the set becomes min(target, current) from `current`; when
// that changes nothing the item is settled skipped with the ledger at `current` (returned).
std::optional<ItemSettlement> ApplyStaleLevel(PlannedSet& set,
                                              int64_t current,
                                              int64_t connection_id,
                                              TimePoint now);

}  // namespace scs
