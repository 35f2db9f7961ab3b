// inventorySetQuantities planning: version rules, compare-and-set, atomicity, error codes; and
// the idempotency ledger.
#include "sandbox/shopify/inventory_set.hpp"

#include <gtest/gtest.h>

namespace scs::sandbox {
namespace {

namespace json = boost::json;

class InventorySetTest : public ::testing::Test {
protected:
    InventorySetTest() : catalogue_(SpecOneLocationStocked(), TimePoint{}) {}

    static StoreSpec SpecOneLocationStocked() {
        StoreSpec spec;
        spec.stock_all_locations = false;  // the second location stocks nothing
        spec.initial_stock = 20;
        return spec;
    }

    std::string Item(size_t index = 0) const {
        return "gid://shopify/InventoryItem/" +
               std::to_string(catalogue_.Variants().at(index).inventory_item_id);
    }

    std::string Location(size_t index = 0) const {
        return "gid://shopify/Location/" + std::to_string(catalogue_.Locations().at(index).id);
    }

    static json::object Input(json::array quantities) {
        return {
            {"name", "available"}, {"reason", "correction"}, {"quantities", std::move(quantities)}};
    }

    static std::string CodeAt(const InventorySetPlan& plan, size_t index = 0) {
        return std::string(plan.user_errors.at(index).at("code").as_string());
    }

    Catalogue catalogue_;
};

TEST_F(InventorySetTest, VersionRules) {
    EXPECT_FALSE(InventoryRulesFor("2026-01").change_from_required);
    EXPECT_TRUE(InventoryRulesFor("2026-04").change_from_required);
    EXPECT_FALSE(InventoryRulesFor("2026-07").creates_missing_levels);
    EXPECT_TRUE(InventoryRulesFor("2026-10").creates_missing_levels);
    EXPECT_TRUE(InventoryRulesFor("unstable").creates_missing_levels);
}

TEST_F(InventorySetTest, ChangeFromQuantityMatchesPlansTheChange) {
    const auto plan = PlanInventorySet(Input({{{"inventoryItemId", Item()},
                                               {"locationId", Location()},
                                               {"quantity", 7},
                                               {"changeFromQuantity", 20}}}),
                                       InventoryRulesFor("2026-10"),
                                       catalogue_);
    ASSERT_TRUE(plan.user_errors.empty());
    ASSERT_EQ(plan.changes.size(), 1U);
    EXPECT_EQ(plan.changes[0].delta, -13);
    EXPECT_EQ(plan.changes[0].after, 7);
}

TEST_F(InventorySetTest, StaleOrMissingChangeFromRefusesTheWholeBatch) {
    const auto rules = InventoryRulesFor("2026-10");
    const auto plan = PlanInventorySet(
        Input({{{"inventoryItemId", Item(0)},
                {"locationId", Location()},
                {"quantity", 7},
                {"changeFromQuantity", 20}},
               {{"inventoryItemId", Item(1)},
                {"locationId", Location()},
                {"quantity", 7},
                {"changeFromQuantity", 19}},
               {{"inventoryItemId", Item(2)}, {"locationId", Location()}, {"quantity", 7}}}),
        rules,
        catalogue_);
    EXPECT_TRUE(plan.changes.empty());
    ASSERT_EQ(plan.user_errors.size(), 2U);
    EXPECT_EQ(CodeAt(plan, 0), "CHANGE_FROM_QUANTITY_STALE");
    EXPECT_EQ(plan.user_errors[0].at("field"),
              (json::array{"input", "quantities", "1", "changeFromQuantity"}));
    EXPECT_EQ(CodeAt(plan, 1), "CHANGE_FROM_QUANTITY_REQUIRED");
    const auto opted_out = PlanInventorySet(Input({{{"inventoryItemId", Item()},
                                                    {"locationId", Location()},
                                                    {"quantity", 3},
                                                    {"changeFromQuantity", nullptr}}}),
                                            rules,
                                            catalogue_);
    EXPECT_TRUE(opted_out.user_errors.empty());
}

TEST_F(InventorySetTest, OlderVersionsUseCompareQuantity) {
    const auto rules = InventoryRulesFor("2026-01");
    auto plan = PlanInventorySet(
        Input({{{"inventoryItemId", Item()}, {"locationId", Location()}, {"quantity", 3}}}),
        rules,
        catalogue_);
    EXPECT_EQ(CodeAt(plan), "COMPARE_QUANTITY_REQUIRED");
    plan = PlanInventorySet(Input({{{"inventoryItemId", Item()},
                                    {"locationId", Location()},
                                    {"quantity", 3},
                                    {"compareQuantity", 4}}}),
                            rules,
                            catalogue_);
    EXPECT_EQ(CodeAt(plan), "COMPARE_QUANTITY_STALE");
    auto input =
        Input({{{"inventoryItemId", Item()}, {"locationId", Location()}, {"quantity", 3}}});
    input["ignoreCompareQuantity"] = true;
    EXPECT_TRUE(PlanInventorySet(input, rules, catalogue_).user_errors.empty());
}

TEST_F(InventorySetTest, MissingLevelIsAnErrorBefore202610AndCreatedAfter) {
    const auto input = Input({{{"inventoryItemId", Item()},
                               {"locationId", Location(1)},
                               {"quantity", 5},
                               {"changeFromQuantity", nullptr}}});
    EXPECT_EQ(CodeAt(PlanInventorySet(input, InventoryRulesFor("2026-07"), catalogue_)),
              "ITEM_NOT_STOCKED_AT_LOCATION");
    const auto created = PlanInventorySet(input, InventoryRulesFor("2026-10"), catalogue_);
    ASSERT_EQ(created.changes.size(), 1U);
    EXPECT_EQ(created.changes[0].delta, 5);
}

TEST_F(InventorySetTest, InvalidIdsNegativeQuantityDuplicatesAndReason) {
    const json::object quantity{{"inventoryItemId", Item()},
                                {"locationId", Location()},
                                {"quantity", 1},
                                {"changeFromQuantity", nullptr}};
    auto input = Input({{{"inventoryItemId", "gid://shopify/InventoryItem/1"},
                         {"locationId", Location()},
                         {"quantity", 1},
                         {"changeFromQuantity", nullptr}},
                        {{"inventoryItemId", Item()},
                         {"locationId", "gid://shopify/Location/9"},
                         {"quantity", 1},
                         {"changeFromQuantity", nullptr}},
                        {{"inventoryItemId", Item(1)},
                         {"locationId", Location()},
                         {"quantity", -1},
                         {"changeFromQuantity", nullptr}},
                        quantity,
                        quantity});
    input["reason"] = "whim";
    const auto plan = PlanInventorySet(input, InventoryRulesFor("2026-10"), catalogue_);
    std::vector<std::string> codes;
    for (size_t i = 0; i < plan.user_errors.size(); ++i) {
        codes.push_back(CodeAt(plan, i));
    }
    EXPECT_EQ(codes,
              (std::vector<std::string>{"INVALID_REASON",
                                        "INVALID_INVENTORY_ITEM",
                                        "INVALID_LOCATION",
                                        "INVALID_QUANTITY_NEGATIVE",
                                        "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"}));
    EXPECT_TRUE(plan.changes.empty());
}

TEST(IdempotencyLedgerTest, ReplaysMismatchesAndRemembersFailures) {
    IdempotencyLedger ledger;
    using Verdict = IdempotencyLedger::Verdict;
    EXPECT_EQ(ledger.Check("k1", "a").verdict, Verdict::kFirstUse);
    ledger.Record("k1", "a", json::object{{"answer", 1}}, false);
    const auto replay = ledger.Check("k1", "a");
    EXPECT_EQ(replay.verdict, Verdict::kReplay);
    EXPECT_EQ(replay.answer.at("answer"), 1);
    EXPECT_EQ(ledger.Check("k1", "b").verdict, Verdict::kParameterMismatch);
    ledger.Record("k2", "a", json::object{}, true);
    EXPECT_EQ(ledger.Check("k2", "a").verdict, Verdict::kPreviousAttemptFailed);
    EXPECT_EQ(ledger.Check("k2", "c").verdict, Verdict::kParameterMismatch);
}

TEST(GidNumberTest, ReadsOnlyTheNamedType) {
    EXPECT_EQ(GidNumber("gid://shopify/Location/42", "Location"), 42);
    EXPECT_EQ(GidNumber("gid://shopify/Product/42", "Location"), 0);
    EXPECT_EQ(GidNumber("gid://shopify/Location/4x", "Location"), 0);
}

}  // namespace
}  // namespace scs::sandbox
