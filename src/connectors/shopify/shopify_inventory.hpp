#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/shopify/shopify_graphql.hpp"

// Stock levels on Shopify: reading them (nodes(ids:) over inventory items) and setting them
// (inventorySetQuantities, compare-and-set and idempotent). Stateless functions over a
// GraphqlCall; thread-safe as far as the call is.
namespace scs {

// Shopify's limit on ids per nodes(ids:) and on quantities per inventorySetQuantities.
inline constexpr size_t kShopifyMaxIdsPerCall = 250;

// One entry per key: item_exists false when Shopify answers null for the item, available
// nullopt when the item has no level at the key's location (the first ten levels of an item
// are read). The distinct items are read as many per call as keep the call under Shopify's
// single-query cost limit. Errors of `call` are passed on.
// How many inventory items one levels read carries: Shopify charges the selection once per id
// and refuses a call above the single-query cost limit outright.
size_t ShopifyInventoryIdsPerCall();

[[nodiscard]] Result<std::map<InventoryKey, InventoryLevelRead>> ReadShopifyInventoryLevels(
    const GraphqlCall& call, const std::vector<InventoryKey>& keys);

// The outcome of a userErrors code of inventorySetQuantities.
InventorySetOutcome InventorySetOutcomeOf(std::string_view code);

// Sets the batch with inventorySetQuantities, every quantity carrying changeFromQuantity (null
// when the item has no change_from) under @idempotent(key:). Shopify applies nothing of a call
// with userErrors, so the items without an error are sent again under "<key>:r1", "<key>:r2"…
// until the rest applies; a batch above kShopifyMaxIdsPerCall goes in slices keyed
// "<key>:s1"… One result per item, in order. IDEMPOTENCY_CONCURRENT_REQUEST (the same key in
// flight elsewhere) fails the call with kUnavailable; IDEMPOTENCY_KEY_PARAMETER_MISMATCH and
// IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED reject every item still pending (kRejected, Shopify's
// message): the caller re-reads the levels and pushes under a new key.
[[nodiscard]] Result<std::vector<InventorySetResult>> SetShopifyInventory(
    const GraphqlCall& call, const InventorySetBatch& batch);

}  // namespace scs
