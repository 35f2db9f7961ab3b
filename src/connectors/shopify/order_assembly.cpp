#include "connectors/shopify/order_assembly.hpp"

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
    kit::StampOrder(order, context, "shopify");
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

std::optional<OrderAddress> ReadAddress(JsonReader& order,
                                        std::string_view key,
                                        std::string_view country_key) {
    auto reader = order.OptionalObject(key);
    if (!reader) {
        return std::nullopt;
    }
    kit::AddressKeys keys;
    keys.name = "name";
    keys.line1 = "address1";
    keys.line2 = "address2";
    keys.region = "province";
    keys.postal_code = "zip";
    keys.country_code = country_key;
    OrderAddress address = kit::ReadAddressFields(*reader, keys, false);
    address.latitude = reader->OptionalNumber("latitude");
    address.longitude = reader->OptionalNumber("longitude");
    return address;
}

}  // namespace scs::shopify
