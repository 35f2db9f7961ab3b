#include "connectors/shopify/order_assembly.hpp"

#include "core/money.hpp"

namespace scs::shopify {
namespace {

// Payment and status both depend on whether the order is cash on delivery.
Status CompletePaymentAndStatus(OrderParts& parts, const OrderMappingContext& context) {
    Order& order = parts.order;
    auto payment = PaymentStatusOf(parts.facts.financial);
    if (!payment) {
        return tl::unexpected(payment.error());
    }
    order.payment.status = *payment;
    order.payment.method = PaymentMethodOf(parts.gateways);
    parts.facts.is_cod = order.payment.method == "cod";
    order.payment.is_cod = parts.facts.is_cod;
    if (parts.facts.is_cod) {
        order.payment.cod_amount = parts.outstanding;
    }
    order.external_status = ExternalStatus(parts.facts);
    auto status = CanonicalStatus(parts.facts, context.status_overrides);
    if (!status) {
        return tl::unexpected(status.error());
    }
    order.status = *status;
    return {};
}

}  // namespace

Result<Order> CompleteOrder(OrderParts parts, const OrderMappingContext& context) {
    Order& order = parts.order;
    order.id = CanonicalOrderId(context.connection_id, order.external_id);
    order.seller_id = context.seller_id;
    order.seller_sales_channel_id = context.connection_id;
    order.sales_channel = "shopify";
    order.received_at = context.received_at;
    order.version = 1;
    if (auto done = CompletePaymentAndStatus(parts, context); !done) {
        return tl::unexpected(done.error());
    }
    if (!order.shipping) {
        order.shipping = OrderShipping{};
    }
    order.shipping->hub_code = HubOf(parts.location_ids, context.location_hubs);
    for (auto& item : order.line_items) {
        auto total = LineTotal(item, order.totals.taxes_included.value_or(false));
        if (!total) {
            return tl::unexpected(total.error());
        }
        item.total = *total;
    }
    return std::move(order);
}

std::string ReadCurrency(JsonReader& order, std::string_view key) {
    std::string currency = order.String(key);
    if (!order.Failed() && !CurrencyExponent(currency)) {
        order.Fail(key, "unknown ISO 4217 currency \"" + currency + "\"");
    }
    return currency;
}

std::optional<OrderAddress> ReadAddress(JsonReader& order,
                                        std::string_view key,
                                        std::string_view country_key) {
    auto reader = order.OptionalObject(key);
    if (!reader) {
        return std::nullopt;
    }
    OrderAddress address;
    address.name = reader->OptionalString("name");
    address.company = reader->OptionalString("company");
    address.phone = reader->OptionalString("phone");
    address.line1 = reader->OptionalString("address1");
    address.line2 = reader->OptionalString("address2");
    address.city = reader->OptionalString("city");
    address.region = reader->OptionalString("province");
    address.postal_code = reader->OptionalString("zip");
    address.country_code = reader->OptionalString(country_key);
    if (address.country_code && !kit::IsCountryCode(*address.country_code)) {
        address.country_code.reset();
    }
    address.latitude = reader->OptionalNumber("latitude");
    address.longitude = reader->OptionalNumber("longitude");
    return address;
}

void AddMoney(JsonReader& reader, std::string_view key, int64_t amount, int64_t& sum) {
    if (__builtin_add_overflow(sum, amount, &sum)) {
        reader.Fail(key, "sum out of range");
    }
}

}  // namespace scs::shopify
