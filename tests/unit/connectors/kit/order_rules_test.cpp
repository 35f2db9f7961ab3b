#include "connectors/kit/order_rules.hpp"

#include <array>
#include <limits>

#include <gtest/gtest.h>

namespace scs::kit {
namespace {

constexpr std::array<StatusRow, 2> kTable{
    {{"open", OrderStatus::kConfirmed}, {"done", OrderStatus::kShipped}}};

TEST(KitOrderRules, LooksUpAStatusTable) {
    EXPECT_EQ(LookUpStatus(kTable, "done"), OrderStatus::kShipped);
    EXPECT_EQ(LookUpStatus(kTable, "Done"), std::nullopt);
    EXPECT_EQ(LookUpStatus({}, "open"), std::nullopt);
}

TEST(KitOrderRules, AppliesTheConnectionsOverride) {
    const std::map<std::string, std::string> overrides{{"open", "on_hold"}, {"odd", "nonsense"}};
    EXPECT_EQ(OverriddenStatus("open", overrides).value(), OrderStatus::kOnHold);
    EXPECT_EQ(OverriddenStatus("done", overrides).value(), std::nullopt);
    const auto bad = OverriddenStatus("odd", overrides);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(bad.error().field, "status_mapping");
    EXPECT_EQ(bad.error().message,
              "status override \"odd\" -> \"nonsense\" names no canonical status");
}

TEST(KitOrderRules, MapsPaymentMethodsByTable) {
    constexpr std::array<PaymentMethodRow, 1> kMethods{{{"bacs", "bank_transfer"}}};
    EXPECT_EQ(PaymentMethodOf(kMethods, "bacs"), "bank_transfer");
    EXPECT_EQ(PaymentMethodOf(kMethods, "stripe"), "stripe");
    EXPECT_EQ(PaymentMethodOf(kMethods, ""), "unknown");
}

TEST(KitOrderRules, LineTotalAddsTaxOnlyWhenAskedAndNamesTheSubjectOnOverflow) {
    OrderLineItem item;
    item.external_id = "9";
    item.quantity = 3;
    item.unit_price = 1000;
    item.discount = 100;
    item.tax = 50;
    EXPECT_EQ(LineTotal(item, true, "x order").value(), 2950);
    EXPECT_EQ(LineTotal(item, false, "x order").value(), 2900);
    item.unit_price = std::numeric_limits<int64_t>::max();
    const auto overflow = LineTotal(item, false, "x order");
    ASSERT_FALSE(overflow);
    EXPECT_EQ(overflow.error().code, ErrorCode::kInvalidPayload);
    EXPECT_EQ(overflow.error().message, "x order: line item 9: total out of range");
}

TEST(KitOrderRules, BuildsCanonicalIdsAndChangesAsciiCase) {
    EXPECT_EQ(CanonicalOrderId("salla", 4, "77"), "salla:4:77");
    EXPECT_EQ(UpperAscii("sa-é"), "SA-é");
    EXPECT_EQ(LowerAscii("CUSTOMER"), "customer");
    EXPECT_TRUE(IsCountryCode("SA"));
    EXPECT_FALSE(IsCountryCode("sa"));
    EXPECT_FALSE(IsCountryCode("SAU"));
}

}  // namespace
}  // namespace scs::kit
