#include "sandbox/shopify/catalogue.hpp"

#include "sandbox/generator/generator_catalogue.hpp"
#include "sandbox/shopify/rest_format.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr int64_t kInventoryItemIdBase = 4'900'000'000'000;
// Products added through the control API number after the seeded ones, and their variants after
// every seeded variant, so the variants stay in id order.
constexpr int64_t kAddedProductIdBase = kCatalogueProductIdBase + 1'000;
constexpr int64_t kAddedVariantIdBase = 93'000'000'000'000;

}  // namespace

Catalogue::Catalogue(const StoreSpec& spec, TimePoint now)
    : next_product_id_(kAddedProductIdBase), next_variant_id_(kAddedVariantIdBase) {
    for (size_t i = 0; i < spec.locations.size(); ++i) {
        locations_.push_back(
            {kCatalogueLocationIdBase + static_cast<int64_t>(i), spec.locations[i]});
    }
    for (size_t p = 0; p < Products().size(); ++p) {
        const Product& product = Products()[p];
        const auto product_no = static_cast<int64_t>(p);
        for (size_t v = 0; v < product.variants.size(); ++v) {
            const auto variant_no = static_cast<int64_t>(v);
            const auto& added =
                Append(CatalogueProductId(product_no),
                       CatalogueVariantId(product_no, variant_no),
                       {CatalogueSku(product_no, variant_no), std::string(product.variants[v])},
                       std::string(product.title));
            for (size_t l = 0; l < locations_.size() && (l == 0 || spec.stock_all_locations); ++l) {
                levels_[{added.inventory_item_id, locations_[l].id}] = {spec.initial_stock, now};
            }
        }
    }
}

CatalogueVariant& Catalogue::Append(int64_t product_id,
                                    int64_t variant_id,
                                    const NewVariant& variant,
                                    const std::string& product_title) {
    const int64_t item_id = kInventoryItemIdBase + static_cast<int64_t>(variants_.size());
    by_item_[item_id] = variants_.size();
    by_variant_[variant_id] = variants_.size();
    variants_.push_back(
        {variant_id, product_id, item_id, variant.sku, variant.title, product_title});
    return variants_.back();
}

std::vector<CatalogueVariant> Catalogue::AddProduct(const std::string& title,
                                                    const std::vector<NewVariant>& variants,
                                                    const std::map<int64_t, int64_t>& stock,
                                                    TimePoint now) {
    const int64_t product_id = next_product_id_++;
    std::vector<CatalogueVariant> added;
    for (const auto& variant : variants) {
        added.push_back(Append(product_id, next_variant_id_++, variant, title));
        for (const auto& [location_id, available] : stock) {
            levels_[{added.back().inventory_item_id, location_id}] = {available, now};
        }
    }
    return added;
}

bool Catalogue::HasLocation(int64_t location_id) const {
    for (const auto& location : locations_) {
        if (location.id == location_id) {
            return true;
        }
    }
    return false;
}

const CatalogueVariant* Catalogue::FindItem(int64_t inventory_item_id) const {
    const auto found = by_item_.find(inventory_item_id);
    return found == by_item_.end() ? nullptr : &variants_[found->second];
}

const CatalogueVariant* Catalogue::FindVariant(int64_t variant_id) const {
    const auto found = by_variant_.find(variant_id);
    return found == by_variant_.end() ? nullptr : &variants_[found->second];
}

std::optional<int64_t> Catalogue::Available(int64_t inventory_item_id, int64_t location_id) const {
    const auto found = levels_.find({inventory_item_id, location_id});
    return found == levels_.end() ? std::nullopt : std::optional(found->second.available);
}

void Catalogue::SetAvailable(int64_t inventory_item_id,
                             int64_t location_id,
                             int64_t available,
                             TimePoint now) {
    levels_[{inventory_item_id, location_id}] = {available, now};
}

json::object Catalogue::LevelsJson() const {
    json::array levels;
    for (const auto& [key, level] : levels_) {
        const CatalogueVariant* variant = FindItem(key.first);
        levels.push_back({{"sku", variant->sku},
                          {"variant_id", std::to_string(variant->id)},
                          {"product_id", std::to_string(variant->product_id)},
                          {"inventory_item_id", std::to_string(key.first)},
                          {"location_id", std::to_string(key.second)},
                          {"available", level.available},
                          {"updated_at", FormatRfc3339(level.updated_at)}});
    }
    return {{"levels", std::move(levels)}};
}

json::array Catalogue::LocationsJson() const {
    json::array list;
    for (const auto& location : locations_) {
        list.push_back({{"id", std::to_string(location.id)},
                        {"gid", Gid("Location", std::to_string(location.id))},
                        {"name", location.name}});
    }
    return list;
}

}  // namespace scs::sandbox
