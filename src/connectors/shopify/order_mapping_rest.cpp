#include <boost/json/object.hpp>

#include "connectors/shopify/order_assembly.hpp"
#include "connectors/shopify/order_mapping.hpp"

namespace scs {
namespace {

using shopify::JsonReader;
using shopify::kRestMoneyBag;
using shopify::ShopMoney;

// REST carries each amount twice: "price" (shop currency) and "price_set" (shop + presentment).
// The MoneyBag is preferred; the plain field covers payloads trimmed by `fields`/include_fields.
int64_t RestMoney(JsonReader& reader, std::string_view key, const std::string& currency) {
    const std::string set_key = std::string(key) + "_set";
    if (reader.Has(set_key) || !reader.Has(key)) {
        return ShopMoney(reader, set_key, kRestMoneyBag, currency);
    }
    return reader.Money(key, currency);
}

OrderLineItem ReadLine(JsonReader& line, const std::string& currency) {
    OrderLineItem item = kit::ReadLineIdentity(line, "variant_id");
    item.unit_price = RestMoney(line, "price", currency);
    item.discount = RestMoney(line, "total_discount", currency);
    int64_t tax = 0;
    for (auto& tax_line : line.Objects("tax_lines")) {
        shopify::AddMoney(line, "tax_lines", RestMoney(tax_line, "price", currency), tax);
    }
    item.tax = tax;
    return item;
}

void ReadStatus(JsonReader& reader, shopify::OrderParts& parts) {
    Order& order = parts.order;
    order.cancelled_at = reader.OptionalTime("cancelled_at");
    order.cancel_reason = reader.OptionalString("cancel_reason");
    parts.facts.financial = reader.OptionalString("financial_status").value_or("pending");
    parts.facts.fulfillment = reader.OptionalString("fulfillment_status").value_or("unfulfilled");
    parts.facts.cancelled = order.cancelled_at.has_value();
    parts.facts.closed = reader.OptionalTime("closed_at").has_value();
    parts.gateways = reader.StringArray("payment_gateway_names");
}

void ReadTotals(JsonReader& reader, shopify::OrderParts& parts) {
    Order& order = parts.order;
    const std::string& currency = order.currency;
    order.totals.subtotal = RestMoney(reader, "subtotal_price", currency);
    order.totals.discount = RestMoney(reader, "total_discounts", currency);
    order.totals.shipping = RestMoney(reader, "total_shipping_price", currency);
    order.totals.tax = RestMoney(reader, "total_tax", currency);
    order.totals.total = RestMoney(reader, "total_price", currency);
    order.totals.taxes_included = reader.OptionalBool("taxes_included");
    parts.outstanding = reader.Has("total_outstanding")
                            ? reader.Money("total_outstanding", currency)
                            : order.totals.total;
}

void ReadPeople(JsonReader& reader, Order& order) {
    if (auto customer = reader.OptionalObject("customer")) {
        order.customer = OrderCustomer{customer->OptionalId("id"),
                                       customer->OptionalString("first_name"),
                                       customer->OptionalString("last_name"),
                                       reader.OptionalString("email"),
                                       reader.OptionalString("phone")};
    }
    order.shipping_address = shopify::ReadAddress(reader, "shipping_address", "country_code");
    order.billing_address = shopify::ReadAddress(reader, "billing_address", "country_code");
}

void ReadShipping(JsonReader& reader, shopify::OrderParts& parts) {
    OrderShipping shipping;
    // The first shipping line is the order's method.
    auto lines = reader.Objects("shipping_lines");
    if (!lines.empty()) {
        shipping.method = lines.front().OptionalString("title");
    }
    shipping.price = parts.order.totals.shipping;
    parts.order.shipping = shipping;
    for (auto& fulfillment : reader.Objects("fulfillments")) {
        if (auto location = fulfillment.OptionalId("location_id")) {
            parts.location_ids.push_back(*location);
        }
    }
    if (auto location = reader.OptionalId("location_id")) {
        parts.location_ids.push_back(*location);
    }
}

shopify::OrderParts ReadRestOrder(JsonReader& reader) {
    shopify::OrderParts parts;
    Order& order = parts.order;
    order.external_id = reader.Id("id");
    order.reference = reader.String("name");
    order.currency = shopify::ReadCurrency(reader, "currency");
    order.created_at = reader.Time("created_at");
    order.updated_at = reader.Time("updated_at");
    order.note = reader.OptionalString("note");
    order.tags = shopify::SplitTags(reader.OptionalString("tags").value_or(""));
    ReadStatus(reader, parts);
    ReadTotals(reader, parts);
    ReadPeople(reader, order);
    ReadShipping(reader, parts);
    for (auto& line : reader.Objects("line_items")) {
        order.line_items.push_back(ReadLine(line, order.currency));
    }
    return parts;
}

}  // namespace

Result<Order> MapShopifyRestOrder(std::string_view json, const OrderMappingContext& context) {
    auto payload = kit::ParseObject(json, shopify::kOrderDialect.subject);
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    // GET orders/{id}.json wraps the order in {"order": ...}; webhooks send it bare.
    const auto* wrapped = payload->if_contains("order");
    const auto& order = wrapped != nullptr && wrapped->is_object() && payload->size() == 1
                            ? wrapped->get_object()
                            : *payload;
    return shopify::MapPayload(order, ReadRestOrder, context);
}

}  // namespace scs
