#include <string>

#include <boost/json.hpp>

#include "connectors/woocommerce/woocommerce_inventory.hpp"

namespace scs {
namespace {

using Results = std::vector<std::optional<InventorySetResult>>;

// One item to write: its index in the batch and its product or variation id.
struct Write {
    size_t index = 0;
    int64_t id = 0;
};

bool EndsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

InventorySetResult Refusal(const boost::json::value& error) {
    const std::string code = WooString(error, "code");
    const std::string message = WooString(error, "message");
    const bool unknown =
        EndsWith(code, "invalid_id") || code.find("invalid_product") != std::string::npos;
    return {unknown ? InventorySetOutcome::kUnknownItem : InventorySetOutcome::kRejected,
            message.empty() ? code : message};
}

// The result of one answered update entry for the item written with `quantity`.
InventorySetResult ResultOf(const boost::json::value& entry, int64_t id, int64_t quantity) {
    if (!entry.is_object() || WooInt(entry, "id") != id) {
        return {InventorySetOutcome::kRejected, "WooCommerce answered no result for this item"};
    }
    if (const auto* error = entry.get_object().if_contains("error"); error != nullptr) {
        return Refusal(*error);
    }
    const auto kept = WooInt(entry, "stock_quantity");
    if (kept && *kept != quantity) {
        return {InventorySetOutcome::kRejected,
                "WooCommerce kept the quantity " + std::to_string(*kept)};
    }
    return {};
}

boost::json::object BatchBody(const InventorySetBatch& batch, const std::vector<Write>& writes) {
    boost::json::array update;
    for (const Write& write : writes) {
        update.push_back(
            boost::json::object{{"id", write.id},
                                {"manage_stock", true},
                                {"stock_quantity", batch.items[write.index].quantity}});
    }
    return {{"update", std::move(update)}};
}

void RecordAll(const std::vector<Write>& writes,
               const InventorySetResult& result,
               Results& results) {
    for (const Write& write : writes) {
        results[write.index] = result;
    }
}

// POSTs one batch call; a 413 splits it in halves, a 404 (the parent product is gone) makes
// every item unknown.
Status SendBatch(WooCommerceRest& rest,
                 const std::string& path,
                 const InventorySetBatch& batch,
                 const std::vector<Write>& writes,
                 Results& results) {
    auto reply = rest.Post(path, BatchBody(batch, writes));
    if (!reply && reply.error().code == ErrorCode::kPayloadTooLarge && writes.size() > 1) {
        const auto middle = writes.begin() + static_cast<std::ptrdiff_t>(writes.size() / 2);
        auto first = SendBatch(rest, path, batch, {writes.begin(), middle}, results);
        return first ? SendBatch(rest, path, batch, {middle, writes.end()}, results) : first;
    }
    if (!reply && (reply.error().code == ErrorCode::kNotFound ||
                   reply.error().code == ErrorCode::kPayloadTooLarge)) {
        const bool gone = reply.error().code == ErrorCode::kNotFound;
        RecordAll(writes,
                  {gone ? InventorySetOutcome::kUnknownItem : InventorySetOutcome::kRejected,
                   reply.error().message},
                  results);
        return {};
    }
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    const auto* update =
        reply->body.is_object() ? reply->body.get_object().if_contains("update") : nullptr;
    if (update == nullptr || !update->is_array()) {
        return Fail(ErrorCode::kInvalidPayload, "WooCommerce answered a batch without \"update\"");
    }
    for (size_t i = 0; i < writes.size(); ++i) {
        const auto& entries = update->get_array();
        results[writes[i].index] = ResultOf(i < entries.size() ? entries[i] : boost::json::value(),
                                            writes[i].id,
                                            batch.items[writes[i].index].quantity);
    }
    return {};
}

// Answers the items whose change_from the store contradicts; the others stay pending.
Status Compare(WooCommerceRest& rest, const InventorySetBatch& batch, Results& results) {
    std::vector<InventoryKey> keys;
    for (const auto& item : batch.items) {
        if (item.change_from) {
            keys.push_back(item.key);
        }
    }
    if (keys.empty()) {
        return {};
    }
    auto levels = ReadWooCommerceInventoryLevels(rest, keys);
    if (!levels) {
        return tl::unexpected(levels.error());
    }
    for (size_t i = 0; i < batch.items.size(); ++i) {
        const InventorySetItem& item = batch.items[i];
        if (!item.change_from) {
            continue;
        }
        const InventoryLevelRead& level = levels->at(item.key);
        if (!level.item_exists) {
            results[i] = InventorySetResult{InventorySetOutcome::kUnknownItem,
                                            "the store has no such product or variation"};
        } else if (!level.available) {
            results[i] = InventorySetResult{InventorySetOutcome::kNotStocked,
                                            "the store does not manage stock for it"};
        } else if (level.available != item.change_from) {
            results[i] = InventorySetResult{InventorySetOutcome::kStale,
                                            "the store holds " + std::to_string(*level.available)};
        }
    }
    return {};
}

// The pending items by batch endpoint: "" for products, else the variations' parent id.
std::map<std::string, std::vector<Write>> GroupWrites(const InventorySetBatch& batch,
                                                      Results& results) {
    std::map<std::string, std::vector<Write>> groups;
    for (size_t i = 0; i < batch.items.size(); ++i) {
        if (results[i]) {
            continue;
        }
        const auto id = ParseWooCommerceItemId(batch.items[i].key.inventory_item_id);
        if (!id) {
            results[i] = InventorySetResult{InventorySetOutcome::kUnknownItem,
                                            "not a WooCommerce product or variation id"};
            continue;
        }
        const std::string group = id->variation_id ? std::to_string(id->product_id) : "";
        groups[group].push_back(Write{i, id->variation_id.value_or(id->product_id)});
    }
    return groups;
}

// POST /products/batch, or /products/{parent}/variations/batch.
std::string BatchPath(const std::string& parent) {
    std::string path(kWooCommerceApi);
    path += "/products/";
    if (!parent.empty()) {
        path += parent;
        path += "/variations/";
    }
    path += "batch";
    return path;
}

}  // namespace

Result<std::vector<InventorySetResult>> SetWooCommerceInventory(WooCommerceRest& rest,
                                                                const InventorySetBatch& batch) {
    Results results(batch.items.size());
    if (auto compared = Compare(rest, batch, results); !compared) {
        return tl::unexpected(compared.error());
    }
    for (const auto& [parent, writes] : GroupWrites(batch, results)) {
        const std::string path = BatchPath(parent);
        for (size_t from = 0; from < writes.size(); from += kWooCommerceBatchLimit) {
            const auto begin = writes.begin() + static_cast<std::ptrdiff_t>(from);
            const auto end = writes.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                  writes.size(), from + kWooCommerceBatchLimit));
            if (auto sent = SendBatch(rest, path, batch, {begin, end}, results); !sent) {
                return tl::unexpected(sent.error());
            }
        }
    }
    std::vector<InventorySetResult> answered;
    for (auto& result : results) {
        answered.push_back(
            result.value_or(InventorySetResult{InventorySetOutcome::kRejected, "not sent"}));
    }
    return answered;
}

}  // namespace scs
