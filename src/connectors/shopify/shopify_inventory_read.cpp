#include <algorithm>
#include <set>
#include <string>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_inventory.hpp"
#include "connectors/shopify/shopify_push_json.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

using shopify::GidTail;
using shopify::NodesAt;

// Ten levels per item: a store's locations rarely exceed it, and every level is charged for
// every id, so a larger window would shrink each call to a handful of items.
constexpr std::string_view kLevelsQuery =
    "query Levels($ids: [ID!]!) { nodes(ids: $ids) { ... on InventoryItem { id tracked "
    "inventoryLevels(first: 10) { nodes { location { id } quantities(names: [\"available\"]) { "
    "name quantity } } } } } }";

}  // namespace

size_t ShopifyInventoryIdsPerCall() {
    const int per_id = std::max(1, ShopifySelectionCost(kLevelsQuery));
    return std::clamp<size_t>(
        static_cast<size_t>(kShopifyMaxQueryCost / per_id), 1, kShopifyMaxIdsPerCall);
}

namespace {

// Location id -> available quantity of one inventory item node.
std::map<std::string, int64_t> AvailableByLocation(const boost::json::object& item) {
    std::map<std::string, int64_t> levels;
    for (const auto* level : NodesAt(item, "inventoryLevels")) {
        const auto* location = shopify::ObjectAt(*level, "location");
        if (location == nullptr) {
            continue;
        }
        for (const auto* quantity : NodesAt(*level, "quantities")) {
            const auto value = shopify::IntAt(*quantity, "quantity");
            if (shopify::StringAt(*quantity, "name") == "available" && value) {
                levels[GidTail(shopify::StringAt(*location, "id"))] = *value;
            }
        }
    }
    return levels;
}

// Reads one slice of item ids into `items` (item id -> levels; absent: null node).
Status ReadSlice(const GraphqlCall& call,
                 const std::vector<std::string>& ids,
                 std::map<std::string, std::map<std::string, int64_t>>& items) {
    boost::json::array gids;
    for (const auto& id : ids) {
        gids.emplace_back(shopify::ShopifyGid("InventoryItem", id));
    }
    const int cost = ShopifySelectionCost(kLevelsQuery) * static_cast<int>(ids.size());
    auto data = call(kLevelsQuery, {{"ids", gids}}, cost);
    if (!data) {
        return tl::unexpected(data.error());
    }
    const auto* nodes = shopify::ArrayAt(*data, "nodes");
    if (nodes == nullptr || nodes->size() != ids.size()) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify answered no node list for the ids");
    }
    for (size_t i = 0; i < ids.size(); ++i) {
        if ((*nodes)[i].is_object()) {
            items[ids[i]] = AvailableByLocation((*nodes)[i].get_object());
        }
    }
    return {};
}

}  // namespace

Result<std::map<InventoryKey, InventoryLevelRead>> ReadShopifyInventoryLevels(
    const GraphqlCall& call, const std::vector<InventoryKey>& keys) {
    std::set<std::string> distinct;
    for (const auto& key : keys) {
        distinct.insert(key.inventory_item_id);
    }
    std::map<std::string, std::map<std::string, int64_t>> items;
    std::vector<std::string> slice;
    const size_t per_call = ShopifyInventoryIdsPerCall();
    for (auto it = distinct.begin(); it != distinct.end(); ++it) {
        slice.push_back(*it);
        if (slice.size() == per_call || std::next(it) == distinct.end()) {
            if (auto read = ReadSlice(call, slice, items); !read) {
                return tl::unexpected(read.error());
            }
            slice.clear();
        }
    }
    std::map<InventoryKey, InventoryLevelRead> levels;
    for (const auto& key : keys) {
        const auto item = items.find(key.inventory_item_id);
        InventoryLevelRead& read = levels[key];
        read.item_exists = item != items.end();
        if (read.item_exists) {
            const auto level = item->second.find(GidTail(key.location_id));
            read.available =
                level == item->second.end() ? std::nullopt : std::optional<int64_t>(level->second);
        }
    }
    return levels;
}

}  // namespace scs
