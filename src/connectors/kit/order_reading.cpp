#include "connectors/kit/order_reading.hpp"

#include "connectors/kit/order_rules.hpp"
#include "core/money.hpp"

namespace scs::kit {
namespace {

std::optional<std::string> OptionalField(JsonReader& reader, std::string_view key) {
    return key.empty() ? std::nullopt : reader.OptionalString(key);
}

}  // namespace

std::string ReadCurrency(JsonReader& order, std::string_view key) {
    std::string currency = order.String(key);
    if (!order.Failed() && !CurrencyExponent(currency)) {
        order.Fail(key, "unknown ISO 4217 currency \"" + currency + "\"");
    }
    return currency;
}

void AddMoney(JsonReader& reader, std::string_view key, int64_t amount, int64_t& sum) {
    if (__builtin_add_overflow(sum, amount, &sum)) {
        reader.Fail(key, "sum out of range");
    }
}

OrderLineItem ReadLineIdentity(JsonReader& line, std::string_view variant_id_key) {
    OrderLineItem item;
    item.external_id = line.Id("id");
    item.external_product_id = line.OptionalId("product_id");
    item.external_variant_id = line.OptionalId(variant_id_key);
    item.sku = line.OptionalString("sku");
    item.name = line.String("name");
    item.quantity = line.Integer("quantity");
    if (item.quantity < 0) {
        line.Fail("quantity", "must not be negative");
    }
    return item;
}

OrderAddress ReadAddressFields(JsonReader& address,
                               const AddressKeys& keys,
                               bool upper_case_country) {
    OrderAddress out;
    out.name = OptionalField(address, keys.name);
    out.company = OptionalField(address, keys.company);
    out.phone = OptionalField(address, keys.phone);
    out.email = OptionalField(address, keys.email);
    out.line1 = OptionalField(address, keys.line1);
    out.line2 = OptionalField(address, keys.line2);
    out.city = OptionalField(address, keys.city);
    out.region = OptionalField(address, keys.region);
    out.postal_code = OptionalField(address, keys.postal_code);
    out.country_code = OptionalField(address, keys.country_code);
    if (out.country_code && upper_case_country) {
        *out.country_code = UpperAscii(*out.country_code);
    }
    if (out.country_code && !IsCountryCode(*out.country_code)) {
        out.country_code.reset();
    }
    return out;
}

void StampOrder(Order& order, const OrderMappingContext& context, std::string_view tag) {
    order.id = CanonicalOrderId(tag, context.connection_id, order.external_id);
    order.seller_id = context.seller_id;
    order.seller_sales_channel_id = context.connection_id;
    order.sales_channel = std::string(tag);
    order.received_at = context.received_at;
    order.version = 1;
}

}  // namespace scs::kit
