#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_inventory.hpp"
#include "connectors/shopify/shopify_push_json.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

using shopify::ShopifyUserError;

constexpr std::string_view kSetStockMutation =
    "mutation SetStock($input: InventorySetQuantitiesInput!, $key: String!) { "
    "inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { "
    "id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } "
    "location { id } } } userErrors { code field message } } }";

// Indices into the caller's items, with the results so far.
struct SetProgress {
    std::vector<size_t> pending;
    std::vector<std::optional<InventorySetResult>> results;
};

boost::json::object SetInput(const InventorySetBatch& batch, const std::vector<size_t>& pending) {
    boost::json::array quantities;
    for (const size_t index : pending) {
        const InventorySetItem& item = batch.items[index];
        boost::json::object quantity{
            {"inventoryItemId", shopify::ShopifyGid("InventoryItem", item.key.inventory_item_id)},
            {"locationId", shopify::ShopifyGid("Location", item.key.location_id)},
            {"quantity", item.quantity},
            {"changeFromQuantity", nullptr}};
        if (item.change_from) {
            quantity["changeFromQuantity"] = *item.change_from;
        }
        quantities.emplace_back(std::move(quantity));
    }
    return {{"name", "available"}, {"reason", batch.reason}, {"quantities", std::move(quantities)}};
}

// The position in the sent quantities a userError names (field input.quantities.<i>.…).
std::optional<size_t> QuantityIndex(const ShopifyUserError& error, size_t sent) {
    if (error.field.size() < 3 || error.field[1] != "quantities") {
        return std::nullopt;
    }
    char* end = nullptr;
    const unsigned long index = std::strtoul(error.field[2].c_str(), &end, 10);
    if (end == error.field[2].c_str() || *end != '\0' || index >= sent) {
        return std::nullopt;
    }
    return static_cast<size_t>(index);
}

bool IsKeyFailure(const std::string& code) {
    return code == "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" ||
           code == "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED";
}

// Records the refusals of one answer; every pending item is refused when an error names none.
Status RecordErrors(const std::vector<ShopifyUserError>& errors, SetProgress& progress) {
    std::vector<bool> refused(progress.pending.size(), false);
    for (const auto& error : errors) {
        if (error.code == "IDEMPOTENCY_CONCURRENT_REQUEST") {
            return Fail(ErrorCode::kUnavailable,
                        "Shopify is still applying this idempotency key: " + error.message);
        }
        const auto index = QuantityIndex(error, progress.pending.size());
        const InventorySetResult result{
            index ? InventorySetOutcomeOf(error.code) : InventorySetOutcome::kRejected,
            error.message};
        for (size_t i = 0; i < progress.pending.size(); ++i) {
            auto& slot = progress.results[progress.pending[i]];
            const bool names_it = !index || IsKeyFailure(error.code) || *index == i;
            if (names_it && !slot) {
                slot = result;
                refused[i] = true;
            }
        }
    }
    std::vector<size_t> still;
    for (size_t i = 0; i < progress.pending.size(); ++i) {
        if (!refused[i]) {
            still.push_back(progress.pending[i]);
        }
    }
    progress.pending = std::move(still);
    return {};
}

// Sends the pending items of one slice until they apply or are all refused.
Status SetSlice(const GraphqlCall& call,
                const InventorySetBatch& batch,
                const std::string& key,
                SetProgress& progress) {
    const int cost = shopify::kMutationBaseCost + ShopifySelectionCost(kSetStockMutation);
    for (int attempt = 0; !progress.pending.empty(); ++attempt) {
        const std::string attempt_key = attempt == 0 ? key : key + ":r" + std::to_string(attempt);
        const boost::json::object variables{{"input", SetInput(batch, progress.pending)},
                                            {"key", attempt_key}};
        auto data = call(kSetStockMutation, variables, cost);
        if (!data) {
            return tl::unexpected(data.error());
        }
        auto payload = shopify::MutationPayload(*data, "inventorySetQuantities");
        if (!payload) {
            return tl::unexpected(payload.error());
        }
        const auto errors = shopify::ReadUserErrors(**payload);
        if (errors.empty()) {
            for (const size_t index : progress.pending) {
                progress.results[index] = InventorySetResult{};
            }
            progress.pending.clear();
        } else if (auto recorded = RecordErrors(errors, progress); !recorded) {
            return recorded;
        }
    }
    return {};
}

}  // namespace

InventorySetOutcome InventorySetOutcomeOf(std::string_view code) {
    if (code == "CHANGE_FROM_QUANTITY_STALE" || code == "COMPARE_QUANTITY_STALE") {
        return InventorySetOutcome::kStale;
    }
    if (code == "INVALID_INVENTORY_ITEM") {
        return InventorySetOutcome::kUnknownItem;
    }
    if (code == "ITEM_NOT_STOCKED_AT_LOCATION") {
        return InventorySetOutcome::kNotStocked;
    }
    return InventorySetOutcome::kRejected;
}

Result<std::vector<InventorySetResult>> SetShopifyInventory(const GraphqlCall& call,
                                                            const InventorySetBatch& batch) {
    if (batch.idempotency_key.empty()) {
        return FailField("idempotency_key", "a stock push needs an idempotency key");
    }
    SetProgress progress{{}, std::vector<std::optional<InventorySetResult>>(batch.items.size())};
    const bool sliced = batch.items.size() > kShopifyMaxIdsPerCall;
    for (size_t start = 0; start < batch.items.size(); start += kShopifyMaxIdsPerCall) {
        progress.pending.clear();
        for (size_t i = start; i < std::min(batch.items.size(), start + kShopifyMaxIdsPerCall);
             ++i) {
            progress.pending.push_back(i);
        }
        const std::string key = sliced ? batch.idempotency_key + ":s" +
                                             std::to_string(start / kShopifyMaxIdsPerCall + 1)
                                       : batch.idempotency_key;
        if (auto set = SetSlice(call, batch, key, progress); !set) {
            return tl::unexpected(set.error());
        }
    }
    std::vector<InventorySetResult> results;
    for (auto& result : progress.results) {
        results.push_back(result.value_or(InventorySetResult{}));
    }
    return results;
}

}  // namespace scs
