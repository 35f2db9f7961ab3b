#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "sandbox/shopify/catalogue.hpp"

// The rules of the inventorySetQuantities mutation (absolute quantities, compare-and-set, atomic
// batches) and its @idempotent(key:) ledger. Pure planning over a catalogue; the store applies
// the plan. Not thread-safe: the owning store locks the ledger.
namespace scs::sandbox {

// What changed between API versions.
struct InventorySetRules {
    bool change_from_required = false;    // 2026-04: changeFromQuantity and @idempotent required
    bool creates_missing_levels = false;  // 2026-10: a missing level is created, not an error
};

InventorySetRules InventoryRulesFor(std::string_view api_version);

struct PlannedChange {
    int64_t inventory_item_id = 0;
    int64_t location_id = 0;
    int64_t delta = 0;
    int64_t after = 0;
};

// Either changes to apply, or the userErrors that refuse the whole batch.
struct InventorySetPlan {
    std::vector<PlannedChange> changes;
    boost::json::array user_errors;  // [{code, field, message}]
};

// Checks `input` (InventorySetQuantitiesInput) against the catalogue.
InventorySetPlan PlanInventorySet(const boost::json::object& input,
                                  const InventorySetRules& rules,
                                  const Catalogue& catalogue);

// One userError of this mutation.
boost::json::object InventoryUserError(std::string_view code,
                                       boost::json::array field,
                                       std::string_view message);

// The numeric tail of "gid://shopify/<type>/<n>"; 0 when the gid is not of that type.
int64_t GidNumber(std::string_view gid, std::string_view type);

// Remembers each idempotency key with its input and first answer.
class IdempotencyLedger {
public:
    enum class Verdict { kFirstUse, kReplay, kParameterMismatch, kPreviousAttemptFailed };

    struct Lookup {
        Verdict verdict = Verdict::kFirstUse;
        boost::json::object answer;  // the first answer, for kReplay
    };

    Lookup Check(const std::string& key, const std::string& fingerprint) const;
    void Record(const std::string& key,
                std::string fingerprint,
                boost::json::object answer,
                bool failed);

private:
    struct Entry {
        std::string fingerprint;
        boost::json::object answer;
        bool failed = false;
    };

    std::map<std::string, Entry> entries_;
};

}  // namespace scs::sandbox
