#pragma once

#include <chrono>
#include <string_view>

// Shopify GraphQL cost arithmetic (platforms doc A7.2), pure and thread-safe.
namespace scs {

// Shopify refuses a single query whose requested cost is above this.
inline constexpr int kShopifyMaxQueryCost = 1000;

// The requested cost Shopify charges up front for a selection set: scalars and enums 0, an
// object 1 plus its fields, a connection (a field with `first:`/`last:`) 2 plus `first` times
// the cost of one node (1 plus the fields under `nodes`/`edges { node }`), plus its other fields
// (pageInfo) once. Arguments other than first/last are skipped; `... on T` is transparent.
int ShopifySelectionCost(std::string_view selection);

// The cost of one node under a connection selected with `node_selection` (1 plus its fields).
int ShopifyNodeCost(std::string_view node_selection);

// The largest page size in [1, wanted] (and at most 250) whose connection cost
// `overhead + 2 + first * node_cost` stays within max_cost; 1 when even one node is above it.
int ShopifyPageSizeWithin(int node_cost, int overhead, int wanted, int max_cost);

// How long until a bucket refilling at `restore_rate` per second holds `requested` points when
// it holds `available` now: (requested - available) / restore_rate, rounded up to milliseconds;
// zero when it already does; `fallback` when the rate is not positive.
std::chrono::milliseconds ShopifyThrottleWait(double requested,
                                              double available,
                                              double restore_rate,
                                              std::chrono::milliseconds fallback);

}  // namespace scs
