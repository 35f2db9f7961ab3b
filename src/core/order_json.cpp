#include "core/order_json.hpp"

#include <boost/json.hpp>

namespace scs {
namespace {

namespace json = boost::json;

json::value Nullable(const std::optional<std::string>& text) {
    return text ? json::value(*text) : json::value(nullptr);
}

json::value Nullable(const std::optional<double>& number) {
    return number ? json::value(*number) : json::value(nullptr);
}

json::value Nullable(const std::optional<TimePoint>& time) {
    return time ? json::value(FormatRfc3339(*time)) : json::value(nullptr);
}

template <class T>
void PutIfSet(json::object& out, std::string_view key, const std::optional<T>& value) {
    if (value) {
        out.emplace(key, *value);
    }
}

json::object TotalsJson(const OrderTotals& totals) {
    json::object out{{"subtotal", totals.subtotal},
                     {"discount", totals.discount},
                     {"shipping", totals.shipping},
                     {"tax", totals.tax},
                     {"total", totals.total}};
    PutIfSet(out, "taxes_included", totals.taxes_included);
    return out;
}

json::object PaymentJson(const OrderPayment& payment) {
    json::object out{{"status", PaymentStatusName(payment.status)}, {"method", payment.method}};
    PutIfSet(out, "is_cod", payment.is_cod);
    PutIfSet(out, "cod_amount", payment.cod_amount);
    return out;
}

json::value CustomerJson(const std::optional<OrderCustomer>& customer) {
    if (!customer) {
        return nullptr;
    }
    return json::object{{"external_id", Nullable(customer->external_id)},
                        {"first_name", Nullable(customer->first_name)},
                        {"last_name", Nullable(customer->last_name)},
                        {"email", Nullable(customer->email)},
                        {"phone", Nullable(customer->phone)}};
}

json::value AddressJson(const std::optional<OrderAddress>& address) {
    if (!address) {
        return nullptr;
    }
    return json::object{{"name", Nullable(address->name)},
                        {"company", Nullable(address->company)},
                        {"phone", Nullable(address->phone)},
                        {"email", Nullable(address->email)},
                        {"line1", Nullable(address->line1)},
                        {"line2", Nullable(address->line2)},
                        {"district", Nullable(address->district)},
                        {"city", Nullable(address->city)},
                        {"region", Nullable(address->region)},
                        {"postal_code", Nullable(address->postal_code)},
                        {"country_code", Nullable(address->country_code)},
                        {"latitude", Nullable(address->latitude)},
                        {"longitude", Nullable(address->longitude)}};
}

json::value ShippingJson(const std::optional<OrderShipping>& shipping) {
    if (!shipping) {
        return nullptr;
    }
    json::object out{{"method", Nullable(shipping->method)}};
    PutIfSet(out, "price", shipping->price);
    out.emplace("hub_code", Nullable(shipping->hub_code));
    return out;
}

json::array LineItemsJson(const std::vector<OrderLineItem>& items) {
    json::array out;
    out.reserve(items.size());
    for (const auto& item : items) {
        json::object line{{"external_id", item.external_id},
                          {"external_product_id", Nullable(item.external_product_id)},
                          {"external_variant_id", Nullable(item.external_variant_id)},
                          {"sku", Nullable(item.sku)},
                          {"name", item.name},
                          {"quantity", item.quantity},
                          {"unit_price", item.unit_price}};
        PutIfSet(line, "discount", item.discount);
        PutIfSet(line, "tax", item.tax);
        line.emplace("total", item.total);
        out.emplace_back(std::move(line));
    }
    return out;
}

json::array TagsJson(const std::vector<std::string>& tags) {
    json::array out;
    for (const auto& tag : tags) {
        out.emplace_back(tag);
    }
    return out;
}

json::object OrderObject(const Order& order) {
    json::object out{{"schema", "scs.order.v1"},
                     {"id", order.id},
                     {"seller_id", order.seller_id},
                     {"seller_sales_channel_id", order.seller_sales_channel_id},
                     {"sales_channel", order.sales_channel},
                     {"external_id", order.external_id},
                     {"reference", order.reference},
                     {"status", OrderStatusName(order.status)},
                     {"external_status", order.external_status},
                     {"currency", order.currency},
                     {"totals", TotalsJson(order.totals)},
                     {"payment", PaymentJson(order.payment)},
                     {"customer", CustomerJson(order.customer)},
                     {"shipping_address", AddressJson(order.shipping_address)},
                     {"billing_address", AddressJson(order.billing_address)},
                     {"shipping", ShippingJson(order.shipping)},
                     {"line_items", LineItemsJson(order.line_items)},
                     {"tags", TagsJson(order.tags)},
                     {"note", Nullable(order.note)},
                     {"cancelled_at", Nullable(order.cancelled_at)},
                     {"cancel_reason", Nullable(order.cancel_reason)},
                     {"created_at", FormatRfc3339(order.created_at)},
                     {"updated_at", FormatRfc3339(order.updated_at)}};
    if (order.received_at) {
        out.emplace("received_at", FormatRfc3339(*order.received_at));
    }
    out.emplace("version", order.version);
    return out;
}

}  // namespace

std::string OrderToJson(const Order& order) {
    return json::serialize(OrderObject(order));
}

std::string CanonicalContentJson(const Order& order) {
    json::object content = OrderObject(order);
    for (const std::string_view key : {"id", "version", "received_at"}) {
        content.erase(key);
    }
    return json::serialize(content);
}

}  // namespace scs
