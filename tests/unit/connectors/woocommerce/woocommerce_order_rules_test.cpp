#include "connectors/woocommerce/woocommerce_order_rules.hpp"

#include <gtest/gtest.h>

namespace scs::woocommerce {
namespace {

TEST(WooCommerceOrderRulesTest, DefaultStatusTable) {
    const std::vector<std::pair<std::string, OrderStatus>> table = {
        {"pending", OrderStatus::kPending},
        {"processing", OrderStatus::kConfirmed},
        {"on-hold", OrderStatus::kOnHold},
        {"completed", OrderStatus::kShipped},
        {"cancelled", OrderStatus::kCancelled},
        {"refunded", OrderStatus::kReturned},
        {"failed", OrderStatus::kCancelled},
        {"trash", OrderStatus::kCancelled},
        {"checkout-draft", OrderStatus::kPending},
    };
    for (const auto& [status, canonical] : table) {
        EXPECT_EQ(DefaultOrderStatus(status), canonical) << status;
        EXPECT_EQ(CanonicalStatus(status, {}).value(), canonical) << status;
    }
    EXPECT_EQ(DefaultOrderStatus("Processing"), std::nullopt);
    EXPECT_EQ(DefaultOrderStatus("wc-processing"), std::nullopt);
    const auto unknown = CanonicalStatus("lost", {});
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidPayload);
    EXPECT_EQ(unknown.error().field, "status");
}

TEST(WooCommerceOrderRulesTest, PaymentMethods) {
    EXPECT_EQ(PaymentMethodOf("cod"), "cod");
    EXPECT_EQ(PaymentMethodOf("bacs"), "bank_transfer");
    EXPECT_EQ(PaymentMethodOf(""), "unknown");
    EXPECT_EQ(PaymentMethodOf("stripe"), "stripe");
}

TEST(WooCommerceOrderRulesTest, PaymentStatus) {
    struct Case {
        PaymentFacts facts;
        PaymentStatus expected;
    };

    const std::vector<Case> cases = {
        {{"processing", "stripe", true, 1000, 0}, PaymentStatus::kPaid},
        {{"pending", "stripe", false, 1000, 0}, PaymentStatus::kPending},
        {{"on-hold", "bacs", false, 1000, 0}, PaymentStatus::kPending},
        {{"failed", "stripe", false, 1000, 0}, PaymentStatus::kVoided},
        {{"cancelled", "cod", false, 1000, 0}, PaymentStatus::kVoided},
        {{"cancelled", "stripe", true, 1000, 0}, PaymentStatus::kPaid},
        {{"completed", "stripe", true, 1000, 1}, PaymentStatus::kPartiallyRefunded},
        {{"completed", "stripe", true, 1000, 999}, PaymentStatus::kPartiallyRefunded},
        {{"refunded", "stripe", true, 1000, 1000}, PaymentStatus::kRefunded},
        {{"refunded", "stripe", true, 1000, 0}, PaymentStatus::kRefunded},  // refunds not sent
        {{"processing", "cod", true, 1000, 0}, PaymentStatus::kPending},    // stamped, not paid
        {{"completed", "cod", true, 1000, 0}, PaymentStatus::kPaid},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(PaymentOf(c.facts).status, c.expected)
            << c.facts.status << " " << c.facts.payment_method << " refunded " << c.facts.refunded;
    }
}

TEST(WooCommerceOrderRulesTest, CashOnDeliveryAmountIsWhatIsLeftToCollect) {
    EXPECT_EQ(PaymentOf({"processing", "cod", true, 1000, 0}).cod_amount, 1000);
    EXPECT_EQ(PaymentOf({"processing", "cod", true, 1000, 250}).cod_amount, 750);
    EXPECT_EQ(PaymentOf({"completed", "cod", true, 1000, 0}).cod_amount, 0);
    EXPECT_EQ(PaymentOf({"processing", "cod", false, 1000, 0}).is_cod, true);
    const OrderPayment card = PaymentOf({"processing", "stripe", true, 1000, 0});
    EXPECT_EQ(card.is_cod, false);
    EXPECT_EQ(card.cod_amount, std::nullopt);
}

TEST(WooCommerceOrderRulesTest, SplitsALineIntoUnitPriceAndDiscount) {
    const auto exact = SplitLine(2, 20000, 18000);
    ASSERT_TRUE(exact.has_value());
    EXPECT_EQ(exact->unit_price, 10000);
    EXPECT_EQ(exact->discount, 2000);
    const auto rounded = SplitLine(3, 1000, 900);  // 3.333... -> 3.34, discount 0.12
    ASSERT_TRUE(rounded.has_value());
    EXPECT_EQ(rounded->unit_price, 334);
    EXPECT_EQ(rounded->discount, 102);
    const auto none = SplitLine(0, 0, 0);
    ASSERT_TRUE(none.has_value());
    EXPECT_EQ(none->unit_price, 0);
    EXPECT_EQ(none->discount, 0);
    EXPECT_FALSE(SplitLine(2, INT64_MAX, -INT64_MAX).has_value());
}

TEST(WooCommerceOrderRulesTest, LineTotalAlwaysAddsTheTax) {
    OrderLineItem item;
    item.quantity = 2;
    item.unit_price = 10000;
    item.discount = 2000;
    item.tax = 2700;
    EXPECT_EQ(LineTotal(item).value(), 20700);
    item.tax = INT64_MAX;
    EXPECT_FALSE(LineTotal(item).has_value());
}

TEST(WooCommerceOrderRulesTest, StableOrderId) {
    EXPECT_EQ(kit::CanonicalOrderId("woocommerce", 21, "7301"), "woocommerce:21:7301");
}

TEST(WooCommerceOrderRulesTest, CountryCodes) {
    EXPECT_EQ(UpperAscii("sa"), "SA");
    EXPECT_TRUE(IsCountryCode("SA"));
    EXPECT_FALSE(IsCountryCode("SAU"));
    EXPECT_FALSE(IsCountryCode("S1"));
    EXPECT_FALSE(IsCountryCode(""));
}

}  // namespace
}  // namespace scs::woocommerce
