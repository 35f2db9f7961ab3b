#include "connectors/woocommerce/woocommerce_order_rules.hpp"

#include <algorithm>
#include <array>

namespace scs::woocommerce {
namespace {

constexpr std::array<kit::StatusRow, 9> kDefaultStatuses{{
    {"pending", OrderStatus::kPending},
    {"processing", OrderStatus::kConfirmed},
    {"on-hold", OrderStatus::kOnHold},
    // WooCommerce cannot know delivery: "completed" is set when the merchant ships (it sends the
    // "Completed order" email, and this service's fulfilment push sets it).
    {"completed", OrderStatus::kShipped},
    {"cancelled", OrderStatus::kCancelled},
    {"refunded", OrderStatus::kReturned},
    {"failed", OrderStatus::kCancelled},
    {"trash", OrderStatus::kCancelled},
    {"checkout-draft", OrderStatus::kPending},
}};

// Core's direct bank transfer; every other gateway id ("cod", "stripe", ...) is kept.
constexpr std::array<kit::PaymentMethodRow, 1> kPaymentMethods{{{"bacs", "bank_transfer"}}};

bool PaymentReceived(const PaymentFacts& facts, bool is_cod) {
    return is_cod ? facts.status == "completed" : facts.date_paid;
}

PaymentStatus PaymentStatusOf(const PaymentFacts& facts, bool paid) {
    if (facts.refunded > 0) {
        return facts.refunded >= facts.total ? PaymentStatus::kRefunded
                                             : PaymentStatus::kPartiallyRefunded;
    }
    if (facts.status == "refunded") {
        return PaymentStatus::kRefunded;
    }
    if (paid) {
        return PaymentStatus::kPaid;
    }
    if (facts.status == "cancelled" || facts.status == "failed") {
        return PaymentStatus::kVoided;
    }
    return PaymentStatus::kPending;
}

}  // namespace

std::optional<OrderStatus> DefaultOrderStatus(std::string_view status) {
    return kit::LookUpStatus(kDefaultStatuses, status);
}

Result<OrderStatus> CanonicalStatus(std::string_view status,
                                    const std::map<std::string, std::string>& overrides) {
    auto overridden = kit::OverriddenStatus(status, overrides);
    if (!overridden) {
        return tl::unexpected(overridden.error());
    }
    if (const auto canonical = overridden->has_value() ? *overridden : DefaultOrderStatus(status)) {
        return *canonical;
    }
    return tl::unexpected(Error{ErrorCode::kInvalidPayload,
                                "woocommerce order: status: unknown value \"" +
                                    std::string(status) + "\" (map it with a status override)",
                                "status",
                                std::nullopt});
}

std::string PaymentMethodOf(std::string_view payment_method) {
    return kit::PaymentMethodOf(kPaymentMethods, payment_method);
}

OrderPayment PaymentOf(const PaymentFacts& facts) {
    OrderPayment payment;
    payment.method = PaymentMethodOf(facts.payment_method);
    const bool is_cod = payment.method == "cod";
    const bool paid = PaymentReceived(facts, is_cod);
    payment.status = PaymentStatusOf(facts, paid);
    payment.is_cod = is_cod;
    if (is_cod) {
        payment.cod_amount = paid ? 0 : std::max<int64_t>(0, facts.total - facts.refunded);
    }
    return payment;
}

Result<int64_t> LineTotal(const OrderLineItem& item) {
    return kit::LineTotal(item, true, "woocommerce order");
}

std::optional<UnitAndDiscount> SplitLine(int64_t quantity, int64_t subtotal, int64_t total) {
    UnitAndDiscount split;
    if (quantity > 0) {
        // C++ division truncates towards zero, which is already the ceiling below zero.
        split.unit_price = subtotal / quantity + (subtotal % quantity > 0 ? 1 : 0);
    }
    int64_t gross = 0;
    if (__builtin_mul_overflow(quantity, split.unit_price, &gross) ||
        __builtin_sub_overflow(gross, total, &split.discount)) {
        return std::nullopt;
    }
    return split;
}

}  // namespace scs::woocommerce
