#include "sandbox/shopify/shopify_render.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include "sandbox/generator/generator_catalogue.hpp"
#include "sandbox/generator/minor_units.hpp"
#include "sandbox/shopify/rest_format.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

// "price" and its MoneyBag "price_set".
void PutMoney(json::object& object, std::string_view key, int64_t minor, const Order& order) {
    const std::string amount = FormatMinorUnits(minor, order.exponent);
    object[key] = amount;
    object[std::string(key) + "_set"] = RestMoneyBag(amount, order.currency);
}

json::value TextOrNull(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

std::string Time(TimePoint time, const Order& order) {
    return FormatWithOffset(time, order.utc_offset_minutes);
}

json::array TaxLines(const Order& order, int64_t tax) {
    if (order.tax_rate.basis_points == 0) {
        return {};
    }
    json::object line;
    PutMoney(line, "price", tax, order);
    line["rate"] = static_cast<double>(order.tax_rate.basis_points) / 10'000.0;
    line["title"] = order.tax_rate.title;
    line["channel_liable"] = false;
    return {std::move(line)};
}

json::object LineItem(const OrderLine& line, const Order& order) {
    json::object item{{"id", line.id},
                      {"admin_graphql_api_id", Gid("LineItem", std::to_string(line.id))},
                      {"product_id", CatalogueProductId(line.product_no)},
                      {"variant_id", CatalogueVariantId(line.product_no, line.variant_no)},
                      {"sku", line.sku},
                      {"title", line.title},
                      {"variant_title", line.variant_title},
                      {"name", fmt::format("{} - {}", line.title, line.variant_title)},
                      {"vendor", line.vendor},
                      {"quantity", line.quantity},
                      {"current_quantity", line.quantity},
                      {"fulfillable_quantity", line.quantity},
                      {"grams", line.grams},
                      {"requires_shipping", true},
                      {"taxable", order.tax_rate.basis_points > 0},
                      {"gift_card", false},
                      {"product_exists", true},
                      {"fulfillment_service", "manual"},
                      {"fulfillment_status", nullptr},
                      {"variant_inventory_management", "shopify"},
                      {"properties", json::array{}},
                      {"duties", json::array{}}};
    PutMoney(item, "price", line.unit_price, order);
    PutMoney(item, "total_discount", line.discount, order);
    item["tax_lines"] = TaxLines(order, line.tax);
    return item;
}

json::object RestAddress(const Address& address) {
    return {{"first_name", address.first_name},
            {"last_name", address.last_name},
            {"name", address.first_name + " " + address.last_name},
            {"company", TextOrNull(address.company)},
            {"address1", address.street},
            {"address2", TextOrNull(address.unit)},
            {"city", address.city},
            {"province", address.region},
            {"province_code", address.region_code},
            {"country", address.country},
            {"country_code", address.country_code},
            {"zip", address.postcode},
            {"phone", address.phone},
            {"latitude", address.latitude},
            {"longitude", address.longitude}};
}

json::object RestCustomer(const Customer& customer, const Order& order) {
    return {{"id", customer.id},
            {"admin_graphql_api_id", Gid("Customer", std::to_string(customer.id))},
            {"first_name", customer.first_name},
            {"last_name", customer.last_name},
            {"email", customer.email},
            {"phone", customer.phone},
            {"currency", order.currency},
            {"state", "enabled"},
            {"tags", ""},
            {"verified_email", true},
            {"tax_exempt", false}};
}

json::object ShippingLine(const Order& order) {
    const std::string price = FormatMinorUnits(order.shipping.price, order.exponent);
    return {{"id", order.shipping.id},
            {"code", "standard"},
            {"title", order.shipping.title},
            {"source", "shopify"},
            {"price", price},
            {"price_set", RestMoneyBag(price, order.currency)},
            {"discounted_price", price},
            {"tax_lines", json::array{}},
            {"discount_allocations", json::array{}},
            {"is_removed", false}};
}

void PutLinesAndTotals(json::object& rest, const Order& order) {
    json::array items;
    for (const auto& line : order.lines) {
        items.push_back(LineItem(line, order));
    }
    rest["line_items"] = std::move(items);
    const OrderTotals totals = TotalsOf(order);
    PutMoney(rest, "total_line_items_price", totals.lines, order);
    PutMoney(rest, "total_discounts", totals.discounts, order);
    PutMoney(rest, "subtotal_price", totals.subtotal, order);
    PutMoney(rest, "total_tax", totals.tax, order);
    PutMoney(rest, "total_price", totals.total, order);
    PutMoney(rest, "current_total_price", totals.total, order);
    PutMoney(rest, "current_subtotal_price", totals.subtotal, order);
    PutMoney(rest, "current_total_tax", totals.tax, order);
    PutMoney(rest, "current_total_discounts", totals.discounts, order);
    rest["total_shipping_price_set"] =
        RestMoneyBag(FormatMinorUnits(order.shipping.price, order.exponent), order.currency);
    rest["total_tip_received"] = FormatMinorUnits(0, order.exponent);
    rest["tax_lines"] = TaxLines(order, totals.tax);
    json::array codes;
    if (order.discount_code) {
        codes.push_back({{"code", order.discount_code->code},
                         {"amount", FormatMinorUnits(totals.discounts, order.exponent)},
                         {"type", "percentage"}});
    }
    rest["discount_codes"] = std::move(codes);
    const bool owed = order.payment_state == PaymentState::kPending;
    rest["total_outstanding"] = FormatMinorUnits(owed ? totals.total : 0, order.exponent);
}

std::string_view FinancialStatus(PaymentState state) {
    switch (state) {
        case PaymentState::kPending:
            return "pending";
        case PaymentState::kPaid:
            return "paid";
        case PaymentState::kVoided:
            return "voided";
        case PaymentState::kRefunded:
            return "refunded";
    }
    return "pending";
}

// Payment, cancellation and fulfillment: the facts the canonical status is derived from.
void PutStatus(json::object& rest, const Order& order) {
    const bool cod = order.payment == PaymentMethod::kCashOnDelivery;
    rest["payment_gateway_names"] =
        json::array{cod ? "Cash on Delivery (COD)" : "shopify_payments"};
    rest["financial_status"] = FinancialStatus(order.payment_state);
    rest["cancelled_at"] =
        order.cancelled_at ? json::value(Time(*order.cancelled_at, order)) : nullptr;
    rest["cancel_reason"] = order.cancelled_at ? json::value("customer") : nullptr;
    rest["fulfillment_status"] = order.fulfilment ? json::value("fulfilled") : nullptr;
    json::array fulfillments;
    if (order.fulfilment) {
        fulfillments.push_back({{"id", order.fulfilment->id},
                                {"location_id", order.fulfilment->location_id},
                                {"status", "success"}});
    }
    rest["fulfillments"] = std::move(fulfillments);
    if (order.location_id) {
        rest["location_id"] = *order.location_id;
    }
}

}  // namespace

json::object RenderShopifyOrder(const Order& order) {
    const std::string created = Time(order.created, order);
    json::object rest{{"id", order.id},
                      {"admin_graphql_api_id", Gid("Order", std::to_string(order.id))},
                      {"name", fmt::format("#{}", order.number)},
                      {"number", 1 + order.index},
                      {"order_number", order.number},
                      {"confirmation_number", order.confirmation},
                      {"created_at", created},
                      {"processed_at", created},
                      {"updated_at", Time(order.updated, order)},
                      {"closed_at", nullptr},
                      {"currency", order.currency},
                      {"presentment_currency", order.currency},
                      {"taxes_included", false},
                      {"test", false},
                      {"source_name", "web"},
                      {"note", order.note ? json::value(*order.note) : nullptr},
                      {"note_attributes", json::array{}},
                      {"tags", order.tag},
                      {"refunds", json::array{}}};
    PutLinesAndTotals(rest, order);
    PutStatus(rest, order);
    rest["customer"] = RestCustomer(order.customer, order);
    rest["email"] = order.customer.email;
    rest["contact_email"] = order.customer.email;
    rest["phone"] = order.customer.phone;
    rest["shipping_address"] = RestAddress(order.shipping_address);
    rest["billing_address"] = RestAddress(order.billing_address);
    rest["shipping_lines"] = json::array{ShippingLine(order)};
    rest["total_weight"] = 0;
    return rest;
}

}  // namespace scs::sandbox
