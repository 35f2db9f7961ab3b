#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

// The canonical order (../shared/contracts/order.v1.schema.json, copied to
// docs/contracts/), field for field. Plain data: money is int64 minor units of Order::currency,
// times are UTC, ids are strings, and an empty std::optional is the schema's null.
namespace scs {

// The schema's "status" enum, after the connection's status mapping.
enum class OrderStatus {
    kPending,
    kConfirmed,
    kOnHold,
    kShipped,
    kPartiallyShipped,
    kDelivered,
    kCancelled,
    kReturned,
    kClosed,
};

// The schema's "payment.status" enum.
enum class PaymentStatus {
    kUnpaid,
    kPending,
    kAuthorized,
    kPaid,
    kPartiallyPaid,
    kPartiallyRefunded,
    kRefunded,
    kVoided,
};

// Schema spellings: "partially_shipped", "partially_refunded", ... and back.
std::string_view OrderStatusName(OrderStatus status);
std::optional<OrderStatus> ParseOrderStatus(std::string_view name);
std::string_view PaymentStatusName(PaymentStatus status);
std::optional<PaymentStatus> ParsePaymentStatus(std::string_view name);

struct OrderTotals {
    int64_t subtotal = 0;
    int64_t discount = 0;
    int64_t shipping = 0;
    int64_t tax = 0;
    int64_t total = 0;
    std::optional<bool> taxes_included;

    bool operator==(const OrderTotals&) const = default;
};

struct OrderPayment {
    PaymentStatus status = PaymentStatus::kPending;
    std::string method;  // cod, card, bank_transfer, wallet, marketplace, or the gateway's name
    std::optional<bool> is_cod;
    std::optional<int64_t> cod_amount;

    bool operator==(const OrderPayment&) const = default;
};

struct OrderCustomer {
    std::optional<std::string> external_id;
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
    std::optional<std::string> email;
    std::optional<std::string> phone;

    bool operator==(const OrderCustomer&) const = default;
};

struct OrderAddress {
    std::optional<std::string> name;
    std::optional<std::string> company;
    std::optional<std::string> phone;
    std::optional<std::string> email;
    std::optional<std::string> line1;
    std::optional<std::string> line2;
    std::optional<std::string> district;
    std::optional<std::string> city;
    std::optional<std::string> region;
    std::optional<std::string> postal_code;
    std::optional<std::string> country_code;  // ISO 3166-1 alpha-2, upper case
    std::optional<double> latitude;
    std::optional<double> longitude;

    bool operator==(const OrderAddress&) const = default;
};

struct OrderShipping {
    std::optional<std::string> method;
    std::optional<int64_t> price;
    std::optional<std::string> hub_code;  // from the connection's location mapping

    bool operator==(const OrderShipping&) const = default;
};

struct OrderLineItem {
    std::string external_id;
    std::optional<std::string> external_product_id;
    std::optional<std::string> external_variant_id;
    std::optional<std::string> sku;
    std::string name;
    int64_t quantity = 0;
    int64_t unit_price = 0;
    std::optional<int64_t> discount;
    std::optional<int64_t> tax;
    int64_t total = 0;  // quantity * unit_price - discount (+ tax when prices exclude tax)

    bool operator==(const OrderLineItem&) const = default;
};

struct Order {
    std::string id;  // stable service id: the same platform order always gets the same one
    std::string seller_id;
    int64_t seller_sales_channel_id = 0;  // the connection id
    std::string sales_channel;            // platform tag
    std::string external_id;
    std::string reference;  // what a person sees: Shopify "#1001"
    OrderStatus status = OrderStatus::kPending;
    std::string external_status;  // the platform's own status value(s), for audit
    std::string currency;         // ISO 4217
    OrderTotals totals;
    std::vector<OrderLineItem> line_items;
    OrderPayment payment;
    std::optional<OrderCustomer> customer;
    std::optional<OrderAddress> shipping_address;
    std::optional<OrderAddress> billing_address;
    std::optional<OrderShipping> shipping;
    std::vector<std::string> tags;
    std::optional<std::string> note;
    std::optional<TimePoint> cancelled_at;
    std::optional<std::string> cancel_reason;
    TimePoint created_at{};
    TimePoint updated_at{};
    std::optional<TimePoint> received_at;  // bookkeeping: when the service first saw this version
    int64_t version = 1;                   // bookkeeping: bumped when the content hash changes

    bool operator==(const Order&) const = default;
};

}  // namespace scs
