#include "sandbox/shopify/inventory_set.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <set>

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kMaxQuantity = 1'000'000'000;
constexpr size_t kMaxQuantities = 250;
constexpr std::array<std::string_view, 17> kReasons = {"correction",
                                                       "cycle_count_available",
                                                       "damaged",
                                                       "movement_canceled",
                                                       "movement_created",
                                                       "movement_received",
                                                       "movement_updated",
                                                       "other",
                                                       "promotion",
                                                       "quality_control",
                                                       "received",
                                                       "reservation_created",
                                                       "reservation_deleted",
                                                       "reservation_updated",
                                                       "restock",
                                                       "safety_stock",
                                                       "shrinkage"};

std::string_view TextOf(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    if (value == nullptr || !value->is_string()) {
        return {};
    }
    const json::string& text = value->get_string();
    return {text.data(), text.size()};
}

std::optional<int64_t> IntOf(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr && value->is_int64() ? std::optional(value->get_int64()) : std::nullopt;
}

json::array QuantityPath(size_t index, std::string_view field) {
    return {"input", "quantities", std::to_string(index), field};
}

// Checks one quantity. Adds its userErrors, or its change when it has none.
class QuantityChecker {
public:
    QuantityChecker(const InventorySetRules& rules,
                    const json::object& input,
                    const Catalogue& catalogue)
        : rules_(rules), input_(input), catalogue_(catalogue) {}

    void Check(size_t index, const json::object& quantity, InventorySetPlan& plan) {
        const size_t errors_before = plan.user_errors.size();
        const int64_t item = GidNumber(TextOf(quantity, "inventoryItemId"), "InventoryItem");
        const int64_t location = GidNumber(TextOf(quantity, "locationId"), "Location");
        const auto wanted = IntOf(quantity, "quantity");
        auto fail = [&](std::string_view code, std::string_view field, std::string_view message) {
            plan.user_errors.push_back(
                InventoryUserError(code, QuantityPath(index, field), message));
        };
        if (catalogue_.FindItem(item) == nullptr) {
            fail("INVALID_INVENTORY_ITEM",
                 "inventoryItemId",
                 "The specified inventory item could not be found.");
        }
        if (!catalogue_.HasLocation(location)) {
            fail("INVALID_LOCATION", "locationId", "The specified location could not be found.");
        }
        if (!wanted || *wanted < 0) {
            fail("INVALID_QUANTITY_NEGATIVE", "quantity", "The quantity can't be negative.");
        } else if (*wanted > kMaxQuantity) {
            fail("INVALID_QUANTITY_TOO_HIGH",
                 "quantity",
                 "The total quantity can't be higher than 1,000,000,000.");
        }
        if (!seen_.insert({item, location}).second) {
            fail("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR",
                 "inventoryItemId",
                 "The combination of inventoryItemId and locationId must be unique.");
        }
        if (plan.user_errors.size() != errors_before) {
            return;
        }
        const auto current = catalogue_.Available(item, location);
        if (!current && !rules_.creates_missing_levels) {
            fail("ITEM_NOT_STOCKED_AT_LOCATION",
                 "locationId",
                 "The specified inventory item is not stocked at the location.");
            return;
        }
        if (auto stale = CompareError(quantity, current.value_or(0))) {
            fail(stale->code, stale->field, stale->message);
            return;
        }
        plan.changes.push_back({item, location, *wanted - current.value_or(0), *wanted});
    }

private:
    struct Refusal {
        std::string_view code;
        std::string_view field;
        std::string_view message;
    };

    // The compare-and-set of the API version: changeFromQuantity, else compareQuantity.
    std::optional<Refusal> CompareError(const json::object& quantity, int64_t current) const {
        if (rules_.change_from_required) {
            const auto* from = quantity.if_contains("changeFromQuantity");
            if (from == nullptr) {
                return Refusal{"CHANGE_FROM_QUANTITY_REQUIRED",
                               "changeFromQuantity",
                               "changeFromQuantity is required: give the expected current "
                               "quantity, or null to skip the check."};
            }
            if (!from->is_null() && !(from->is_int64() && from->get_int64() == current)) {
                return Refusal{"CHANGE_FROM_QUANTITY_STALE",
                               "changeFromQuantity",
                               "The changeFromQuantity value does not match persisted value."};
            }
            return std::nullopt;
        }
        const auto* ignore = input_.if_contains("ignoreCompareQuantity");
        if (ignore != nullptr && ignore->is_bool() && ignore->get_bool()) {
            return std::nullopt;
        }
        const auto compare = IntOf(quantity, "compareQuantity");
        if (!compare) {
            return Refusal{"COMPARE_QUANTITY_REQUIRED",
                           "compareQuantity",
                           "The compareQuantity argument must be given to each quantity or ignored "
                           "using ignoreCompareQuantity."};
        }
        if (*compare != current) {
            return Refusal{"COMPARE_QUANTITY_STALE",
                           "compareQuantity",
                           "The compareQuantity value does not match persisted value."};
        }
        return std::nullopt;
    }

    const InventorySetRules& rules_;
    const json::object& input_;
    const Catalogue& catalogue_;
    std::set<LevelKey> seen_;
};

void CheckHeader(const json::object& input, InventorySetPlan& plan) {
    const std::string_view name = TextOf(input, "name");
    if (name != "available" && name != "on_hand") {
        plan.user_errors.push_back(
            InventoryUserError("INVALID_NAME",
                               {"input", "name"},
                               "The quantity name must be either 'available' or 'on_hand'."));
    }
    if (std::find(kReasons.begin(), kReasons.end(), TextOf(input, "reason")) == kReasons.end()) {
        plan.user_errors.push_back(InventoryUserError(
            "INVALID_REASON", {"input", "reason"}, "The specified reason is invalid."));
    }
}

}  // namespace

InventorySetRules InventoryRulesFor(std::string_view api_version) {
    // "YYYY-MM" versions order as text; "unstable" sorts after them all, as it is the newest.
    return {api_version >= "2026-04", api_version >= "2026-10"};
}

json::object InventoryUserError(std::string_view code,
                                json::array field,
                                std::string_view message) {
    return {{"code", code}, {"field", std::move(field)}, {"message", message}};
}

int64_t GidNumber(std::string_view gid, std::string_view type) {
    const std::string prefix = "gid://shopify/" + std::string(type) + "/";
    if (gid.substr(0, prefix.size()) != prefix) {
        return 0;
    }
    const std::string_view digits = gid.substr(prefix.size());
    int64_t number = 0;
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    return parsed.ec == std::errc() && parsed.ptr == digits.data() + digits.size() ? number : 0;
}

InventorySetPlan PlanInventorySet(const json::object& input,
                                  const InventorySetRules& rules,
                                  const Catalogue& catalogue) {
    InventorySetPlan plan;
    CheckHeader(input, plan);
    const auto* quantities = input.if_contains("quantities");
    if (quantities == nullptr || !quantities->is_array() || quantities->get_array().empty() ||
        quantities->get_array().size() > kMaxQuantities) {
        plan.user_errors.push_back(InventoryUserError("INVALID_QUANTITY_TOO_HIGH",
                                                      {"input", "quantities"},
                                                      "Give between 1 and 250 quantities."));
    } else {
        QuantityChecker checker(rules, input, catalogue);
        const auto& list = quantities->get_array();
        for (size_t i = 0; i < list.size(); ++i) {
            checker.Check(i, list[i].is_object() ? list[i].get_object() : json::object{}, plan);
        }
    }
    if (!plan.user_errors.empty()) {
        plan.changes.clear();  // atomic: one refusal refuses the batch
    }
    return plan;
}

IdempotencyLedger::Lookup IdempotencyLedger::Check(const std::string& key,
                                                   const std::string& fingerprint) const {
    const auto found = entries_.find(key);
    if (found == entries_.end()) {
        return {};
    }
    if (found->second.fingerprint != fingerprint) {
        return {Verdict::kParameterMismatch, {}};
    }
    if (found->second.failed) {
        return {Verdict::kPreviousAttemptFailed, {}};
    }
    return {Verdict::kReplay, found->second.answer};
}

void IdempotencyLedger::Record(const std::string& key,
                               std::string fingerprint,
                               json::object answer,
                               bool failed) {
    entries_.emplace(key, Entry{std::move(fingerprint), std::move(answer), failed});
}

}  // namespace scs::sandbox
