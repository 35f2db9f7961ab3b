#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "connectors/connector.hpp"
#include "connectors/shopify/shopify_graphql.hpp"

// The catalogue read of the products sync: productVariants pages mapped to Listings.
namespace scs {

// The selection of one variant node.
inline constexpr std::string_view kShopifyVariantFields =
    "id title sku product { id title } inventoryItem { id tracked }";

// One variant node -> Listing: gids become their numeric tails, a null or "" SKU reads as "",
// the title is "Product / Variant" ("Product" for Shopify's "Default Title"), and a variant
// without inventory item has no inventory_item_id and is not tracked. Pure, thread-safe.
Listing MapShopifyVariant(const boost::json::object& node);

// What one connector remembers between catalogue pages: the largest page Shopify accepted.
struct ShopifyCatalogueLimits {
    int max_cost = 1000;  // the single-query limit (and the bucket size when smaller)
    int max_first = 250;  // halved on MAX_COST_EXCEEDED, remembered for later pages
};

// One page of productVariants (sortKey: ID): `first` is the request's page size capped so the
// query's cost stays within limits.max_cost, halved while Shopify answers MAX_COST_EXCEEDED.
// Errors of `call` are passed on.
[[nodiscard]] Result<ProductPage> FetchShopifyListings(const GraphqlCall& call,
                                                       const ProductPageRequest& request,
                                                       ShopifyCatalogueLimits& limits);

}  // namespace scs
