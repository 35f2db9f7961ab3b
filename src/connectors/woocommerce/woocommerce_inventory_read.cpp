#include <charconv>
#include <set>
#include <string>

#include <boost/json.hpp>

#include "connectors/woocommerce/woocommerce_inventory.hpp"

namespace scs {
namespace {

using Levels = std::map<std::string, InventoryLevelRead>;

std::optional<int64_t> PositiveInt(std::string_view text) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

InventoryLevelRead LevelOf(const boost::json::value& item) {
    InventoryLevelRead level{true, std::nullopt};
    const auto* manage = item.as_object().if_contains("manage_stock");
    const bool managed =
        manage != nullptr && ((manage->is_bool() && manage->get_bool()) ||
                              (manage->is_string() && manage->get_string() == "parent"));
    if (managed) {
        level.available = WooInt(item, "stock_quantity");
    }
    return level;
}

std::string IncludeList(const std::vector<int64_t>& ids, size_t from, size_t to) {
    std::string list;
    for (size_t i = from; i < to; ++i) {
        list += (i == from ? "" : ",") + std::to_string(ids[i]);
    }
    return list;
}

// Reads `ids` under `path` (a list endpoint) in calls of up to 100 ids; `name` makes the
// item id of each answered object. A 404 (the parent product is gone) reads as none found.
template <class Name>
Status ReadIds(WooCommerceRest& rest,
               const std::string& path,
               const std::vector<int64_t>& ids,
               Name name,
               Levels& levels) {
    for (size_t from = 0; from < ids.size(); from += kWooCommerceBatchLimit) {
        const size_t to = std::min(ids.size(), from + kWooCommerceBatchLimit);
        auto reply = rest.Get(path,
                              {{"include", IncludeList(ids, from, to)},
                               {"per_page", std::to_string(kWooCommerceBatchLimit)}});
        if (!reply && reply.error().code == ErrorCode::kNotFound) {
            return {};
        }
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        if (!reply->body.is_array()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "WooCommerce answered a list that is not a list");
        }
        for (const auto& item : reply->body.get_array()) {
            const auto id = WooInt(item, "id");
            if (item.is_object() && id) {
                levels[name(*id)] = LevelOf(item);
            }
        }
    }
    return {};
}

}  // namespace

std::optional<WooCommerceItemId> ParseWooCommerceItemId(std::string_view text) {
    const size_t slash = text.find('/');
    const auto product = PositiveInt(text.substr(0, slash));
    if (!product) {
        return std::nullopt;
    }
    if (slash == std::string_view::npos) {
        return WooCommerceItemId{*product, std::nullopt};
    }
    const auto variation = PositiveInt(text.substr(slash + 1));
    if (!variation) {
        return std::nullopt;
    }
    return WooCommerceItemId{*product, variation};
}

Result<std::map<InventoryKey, InventoryLevelRead>> ReadWooCommerceInventoryLevels(
    WooCommerceRest& rest, const std::vector<InventoryKey>& keys) {
    std::set<int64_t> simple;
    std::map<int64_t, std::set<int64_t>> variations;
    for (const auto& key : keys) {
        const auto id = ParseWooCommerceItemId(key.inventory_item_id);
        if (id && id->variation_id) {
            variations[id->product_id].insert(*id->variation_id);
        } else if (id) {
            simple.insert(id->product_id);
        }
    }
    Levels levels;
    const std::string products = std::string(kWooCommerceApi) + "/products";
    auto read = ReadIds(
        rest,
        products,
        {simple.begin(), simple.end()},
        [](int64_t id) { return std::to_string(id); },
        levels);
    for (const auto& [product, ids] : variations) {
        if (!read) {
            break;
        }
        read = ReadIds(
            rest,
            products + "/" + std::to_string(product) + "/variations",
            {ids.begin(), ids.end()},
            [product = product](int64_t id) {
                return std::to_string(product) + "/" + std::to_string(id);
            },
            levels);
    }
    if (!read) {
        return tl::unexpected(read.error());
    }
    std::map<InventoryKey, InventoryLevelRead> result;
    for (const auto& key : keys) {
        const auto found = levels.find(key.inventory_item_id);
        result[key] = found == levels.end() ? InventoryLevelRead{} : found->second;
    }
    return result;
}

}  // namespace scs
