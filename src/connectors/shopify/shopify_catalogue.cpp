#include "connectors/shopify/shopify_catalogue.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_order_page.hpp"
#include "connectors/shopify/shopify_push_json.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

using shopify::GidTail;
using shopify::ObjectAt;
using shopify::StringAt;

const std::string kListingsQuery =
    "query Listings($first: Int!, $after: String) { productVariants(first: $first, after: "
    "$after, sortKey: ID) { nodes { " +
    std::string(kShopifyVariantFields) + " } pageInfo { hasNextPage endCursor } } }";

// The query's cost at a page size: `first` is a variable, so the estimate spells it out.
int ListingsCost(int first) {
    return ShopifySelectionCost("productVariants(first: " + std::to_string(first) + ") { nodes { " +
                                std::string(kShopifyVariantFields) +
                                " } pageInfo { hasNextPage } }");
}

std::string ListingTitle(const std::string& product, const std::string& variant) {
    if (variant.empty() || variant == "Default Title") {
        return product;
    }
    return product.empty() ? variant : product + " / " + variant;
}

}  // namespace

Listing MapShopifyVariant(const boost::json::object& node) {
    Listing listing;
    listing.sku = StringAt(node, "sku");
    listing.variant_id = GidTail(StringAt(node, "id"));
    std::string product_title;
    if (const auto* product = ObjectAt(node, "product"); product != nullptr) {
        listing.product_id = GidTail(StringAt(*product, "id"));
        product_title = StringAt(*product, "title");
    }
    listing.title = ListingTitle(product_title, StringAt(node, "title"));
    const auto* item = ObjectAt(node, "inventoryItem");
    listing.inventory_item_id = item != nullptr ? GidTail(StringAt(*item, "id")) : "";
    listing.tracked = item != nullptr && shopify::BoolAt(*item, "tracked");
    return listing;
}

Result<ProductPage> FetchShopifyListings(const GraphqlCall& call,
                                         const ProductPageRequest& request,
                                         ShopifyCatalogueLimits& limits) {
    boost::json::object variables{{"after", nullptr}};
    if (!request.cursor.empty()) {
        variables["after"] = request.cursor;
    }
    const int wanted = std::clamp(request.page_size, 1, limits.max_first);
    int first =
        ShopifyPageSizeWithin(ShopifyNodeCost(kShopifyVariantFields), 0, wanted, limits.max_cost);
    while (true) {
        variables["first"] = first;
        auto data = call(kListingsQuery, variables, ListingsCost(first));
        if (!data && data.error().code == ErrorCode::kPayloadTooLarge && first > 1) {
            first /= 2;
            limits.max_first = first;
            continue;
        }
        if (!data) {
            return tl::unexpected(data.error());
        }
        auto page = ReadShopifyConnection(*data, {"productVariants"});
        if (!page) {
            return tl::unexpected(page.error());
        }
        ProductPage result{{}, page->next_cursor};
        for (const auto& node : page->nodes) {
            result.listings.push_back(MapShopifyVariant(node));
        }
        return result;
    }
}

}  // namespace scs
