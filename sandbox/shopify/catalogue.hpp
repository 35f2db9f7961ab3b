#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/time.hpp"
#include "sandbox/shopify/store_spec.hpp"

// The products, variants, locations and inventory levels of one sandbox store. Seeded at store
// creation from the generator's catalogue (the ids and SKUs generated orders use); tests add more
// through the control API. Plain data, not thread-safe: the owning store locks it.
namespace scs::sandbox {

struct CatalogueLocation {
    int64_t id = 0;
    std::string name;
};

struct CatalogueVariant {
    int64_t id = 0;
    int64_t product_id = 0;
    int64_t inventory_item_id = 0;
    std::string sku;  // may be empty, and need not be unique
    std::string title;
    std::string product_title;
};

struct NewVariant {
    std::string sku;
    std::string title;
};

struct InventoryLevel {
    int64_t available = 0;
    TimePoint updated_at;
};

using LevelKey = std::pair<int64_t, int64_t>;  // (inventory item id, location id)

class Catalogue {
public:
    Catalogue(const StoreSpec& spec, TimePoint now);

    // Adds a product; `stock` maps location ids to the available quantity of every new variant.
    // Answers the created variants.
    std::vector<CatalogueVariant> AddProduct(const std::string& title,
                                             const std::vector<NewVariant>& variants,
                                             const std::map<int64_t, int64_t>& stock,
                                             TimePoint now);

    const std::vector<CatalogueLocation>& Locations() const { return locations_; }

    const std::vector<CatalogueVariant>& Variants() const { return variants_; }

    const std::map<LevelKey, InventoryLevel>& Levels() const { return levels_; }

    bool HasLocation(int64_t location_id) const;
    const CatalogueVariant* FindItem(int64_t inventory_item_id) const;
    const CatalogueVariant* FindVariant(int64_t variant_id) const;
    std::optional<int64_t> Available(int64_t inventory_item_id, int64_t location_id) const;

    // Sets (or creates) the level of an item at a location.
    void SetAvailable(int64_t inventory_item_id,
                      int64_t location_id,
                      int64_t available,
                      TimePoint now);

    // GET /_sandbox/stores/{id}/inventory: {"levels":[{sku, variant_id, …}]}, ids as strings.
    boost::json::object LevelsJson() const;
    boost::json::array LocationsJson() const;

private:
    CatalogueVariant& Append(int64_t product_id,
                             int64_t variant_id,
                             const NewVariant& variant,
                             const std::string& product_title);

    std::vector<CatalogueLocation> locations_;
    std::vector<CatalogueVariant> variants_;  // in id order
    std::map<int64_t, size_t> by_item_;       // inventory item id -> index in variants_
    std::map<int64_t, size_t> by_variant_;
    std::map<LevelKey, InventoryLevel> levels_;
    int64_t next_product_id_;
    int64_t next_variant_id_;
};

}  // namespace scs::sandbox
