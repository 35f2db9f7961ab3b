#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/order.hpp"
#include "core/order_mapping_context.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// Shopify order JSON -> the canonical order. Pure functions, thread-safe. The REST/webhook shape
// and the GraphQL shape of one order map to equal Orders. Money is the shop money (the store's
// own currency, `currency` / `currencyCode`), never the presentment money the buyer saw; the
// original amounts as placed, not the `current_*` ones after edits. Text is kept byte for byte,
// except that "" reads as null. Every failure is kInvalidPayload naming the JSON field (also in
// Error::field), or kBadRequest for a status override that names no canonical status.
namespace scs {

// One order of the REST Admin API (`orders/{id}.json` -> "order") or an orders/* webhook body.
[[nodiscard]] Result<Order> MapShopifyRestOrder(std::string_view json,
                                                const OrderMappingContext& context);

// One order node of the GraphQL Admin API, selected with kShopifyGraphqlOrderFields, e.g.
// `orders(first: 50, after: $cursor, query: $q, sortKey: UPDATED_AT) { nodes { <fields> } }`.
[[nodiscard]] Result<Order> MapShopifyGraphqlOrder(std::string_view json,
                                                   const OrderMappingContext& context);

// The selection of one line item (API version 2026-10), also used to page the line items of an
// order that has more than kShopifyGraphqlOrderFields fetches.
inline constexpr std::string_view kShopifyGraphqlLineItemFields = R"(
    id sku name quantity product { id } variant { id }
    originalUnitPriceSet { shopMoney { amount currencyCode } }
    totalDiscountSet { shopMoney { amount currencyCode } }
    taxLines { priceSet { shopMoney { amount currencyCode } } }
)";

// The selection set MapShopifyGraphqlOrder reads (API version 2026-10). It asks for the first 10
// line items (Shopify multiplies a nested connection's size into the query cost); when
// lineItems.pageInfo.hasNextPage the connector pages the rest with kShopifyGraphqlLineItemFields
// and appends them to lineItems.nodes before mapping. The line-item selection repeats
// kShopifyGraphqlLineItemFields verbatim (a unit test keeps them equal).
inline constexpr std::string_view kShopifyGraphqlOrderFields = R"(
  id name email phone note tags createdAt updatedAt cancelledAt cancelReason closed closedAt
  displayFinancialStatus displayFulfillmentStatus currencyCode taxesIncluded paymentGatewayNames
  subtotalPriceSet { shopMoney { amount currencyCode } }
  totalDiscountsSet { shopMoney { amount currencyCode } }
  totalShippingPriceSet { shopMoney { amount currencyCode } }
  totalTaxSet { shopMoney { amount currencyCode } }
  totalPriceSet { shopMoney { amount currencyCode } }
  totalOutstandingSet { shopMoney { amount currencyCode } }
  customer { id firstName lastName }
  shippingAddress { name company phone address1 address2 city province zip countryCodeV2 latitude longitude }
  billingAddress { name company phone address1 address2 city province zip countryCodeV2 latitude longitude }
  shippingLine { title }
  retailLocation { id }
  fulfillments(first: 10) { location { id } }
  lineItems(first: 10) { nodes {
    id sku name quantity product { id } variant { id }
    originalUnitPriceSet { shopMoney { amount currencyCode } }
    totalDiscountSet { shopMoney { amount currencyCode } }
    taxLines { priceSet { shopMoney { amount currencyCode } } }
  } pageInfo { hasNextPage endCursor } }
)";

}  // namespace scs
