#pragma once

#include "connectors/connector.hpp"
#include "connectors/woocommerce/woocommerce_rest.hpp"

// A WooCommerce store's catalogue as listings (platforms doc B3). Stateless; thread-safe as far
// as the REST client is.
namespace scs {

// One page: GET /products?per_page&page (orderby=id, order=asc, so products added mid-scan land
// on later pages), the cursor being the next page number while X-WP-TotalPages has more (without
// the header: while pages are full); for each variable product every page of GET
// /products/{id}/variations; mapped with MapWooCommerceProduct (a simple product is one listing, a
// variable product one per variation). per_page is min(page_size, 100) products. kBadRequest for a
// cursor that is not a page number; kInvalidPayload for an answer that is not a list or a product
// that does not map (naming its id); REST errors as they come.
[[nodiscard]] Result<ProductPage> FetchWooCommerceListings(WooCommerceRest& rest,
                                                           const ProductPageRequest& request);

}  // namespace scs
