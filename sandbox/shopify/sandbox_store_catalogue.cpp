// SandboxStore: the catalogue, stock levels and the inventorySetQuantities mutation.
#include <boost/json/serialize.hpp>

#include "sandbox/shopify/rest_format.hpp"
#include "sandbox/shopify/sandbox_store.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

std::optional<int64_t> IdFrom(const json::value* value) {
    if (value != nullptr && value->is_string()) {
        try {
            return std::stoll(std::string(value->get_string()));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    return value != nullptr && value->is_int64() ? std::optional(value->get_int64()) : std::nullopt;
}

Result<std::vector<NewVariant>> ReadVariants(const json::object& body) {
    const auto* variants = body.if_contains("variants");
    if (variants == nullptr || !variants->is_array() || variants->get_array().empty()) {
        return FailField("variants", "must be a non-empty list of {sku, title}");
    }
    std::vector<NewVariant> read;
    for (const auto& variant : variants->get_array()) {
        const auto* object = variant.if_object();
        if (object == nullptr) {
            return FailField("variants", "every variant must be an object");
        }
        NewVariant next{"", "Default Title"};
        for (auto [key, out] : {std::pair{"sku", &next.sku}, std::pair{"title", &next.title}}) {
            if (const auto* text = object->if_contains(key); text != nullptr && text->is_string()) {
                *out = text->get_string();
            }
        }
        read.push_back(std::move(next));
    }
    return read;
}

json::object VariantNode(const CatalogueVariant& variant) {
    return {{"id", Gid("ProductVariant", std::to_string(variant.id))},
            {"legacyResourceId", std::to_string(variant.id)},
            {"title", variant.title},
            {"sku", variant.sku},
            {"product",
             {{"id", Gid("Product", std::to_string(variant.product_id))},
              {"title", variant.product_title}}},
            {"inventoryItem",
             {{"id", Gid("InventoryItem", std::to_string(variant.inventory_item_id))},
              {"tracked", true}}}};
}

}  // namespace

Result<json::object> SandboxStore::AddProduct(const json::object& body, TimePoint now) {
    auto variants = ReadVariants(body);
    if (!variants) {
        return tl::unexpected(variants.error());
    }
    const std::lock_guard lock(mutex_);
    std::map<int64_t, int64_t> stock;
    if (const auto* given = body.if_contains("stock"); given != nullptr && given->is_object()) {
        for (const auto& [key, value] : given->get_object()) {
            const json::value text(key);
            const auto location = IdFrom(&text);
            if (!location || !catalogue_.HasLocation(*location) || !value.is_int64() ||
                value.get_int64() < 0) {
                return FailField("stock", "maps known location ids to quantities >= 0");
            }
            stock[*location] = value.get_int64();
        }
    }
    const auto* title = body.if_contains("title");
    const std::string name =
        title != nullptr && title->is_string() ? std::string(title->get_string()) : "Product";
    json::array created;
    int64_t product_id = 0;
    for (const auto& variant : catalogue_.AddProduct(name, *variants, stock, now)) {
        product_id = variant.product_id;
        created.push_back({{"variant_id", std::to_string(variant.id)},
                           {"inventory_item_id", std::to_string(variant.inventory_item_id)},
                           {"sku", variant.sku}});
    }
    return json::object{{"product_id", std::to_string(product_id)},
                        {"variants", std::move(created)}};
}

json::object SandboxStore::LocationsJson() const {
    const std::lock_guard lock(mutex_);
    return {{"locations", catalogue_.LocationsJson()}};
}

json::object SandboxStore::InventoryJson() const {
    const std::lock_guard lock(mutex_);
    return catalogue_.LevelsJson();
}

Status SandboxStore::PatchInventory(const json::object& body, TimePoint now) {
    const auto item = IdFrom(body.if_contains("inventory_item_id"));
    const auto location = IdFrom(body.if_contains("location_id"));
    const auto* available = body.if_contains("available");
    const std::lock_guard lock(mutex_);
    if (!item || catalogue_.FindItem(*item) == nullptr) {
        return FailField("inventory_item_id", "unknown inventory item");
    }
    if (!location || !catalogue_.HasLocation(*location)) {
        return FailField("location_id", "unknown location");
    }
    if (available == nullptr || !available->is_int64() || available->get_int64() < 0) {
        return FailField("available", "must be an integer >= 0");
    }
    catalogue_.SetAvailable(*item, *location, available->get_int64(), now);
    return {};
}

json::array SandboxStore::LocationNodes() const {
    const std::lock_guard lock(mutex_);
    json::array nodes;
    for (const auto& location : catalogue_.Locations()) {
        nodes.push_back({{"id", Gid("Location", std::to_string(location.id))},
                         {"legacyResourceId", std::to_string(location.id)},
                         {"name", location.name},
                         {"isActive", true}});
    }
    return nodes;
}

json::array SandboxStore::VariantNodes() const {
    const std::lock_guard lock(mutex_);
    json::array nodes;
    for (const auto& variant : catalogue_.Variants()) {
        nodes.push_back(VariantNode(variant));
    }
    return nodes;
}

json::value SandboxStore::InventoryItemNode(int64_t inventory_item_id) const {
    const std::lock_guard lock(mutex_);
    const CatalogueVariant* variant = catalogue_.FindItem(inventory_item_id);
    if (variant == nullptr) {
        return nullptr;
    }
    json::array levels;
    for (const auto& [key, level] : catalogue_.Levels()) {
        if (key.first == inventory_item_id) {
            const std::string location = std::to_string(key.second);
            levels.push_back({{"id",
                               Gid("InventoryLevel",
                                   std::to_string(key.first) + "?inventory_item_id=" + location)},
                              {"location", {{"id", Gid("Location", location)}}},
                              {"quantities",
                               json::array{{{"name", "available"}, {"quantity", level.available}}}},
                              {"updatedAt", FormatRfc3339(level.updated_at)}});
        }
    }
    return json::object{
        {"__typename", "InventoryItem"},
        {"id", Gid("InventoryItem", std::to_string(inventory_item_id))},
        {"sku", variant->sku},
        {"tracked", true},
        {"variant", {{"id", Gid("ProductVariant", std::to_string(variant->id))}}},
        {"inventoryLevels", Connection(levels, static_cast<int64_t>(levels.size()))}};
}

Result<json::object> SandboxStore::SetInventory(const json::object& input,
                                                const std::optional<std::string>& key,
                                                const std::string& api_version,
                                                TimePoint now) {
    const InventorySetRules rules = InventoryRulesFor(api_version);
    const std::lock_guard lock(mutex_);
    ++inventory_set_calls_;
    if (rules.change_from_required && !key) {
        return Fail(
            ErrorCode::kBadRequest,
            "The @idempotent directive is required for this mutation: missing idempotency key.");
    }
    const std::string fingerprint = json::serialize(input);
    if (key) {
        auto seen = idempotency_.Check(*key, fingerprint);
        using Verdict = IdempotencyLedger::Verdict;
        if (seen.verdict == Verdict::kReplay) {
            ++inventory_set_replays_;
            return std::move(seen.answer);
        }
        if (seen.verdict != Verdict::kFirstUse) {
            const bool mismatch = seen.verdict == Verdict::kParameterMismatch;
            return json::object{{"inventoryAdjustmentGroup", nullptr},
                                {"userErrors",
                                 json::array{InventoryUserError(
                                     mismatch ? "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"
                                              : "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED",
                                     json::array{"idempotencyKey"},
                                     mismatch ? "The same idempotency key cannot be used with "
                                                "different operation parameters."
                                              : "A previous request with this idempotency key "
                                                "failed. Retry with a new idempotency key.")}}};
        }
    }
    InventorySetPlan plan = PlanInventorySet(input, rules, catalogue_);
    json::object answer{{"inventoryAdjustmentGroup", nullptr}, {"userErrors", plan.user_errors}};
    if (plan.user_errors.empty()) {
        json::array changes;
        for (const auto& change : plan.changes) {
            catalogue_.SetAvailable(
                change.inventory_item_id, change.location_id, change.after, now);
            changes.push_back(
                {{"name", "available"},
                 {"delta", change.delta},
                 {"quantityAfterChange", change.after},
                 {"item", {{"id", Gid("InventoryItem", std::to_string(change.inventory_item_id))}}},
                 {"location", {{"id", Gid("Location", std::to_string(change.location_id))}}}});
        }
        const auto* uri = input.if_contains("referenceDocumentUri");
        answer["inventoryAdjustmentGroup"] = json::object{
            {"id", Gid("InventoryAdjustmentGroup", std::to_string(next_adjustment_group_id_++))},
            {"createdAt", FormatRfc3339(now)},
            {"reason", input.contains("reason") ? input.at("reason") : json::value(nullptr)},
            {"referenceDocumentUri", uri != nullptr ? *uri : json::value(nullptr)},
            {"changes", std::move(changes)}};
    }
    if (key) {
        idempotency_.Record(*key, fingerprint, answer, !plan.user_errors.empty());
    }
    return answer;
}

}  // namespace scs::sandbox
