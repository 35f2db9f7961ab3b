#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/order.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

// Shopify order JSON -> the canonical order. Pure functions, thread-safe. The REST/webhook shape
// and the GraphQL shape of one order map to equal Orders. Money is the shop money (the store's
// own currency, `currency` / `currencyCode`), never the presentment money the buyer saw; the
// original amounts as placed, not the `current_*` ones after edits. Text is kept byte for byte,
// except that "" reads as null. Every failure is kInvalidPayload naming the JSON field (also in
// Error::field), or kBadRequest for a status override that names no canonical status.
namespace scs {

// What the mapping needs from the connection. Plain data.
struct OrderMappingContext {
    std::string seller_id;
    int64_t connection_id = 0;  // Connection::id; the schema's seller_sales_channel_id
    // Order::external_status ("paid/unfulfilled", "pending/fulfilled/cancelled") -> canonical
    // status name; replaces the default table for that exact value.
    std::map<std::string, std::string> status_overrides;
    std::map<std::string, std::string> location_hubs;  // platform location id -> hub code
    TimePoint received_at{};
};

// One order of the REST Admin API (`orders/{id}.json` -> "order") or an orders/* webhook body.
[[nodiscard]] Result<Order> MapShopifyRestOrder(std::string_view json,
                                                const OrderMappingContext& context);

// One order node of the GraphQL Admin API, selected with kShopifyGraphqlOrderFields, e.g.
// `orders(first: 50, after: $cursor, query: $q, sortKey: UPDATED_AT) { nodes { <fields> } }`.
[[nodiscard]] Result<Order> MapShopifyGraphqlOrder(std::string_view json,
                                                   const OrderMappingContext& context);

// The selection set MapShopifyGraphqlOrder reads (API version 2025-10). Orders with more than
// 250 line items need the connector to page `lineItems` and merge the nodes before mapping.
inline constexpr std::string_view kShopifyGraphqlOrderFields = R"(
  id name email phone note tags createdAt updatedAt cancelledAt cancelReason
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
  lineItems(first: 250) { nodes {
    id sku name quantity product { id } variant { id }
    originalUnitPriceSet { shopMoney { amount currencyCode } }
    totalDiscountSet { shopMoney { amount currencyCode } }
    taxLines { priceSet { shopMoney { amount currencyCode } } }
  } }
)";

}  // namespace scs
