#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"

// Stock on WooCommerce (platforms doc B3). WooCommerce keeps one quantity per product or
// variation and has no locations: InventoryKey::location_id is ignored, and
// inventory_item_id is "<product_id>" (a simple product) or "<product_id>/<variation_id>", as
// the catalogue's listings carry it. Stateless; thread-safe as far as the REST client is.
namespace scs {

// WooCommerce's limit on the items of one batch call (create + update + delete).
inline constexpr size_t kWooCommerceBatchLimit = 100;

// "12" -> {12, nullopt}, "12/34" -> {12, 34}; nullopt for anything else.
struct WooCommerceItemId {
    int64_t product_id = 0;
    std::optional<int64_t> variation_id;
};

std::optional<WooCommerceItemId> ParseWooCommerceItemId(std::string_view text);

// One entry per key: GET /products?include=… (simple products) and
// GET /products/{pid}/variations?include=… (variations), 100 ids per call. item_exists false
// when the store does not answer the product or variation (or its parent is gone); available
// is stock_quantity when manage_stock is true (or "parent" on a variation), else nullopt.
[[nodiscard]] Result<std::map<InventoryKey, InventoryLevelRead>> ReadWooCommerceInventoryLevels(
    WooCommerceRest& rest, const std::vector<InventoryKey>& keys);

// Sets absolute quantities with POST /products/batch and POST /products/{pid}/variations/batch
// ({"update":[{"id","manage_stock":true,"stock_quantity"}]}), at most kWooCommerceBatchLimit
// items per call; a 413 halves the call. Per-item errors come inside the 200: an invalid id is
// kUnknownItem, others kRejected with WooCommerce's message. WooCommerce has no compare-and-set
// (nor idempotency keys; an absolute quantity is safe to send twice): an item with change_from
// is read first and answered kStale when the store holds another quantity (kNotStocked when it
// does not manage stock), which narrows but does not close the race with a checkout between
// the read and the write. One result per item, in order; call errors as they come.
[[nodiscard]] Result<std::vector<InventorySetResult>> SetWooCommerceInventory(
    WooCommerceRest& rest, const InventorySetBatch& batch);

}  // namespace scs
