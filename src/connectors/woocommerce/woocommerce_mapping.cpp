#include "connectors/woocommerce/woocommerce_mapping.hpp"

#include <algorithm>

#include <boost/json/parse.hpp>

#include "connectors/kit/order_reading.hpp"
#include "connectors/woocommerce/woocommerce_json_dialect.hpp"
#include "connectors/woocommerce/woocommerce_order_rules.hpp"
#include "core/money.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using woocommerce::JsonReader;

// WooCommerce's `billing` and `shipping` keys; the name is first_name + last_name.
constexpr kit::AddressKeys kAddressKeys{"",
                                        "company",
                                        "phone",
                                        "email",
                                        "address_1",
                                        "address_2",
                                        "city",
                                        "state",
                                        "postcode",
                                        "country"};

// What the reader hands over besides the content: the raw facts the rules turn into status and
// payment.
struct OrderParts {
    Order order;
    woocommerce::PaymentFacts payment;
};

// The unit price from `subtotal` (before discounts) / quantity; `price` (a JSON number, the
// after-discount total / quantity) only when the subtotal is missing, which leaves no discount.
void ReadLineMoney(JsonReader& line,
                   const std::string& currency,
                   OrderLineItem& item,
                   int64_t& subtotal) {
    if (line.Has("subtotal")) {
        subtotal = line.Money("subtotal", currency);
    } else if (__builtin_mul_overflow(line.NumberMoney("price", currency),
                                      std::max<int64_t>(item.quantity, 0),
                                      &subtotal)) {
        line.Fail("price", "price * quantity out of range");
    }
    const int64_t total = line.Money("total", currency);
    const auto split = woocommerce::SplitLine(item.quantity, subtotal, total);
    if (!split) {
        line.Fail("total", "out of range");
        return;
    }
    item.unit_price = split->unit_price;
    item.discount = split->discount;
    item.tax = line.Money("total_tax", currency);
}

OrderLineItem ReadLine(JsonReader& line, const std::string& currency, int64_t& subtotal) {
    OrderLineItem item = kit::ReadLineIdentity(line, "variation_id");
    ReadLineMoney(line, currency, item, subtotal);
    return item;
}

void ReadLines(JsonReader& reader, Order& order) {
    for (auto& line : reader.Objects("line_items")) {
        int64_t subtotal = 0;
        order.line_items.push_back(ReadLine(line, order.currency, subtotal));
        kit::AddMoney(reader, "line_items", subtotal, order.totals.subtotal);
    }
}

void ReadTotals(JsonReader& reader, OrderParts& parts) {
    OrderTotals& totals = parts.order.totals;
    const std::string& currency = parts.order.currency;
    totals.discount = reader.Money("discount_total", currency);
    totals.shipping = reader.Money("shipping_total", currency);
    totals.tax = reader.Money("total_tax", currency);
    totals.total = reader.Money("total", currency);
    totals.taxes_included = reader.OptionalBool("prices_include_tax");
    parts.payment.total = totals.total;
    // Refund totals are negative ("-10.00"); the refunded amount is their magnitude.
    for (auto& refund : reader.Objects("refunds")) {
        const int64_t amount = refund.Money("total", currency);
        kit::AddMoney(reader, "refunds", amount < 0 ? -amount : amount, parts.payment.refunded);
    }
}

std::optional<std::string> FullName(JsonReader& address) {
    const auto first = address.OptionalString("first_name");
    const auto last = address.OptionalString("last_name");
    if (first && last) {
        return *first + " " + *last;
    }
    return first ? first : last;
}

bool IsEmpty(const OrderAddress& address) {
    return address == OrderAddress{};
}

// `billing` or `shipping`: WooCommerce sends every key, "" when unknown, so an address with
// nothing in it reads as null. A country that is not two letters reads as null.
std::optional<OrderAddress> ReadAddress(JsonReader& reader, std::string_view key) {
    auto source = reader.OptionalObject(key);
    if (!source) {
        return std::nullopt;
    }
    // The name comes first, as the reader keeps the first error.
    auto name = FullName(*source);
    OrderAddress address = kit::ReadAddressFields(*source, kAddressKeys, true);
    address.name = std::move(name);
    return IsEmpty(address) ? std::nullopt : std::optional<OrderAddress>(address);
}

// The customer is the billing person; customer_id 0 is a guest (no external id).
void ReadPeople(JsonReader& reader, Order& order) {
    OrderCustomer customer;
    customer.external_id = reader.OptionalId("customer_id");
    if (auto billing = reader.OptionalObject("billing")) {
        customer.first_name = billing->OptionalString("first_name");
        customer.last_name = billing->OptionalString("last_name");
        customer.email = billing->OptionalString("email");
        customer.phone = billing->OptionalString("phone");
    }
    if (customer != OrderCustomer{}) {
        order.customer = customer;
    }
    order.shipping_address = ReadAddress(reader, "shipping");
    order.billing_address = ReadAddress(reader, "billing");
}

void ReadShipping(JsonReader& reader, Order& order) {
    OrderShipping shipping;
    int64_t price = 0;
    auto lines = reader.Objects("shipping_lines");
    for (auto& line : lines) {
        kit::AddMoney(reader, "shipping_lines", line.Money("total", order.currency), price);
    }
    if (!lines.empty()) {
        shipping.method = lines.front().OptionalString("method_title");
    }
    shipping.price = price;
    order.shipping = shipping;
}

void ReadDates(JsonReader& reader, Order& order) {
    const auto created = reader.OptionalTime("date_created_gmt");
    if (!created) {
        reader.Fail("date_created_gmt", "missing");
    }
    order.created_at = created.value_or(TimePoint{});
    order.updated_at = reader.OptionalTime("date_modified_gmt").value_or(order.created_at);
}

OrderParts ReadOrder(JsonReader& reader) {
    OrderParts parts;
    Order& order = parts.order;
    order.external_id = reader.Id("id");
    order.reference = reader.String("number");
    order.external_status = reader.String("status");
    order.currency = kit::ReadCurrency(reader, "currency");
    ReadDates(reader, order);
    order.note = reader.OptionalString("customer_note");
    parts.payment.status = order.external_status;
    parts.payment.payment_method = reader.OptionalString("payment_method").value_or("");
    parts.payment.date_paid = reader.OptionalTime("date_paid_gmt").has_value();
    ReadTotals(reader, parts);
    ReadLines(reader, order);
    ReadPeople(reader, order);
    ReadShipping(reader, order);
    return parts;
}

Result<Order> CompleteOrder(OrderParts parts, const OrderMappingContext& context) {
    Order& order = parts.order;
    kit::StampOrder(order, context, "woocommerce");
    auto status = woocommerce::CanonicalStatus(order.external_status, context.status_overrides);
    if (!status) {
        return tl::unexpected(status.error());
    }
    order.status = *status;
    order.payment = woocommerce::PaymentOf(parts.payment);
    // WooCommerce core has no locations: the connection's hub for location "" applies to all.
    if (const auto hub = context.location_hubs.find(""); hub != context.location_hubs.end()) {
        order.shipping->hub_code = hub->second;
    }
    for (size_t i = 0; i < order.line_items.size(); ++i) {
        auto total = woocommerce::LineTotal(order.line_items[i]);
        if (!total) {
            const std::string field = "line_items[" + std::to_string(i) + "].total";
            return tl::unexpected(Error{
                ErrorCode::kInvalidPayload,
                std::string(woocommerce::kOrderDialect.subject) + ": " + field + ": out of range",
                field,
                std::nullopt});
        }
        order.line_items[i].total = *total;
    }
    return std::move(order);
}

}  // namespace

Result<Order> MapWooCommerceOrderValue(const json::value& order,
                                       const OrderMappingContext& context) {
    if (!order.is_object()) {
        return Fail(ErrorCode::kInvalidPayload, "woocommerce order: not a JSON object");
    }
    std::optional<Error> first_error;
    JsonReader reader(order.get_object(), "", woocommerce::kOrderDialect, first_error);
    OrderParts parts = ReadOrder(reader);
    if (first_error) {
        return tl::unexpected(std::move(*first_error));
    }
    return CompleteOrder(std::move(parts), context);
}

Result<Order> MapWooCommerceOrder(std::string_view json, const OrderMappingContext& context) {
    boost::system::error_code ec;
    json::value value = json::parse(json, ec);
    if (ec) {
        return Fail(ErrorCode::kInvalidPayload, "woocommerce order: not JSON: " + ec.message());
    }
    return MapWooCommerceOrderValue(value, context);
}

WooCommerceOrderKeys ReadWooCommerceOrderKeys(const json::value& order) {
    WooCommerceOrderKeys keys;
    const auto* object = order.if_object();
    if (object == nullptr) {
        return keys;
    }
    const auto text = [&](std::string_view key) -> std::optional<std::string_view> {
        const auto* value = object->if_contains(key);
        return value != nullptr && value->is_string()
                   ? std::optional<std::string_view>(value->get_string())
                   : std::nullopt;
    };
    if (const auto* id = object->if_contains("id")) {
        keys.external_id = kit::IdOf(*id).value_or("");
    }
    const auto modified = text("date_modified_gmt");
    const auto created = text("date_created_gmt");
    keys.updated_at = modified ? woocommerce::ParseGmtTime(*modified) : std::nullopt;
    if (!keys.updated_at && created) {
        keys.updated_at = woocommerce::ParseGmtTime(*created);
    }
    return keys;
}

}  // namespace scs
