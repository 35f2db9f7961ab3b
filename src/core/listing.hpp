#pragma once

#include <string>

namespace scs {

// One sellable unit of the store's catalogue (a Shopify variant), as the listing table keeps it:
// the SKU a warehouse knows and the platform ids a push needs. Ids are the platform's own, as
// text (Shopify: the numeric tail of the gid).
struct Listing {
    std::string sku;  // may be empty: the platform has none (reported on the run, not pushable)
    std::string product_id;
    std::string variant_id;
    std::string inventory_item_id;  // empty where the platform keeps stock on the variant itself
    std::string title;              // "Product / Variant"
    bool tracked = true;            // the platform counts stock for it

    bool operator==(const Listing&) const = default;
};

}  // namespace scs
