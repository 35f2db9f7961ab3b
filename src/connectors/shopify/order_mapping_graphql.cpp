#include <boost/json/object.hpp>

#include "connectors/shopify/order_assembly.hpp"
#include "connectors/shopify/order_mapping.hpp"

namespace scs {
namespace {

using shopify::Gid;
using shopify::JsonReader;
using shopify::kGraphqlMoneyBag;
using shopify::OptionalGid;
using shopify::ShopMoney;

OrderLineItem ReadLine(JsonReader& line, const std::string& currency) {
    OrderLineItem item;
    item.external_id = Gid(line, "id");
    if (auto product = line.OptionalObject("product")) {
        item.external_product_id = OptionalGid(*product, "id");
    }
    if (auto variant = line.OptionalObject("variant")) {
        item.external_variant_id = OptionalGid(*variant, "id");
    }
    item.sku = line.OptionalString("sku");
    item.name = line.String("name");
    item.quantity = line.Integer("quantity");
    if (item.quantity < 0) {
        line.Fail("quantity", "must not be negative");
    }
    item.unit_price = ShopMoney(line, "originalUnitPriceSet", kGraphqlMoneyBag, currency);
    item.discount = ShopMoney(line, "totalDiscountSet", kGraphqlMoneyBag, currency);
    int64_t tax = 0;
    for (auto& tax_line : line.Objects("taxLines")) {
        shopify::AddMoney(
            line, "taxLines", ShopMoney(tax_line, "priceSet", kGraphqlMoneyBag, currency), tax);
    }
    item.tax = tax;
    return item;
}

void ReadStatus(JsonReader& reader, shopify::OrderParts& parts) {
    Order& order = parts.order;
    order.cancelled_at = reader.OptionalTime("cancelledAt");
    if (auto reason = reader.OptionalString("cancelReason")) {
        order.cancel_reason = shopify::LowerAscii(*reason);
    }
    parts.facts.financial = shopify::FinancialFromGraphql(
        reader.OptionalString("displayFinancialStatus").value_or("PENDING"));
    parts.facts.fulfillment =
        shopify::FulfillmentFromGraphql(reader.String("displayFulfillmentStatus"));
    parts.facts.cancelled = order.cancelled_at.has_value();
    parts.facts.closed = reader.OptionalBool("closed").value_or(false) ||
                         reader.OptionalTime("closedAt").has_value();
    parts.gateways = reader.StringArray("paymentGatewayNames");
}

void ReadTotals(JsonReader& reader, shopify::OrderParts& parts) {
    Order& order = parts.order;
    const std::string& currency = order.currency;
    order.totals.subtotal = ShopMoney(reader, "subtotalPriceSet", kGraphqlMoneyBag, currency);
    order.totals.discount = ShopMoney(reader, "totalDiscountsSet", kGraphqlMoneyBag, currency);
    order.totals.shipping = ShopMoney(reader, "totalShippingPriceSet", kGraphqlMoneyBag, currency);
    order.totals.tax = ShopMoney(reader, "totalTaxSet", kGraphqlMoneyBag, currency);
    order.totals.total = ShopMoney(reader, "totalPriceSet", kGraphqlMoneyBag, currency);
    order.totals.taxes_included = reader.OptionalBool("taxesIncluded");
    parts.outstanding = reader.Has("totalOutstandingSet")
                            ? ShopMoney(reader, "totalOutstandingSet", kGraphqlMoneyBag, currency)
                            : order.totals.total;
}

void ReadPeople(JsonReader& reader, Order& order) {
    if (auto customer = reader.OptionalObject("customer")) {
        order.customer = OrderCustomer{OptionalGid(*customer, "id"),
                                       customer->OptionalString("firstName"),
                                       customer->OptionalString("lastName"),
                                       reader.OptionalString("email"),
                                       reader.OptionalString("phone")};
    }
    order.shipping_address = shopify::ReadAddress(reader, "shippingAddress", "countryCodeV2");
    order.billing_address = shopify::ReadAddress(reader, "billingAddress", "countryCodeV2");
}

std::optional<std::string> LocationGid(JsonReader& reader, std::string_view key) {
    auto location = reader.OptionalObject(key);
    return location ? OptionalGid(*location, "id") : std::nullopt;
}

void ReadShipping(JsonReader& reader, shopify::OrderParts& parts) {
    OrderShipping shipping;
    if (auto line = reader.OptionalObject("shippingLine")) {
        shipping.method = line->OptionalString("title");
    }
    shipping.price = parts.order.totals.shipping;
    parts.order.shipping = shipping;
    for (auto& fulfillment : reader.Objects("fulfillments")) {
        if (auto location = LocationGid(fulfillment, "location")) {
            parts.location_ids.push_back(*location);
        }
    }
    if (auto location = LocationGid(reader, "retailLocation")) {
        parts.location_ids.push_back(*location);
    }
}

shopify::OrderParts ReadGraphqlOrder(JsonReader& reader) {
    shopify::OrderParts parts;
    Order& order = parts.order;
    order.external_id = Gid(reader, "id");
    order.reference = reader.String("name");
    order.currency = shopify::ReadCurrency(reader, "currencyCode");
    order.created_at = reader.Time("createdAt");
    order.updated_at = reader.Time("updatedAt");
    order.note = reader.OptionalString("note");
    order.tags = reader.StringArray("tags");
    ReadStatus(reader, parts);
    ReadTotals(reader, parts);
    ReadPeople(reader, order);
    ReadShipping(reader, parts);
    for (auto& line : reader.Object("lineItems").Objects("nodes")) {
        order.line_items.push_back(ReadLine(line, order.currency));
    }
    return parts;
}

}  // namespace

Result<Order> MapShopifyGraphqlOrder(std::string_view json, const OrderMappingContext& context) {
    auto payload = kit::ParseObject(json, shopify::kOrderDialect.subject);
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    return shopify::MapPayload(*payload, ReadGraphqlOrder, context);
}

}  // namespace scs
