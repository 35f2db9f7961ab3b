#include "core/order.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(OrderStatusTest, NamesRoundTripInSchemaSpelling) {
    for (const auto status : {OrderStatus::kPending,
                              OrderStatus::kConfirmed,
                              OrderStatus::kOnHold,
                              OrderStatus::kShipped,
                              OrderStatus::kPartiallyShipped,
                              OrderStatus::kDelivered,
                              OrderStatus::kCancelled,
                              OrderStatus::kReturned,
                              OrderStatus::kClosed}) {
        EXPECT_EQ(ParseOrderStatus(OrderStatusName(status)), status);
    }
    EXPECT_EQ(OrderStatusName(OrderStatus::kPartiallyShipped), "partially_shipped");
    EXPECT_EQ(ParseOrderStatus("Shipped"), std::nullopt);
}

TEST(PaymentStatusTest, NamesRoundTripInSchemaSpelling) {
    for (const auto status : {PaymentStatus::kUnpaid,
                              PaymentStatus::kPending,
                              PaymentStatus::kAuthorized,
                              PaymentStatus::kPaid,
                              PaymentStatus::kPartiallyPaid,
                              PaymentStatus::kPartiallyRefunded,
                              PaymentStatus::kRefunded,
                              PaymentStatus::kVoided}) {
        EXPECT_EQ(ParsePaymentStatus(PaymentStatusName(status)), status);
    }
    EXPECT_EQ(PaymentStatusName(PaymentStatus::kPartiallyRefunded), "partially_refunded");
    EXPECT_EQ(ParsePaymentStatus("expired"), std::nullopt);
}

}  // namespace
}  // namespace scs
