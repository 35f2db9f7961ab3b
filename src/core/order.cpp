#include "core/order.hpp"

#include <array>
#include <utility>

namespace scs {
namespace {

constexpr std::array<std::pair<OrderStatus, std::string_view>, 9> kOrderStatusNames{{
    {OrderStatus::kPending, "pending"},
    {OrderStatus::kConfirmed, "confirmed"},
    {OrderStatus::kOnHold, "on_hold"},
    {OrderStatus::kShipped, "shipped"},
    {OrderStatus::kPartiallyShipped, "partially_shipped"},
    {OrderStatus::kDelivered, "delivered"},
    {OrderStatus::kCancelled, "cancelled"},
    {OrderStatus::kReturned, "returned"},
    {OrderStatus::kClosed, "closed"},
}};

constexpr std::array<std::pair<PaymentStatus, std::string_view>, 8> kPaymentStatusNames{{
    {PaymentStatus::kUnpaid, "unpaid"},
    {PaymentStatus::kPending, "pending"},
    {PaymentStatus::kAuthorized, "authorized"},
    {PaymentStatus::kPaid, "paid"},
    {PaymentStatus::kPartiallyPaid, "partially_paid"},
    {PaymentStatus::kPartiallyRefunded, "partially_refunded"},
    {PaymentStatus::kRefunded, "refunded"},
    {PaymentStatus::kVoided, "voided"},
}};

template <class Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [entry, name] : table) {
        if (entry == value) {
            return name;
        }
    }
    return {};
}

template <class Enum, size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view name) {
    for (const auto& [entry, entry_name] : table) {
        if (entry_name == name) {
            return entry;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view OrderStatusName(OrderStatus status) {
    return NameOf(kOrderStatusNames, status);
}

std::optional<OrderStatus> ParseOrderStatus(std::string_view name) {
    return ValueOf(kOrderStatusNames, name);
}

std::string_view PaymentStatusName(PaymentStatus status) {
    return NameOf(kPaymentStatusNames, status);
}

std::optional<PaymentStatus> ParsePaymentStatus(std::string_view name) {
    return ValueOf(kPaymentStatusNames, name);
}

}  // namespace scs
