#include "connectors/woocommerce/woocommerce_order_rules.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace scs::woocommerce {
namespace {

constexpr std::array<std::pair<std::string_view, OrderStatus>, 9> kDefaultStatuses{{
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
    for (const auto& [name, canonical] : kDefaultStatuses) {
        if (name == status) {
            return canonical;
        }
    }
    return std::nullopt;
}

Result<OrderStatus> CanonicalStatus(std::string_view status,
                                    const std::map<std::string, std::string>& overrides) {
    const auto found = overrides.find(std::string(status));
    if (found != overrides.end()) {
        const auto overridden = ParseOrderStatus(found->second);
        if (!overridden) {
            return FailField("status_mapping",
                             "status override \"" + found->first + "\" -> \"" + found->second +
                                 "\" names no canonical status");
        }
        return *overridden;
    }
    if (const auto canonical = DefaultOrderStatus(status)) {
        return *canonical;
    }
    return tl::unexpected(Error{ErrorCode::kInvalidPayload,
                                "woocommerce order: status: unknown value \"" +
                                    std::string(status) + "\" (map it with a status override)",
                                "status",
                                std::nullopt});
}

std::string PaymentMethodOf(std::string_view payment_method) {
    if (payment_method.empty()) {
        return "unknown";
    }
    if (payment_method == "bacs") {
        return "bank_transfer";
    }
    return std::string(payment_method);
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
    int64_t total = 0;
    const bool overflow = __builtin_mul_overflow(item.quantity, item.unit_price, &total) ||
                          __builtin_sub_overflow(total, item.discount.value_or(0), &total) ||
                          __builtin_add_overflow(total, item.tax.value_or(0), &total);
    if (overflow) {
        return Fail(ErrorCode::kInvalidPayload,
                    "woocommerce order: line item " + item.external_id + ": total out of range");
    }
    return total;
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

std::string CanonicalOrderId(int64_t connection_id, std::string_view external_id) {
    return "woocommerce:" + std::to_string(connection_id) + ":" + std::string(external_id);
}

std::string UpperAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return out;
}

bool IsCountryCode(std::string_view code) {
    return code.size() == 2 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace scs::woocommerce
