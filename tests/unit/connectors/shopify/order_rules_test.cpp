#include "connectors/shopify/order_rules.hpp"

#include <limits>

#include <gtest/gtest.h>

namespace scs::shopify {
namespace {

OrderStatus Default(std::string financial,
                    std::string fulfillment,
                    bool cancelled = false,
                    bool cod = false,
                    bool closed = false) {
    return CanonicalStatus({std::move(financial), std::move(fulfillment), cancelled, cod, closed},
                           {})
        .value();
}

TEST(ShopifyOrderRulesTest, DefaultStatusTable) {
    EXPECT_EQ(Default("paid", "unfulfilled"), OrderStatus::kConfirmed);
    EXPECT_EQ(Default("authorized", "unfulfilled"), OrderStatus::kConfirmed);
    EXPECT_EQ(Default("partially_paid", "unfulfilled"), OrderStatus::kConfirmed);
    EXPECT_EQ(Default("pending", "unfulfilled"), OrderStatus::kPending);
    EXPECT_EQ(Default("pending", "unfulfilled", false, true), OrderStatus::kConfirmed);
    EXPECT_EQ(Default("voided", "unfulfilled"), OrderStatus::kCancelled);
    EXPECT_EQ(Default("refunded", "unfulfilled"), OrderStatus::kCancelled);
    EXPECT_EQ(Default("paid", "partial"), OrderStatus::kPartiallyShipped);
    EXPECT_EQ(Default("paid", "fulfilled"), OrderStatus::kShipped);
    EXPECT_EQ(Default("refunded", "fulfilled"), OrderStatus::kReturned);
    EXPECT_EQ(Default("paid", "restocked"), OrderStatus::kReturned);
    EXPECT_EQ(Default("paid", "fulfilled", true), OrderStatus::kCancelled);
}

TEST(ShopifyOrderRulesTest, AClosedOrderThatIsNotCancelledIsClosed) {
    EXPECT_EQ(Default("paid", "fulfilled", false, false, true), OrderStatus::kClosed);
    EXPECT_EQ(Default("pending", "unfulfilled", false, true, true), OrderStatus::kClosed);
    EXPECT_EQ(Default("voided", "unfulfilled", true, false, true), OrderStatus::kCancelled);
    EXPECT_EQ(ExternalStatus({"paid", "fulfilled", false, false, true}), "paid/fulfilled/closed");
    EXPECT_EQ(ExternalStatus({"voided", "unfulfilled", true, false, true}),
              "voided/unfulfilled/cancelled/closed");
    const std::map<std::string, std::string> overrides{{"paid/fulfilled/closed", "shipped"}};
    EXPECT_EQ(CanonicalStatus({"paid", "fulfilled", false, false, true}, overrides).value(),
              OrderStatus::kShipped);
}

TEST(ShopifyOrderRulesTest, ExternalStatusIsTheOverrideKey) {
    EXPECT_EQ(ExternalStatus({"paid", "fulfilled", false, false, false}), "paid/fulfilled");
    EXPECT_EQ(ExternalStatus({"voided", "unfulfilled", true, false, false}),
              "voided/unfulfilled/cancelled");
    const std::map<std::string, std::string> overrides{{"paid/unfulfilled", "on_hold"}};
    EXPECT_EQ(CanonicalStatus({"paid", "unfulfilled", false, false, false}, overrides).value(),
              OrderStatus::kOnHold);
    EXPECT_EQ(CanonicalStatus({"paid", "partial", false, false, false}, overrides).value(),
              OrderStatus::kPartiallyShipped);
}

TEST(ShopifyOrderRulesTest, TranslatesGraphqlEnumsToRestVocabulary) {
    EXPECT_EQ(FinancialFromGraphql("PARTIALLY_REFUNDED"), "partially_refunded");
    EXPECT_EQ(FulfillmentFromGraphql("PARTIALLY_FULFILLED"), "partial");
    EXPECT_EQ(FulfillmentFromGraphql("FULFILLED"), "fulfilled");
    EXPECT_EQ(FulfillmentFromGraphql("RESTOCKED"), "restocked");
    EXPECT_EQ(FulfillmentFromGraphql("ON_HOLD"), "unfulfilled");
    EXPECT_EQ(PaymentStatusOf("expired").value(), PaymentStatus::kVoided);
    EXPECT_FALSE(PaymentStatusOf("PAID").has_value());
}

TEST(ShopifyOrderRulesTest, PaymentMethodFromGateways) {
    EXPECT_EQ(PaymentMethodOf({"Cash on Delivery (COD)"}), "cod");
    EXPECT_EQ(PaymentMethodOf({"shopify_payments", "COD"}), "cod");
    EXPECT_EQ(PaymentMethodOf({"shopify_payments"}), "card");
    EXPECT_EQ(PaymentMethodOf({"Bank Deposit"}), "bank_transfer");
    EXPECT_EQ(PaymentMethodOf({"tabby"}), "tabby");
    EXPECT_EQ(PaymentMethodOf({}), "unknown");
}

TEST(ShopifyOrderRulesTest, SplitsRestTags) {
    EXPECT_EQ(SplitTags("vip, رمضان ,  , wholesale"),
              (std::vector<std::string>{"vip", "رمضان", "wholesale"}));
    EXPECT_TRUE(SplitTags("").empty());
}

TEST(ShopifyOrderRulesTest, LineTotalChecksOverflow) {
    OrderLineItem item;
    item.quantity = 2;
    item.unit_price = 1000;
    item.discount = 100;
    item.tax = 50;
    EXPECT_EQ(LineTotal(item, false).value(), 1950);
    EXPECT_EQ(LineTotal(item, true).value(), 1900);
    item.unit_price = std::numeric_limits<int64_t>::max();
    EXPECT_EQ(LineTotal(item, true).error().code, ErrorCode::kInvalidPayload);
}

}  // namespace
}  // namespace scs::shopify
