// The platform-neutral order generator: deterministic by seed, internally consistent, and covering
// the markets and cases the emulators render.
#include "sandbox/generator/order_generator.hpp"

#include <set>

#include <gtest/gtest.h>

#include "sandbox/generator/generator_catalogue.hpp"

namespace scs::sandbox {
namespace {

GeneratorSettings Settings(uint64_t seed) {
    GeneratorSettings settings;
    settings.seed = seed;
    settings.anchor = FromUnixMillis(1'764'000'000'000);
    return settings;
}

// The fields that make two orders the same logical order.
std::string Fingerprint(const Order& order) {
    std::string text =
        std::to_string(order.id) + order.confirmation + std::string(order.currency) +
        order.customer.email + order.shipping_address.street + order.billing_address.postcode +
        std::to_string(ToUnixMillis(order.created)) + std::to_string(ToUnixMillis(order.updated)) +
        std::to_string(static_cast<int>(order.payment_state));
    for (const auto& line : order.lines) {
        text += line.sku + std::to_string(line.quantity) + std::to_string(line.unit_price);
    }
    return text;
}

TEST(OrderGeneratorTest, SameSeedSameOrdersOtherSeedOtherOrders) {
    for (int64_t index = 0; index < 50; ++index) {
        EXPECT_EQ(Fingerprint(GenerateOrder(Settings(7), index, std::nullopt)),
                  Fingerprint(GenerateOrder(Settings(7), index, std::nullopt)));
    }
    EXPECT_NE(Fingerprint(GenerateOrder(Settings(7), 0, std::nullopt)),
              Fingerprint(GenerateOrder(Settings(8), 0, std::nullopt)));
}

TEST(OrderGeneratorTest, LinesAddUpToTheOrderTotal) {
    for (int64_t index = 0; index < 200; ++index) {
        const Order order = GenerateOrder(Settings(3), index, std::nullopt);
        ASSERT_FALSE(order.lines.empty());
        int64_t sum = order.shipping.price;
        for (const auto& line : order.lines) {
            EXPECT_GT(line.quantity, 0);
            EXPECT_GT(line.unit_price, 0);
            EXPECT_LE(line.discount, line.unit_price * line.quantity);
            sum += line.unit_price * line.quantity - line.discount + line.tax;
            EXPECT_EQ(line.sku, CatalogueSku(line.product_no, line.variant_no));
        }
        const OrderTotals totals = TotalsOf(order);
        EXPECT_EQ(sum, totals.total) << index;
        EXPECT_EQ(totals.subtotal, totals.lines - totals.discounts);
        EXPECT_EQ(order.discount_code.has_value(), totals.discounts > 0) << index;
        EXPECT_EQ(order.tax_rate.basis_points > 0, totals.tax > 0) << index;
    }
}

TEST(OrderGeneratorTest, StatesAreConsistent) {
    for (int64_t index = 0; index < 200; ++index) {
        const Order order = GenerateOrder(Settings(4), index, std::nullopt);
        const bool cod = order.payment == PaymentMethod::kCashOnDelivery;
        if (order.cancelled_at) {
            EXPECT_EQ(order.payment_state, cod ? PaymentState::kVoided : PaymentState::kRefunded);
            EXPECT_FALSE(order.fulfilment);
            EXPECT_EQ(*order.cancelled_at, order.updated);
        } else {
            EXPECT_EQ(order.payment_state, cod ? PaymentState::kPending : PaymentState::kPaid);
        }
        EXPECT_LE(order.created, order.updated);
        EXPECT_LE(order.updated, Settings(4).anchor);
        EXPECT_EQ(order.number, 1001 + index);
        EXPECT_EQ(order.id, GeneratedOrderId(Settings(4), index));
    }
}

TEST(OrderGeneratorTest, CoversTheMarketsAndCases) {
    std::set<std::string_view> currencies;
    std::set<PaymentMethod> payments;
    int cancelled = 0;
    int fulfilled = 0;
    for (int64_t index = 0; index < 200; ++index) {
        const Order order = GenerateOrder(Settings(5), index, std::nullopt);
        currencies.insert(order.currency);
        payments.insert(order.payment);
        cancelled += order.cancelled_at ? 1 : 0;
        fulfilled += order.fulfilment ? 1 : 0;
    }
    EXPECT_EQ(currencies, (std::set<std::string_view>{"AED", "EGP", "KWD", "SAR", "USD"}));
    EXPECT_EQ(payments.size(), 2U);
    EXPECT_GT(cancelled, 0);
    EXPECT_GT(fulfilled, 0);
}

TEST(OrderGeneratorTest, AGivenCurrencyAndPlacementAreKept) {
    GeneratorSettings settings = Settings(9);
    settings.currency = "KWD";
    const TimePoint placed = FromUnixMillis(1'764'100'000'000);
    const Order order = GenerateOrder(settings, 4, placed);
    EXPECT_EQ(order.currency, "KWD");
    EXPECT_EQ(order.exponent, 3);
    EXPECT_EQ(order.created, placed);
    EXPECT_EQ(order.updated, placed);
    for (const auto& line : order.lines) {
        EXPECT_EQ(line.unit_price % 5, 0);  // 5-fils steps
    }
}

TEST(OrderGeneratorTest, ShopPricesAreRoundAndFollowTheMarket) {
    EXPECT_EQ(ShopPrice(PriceBasisOf("SAR"), 8900), 33300);  // 333.75 SAR -> 333.00
    EXPECT_EQ(ShopPrice(PriceBasisOf(""), 8900), 33300);     // SAR by default
    EXPECT_EQ(ShopPrice(PriceBasisOf("KWD"), 1800), 5525);   // 5.526 KWD -> 5.525
    EXPECT_EQ(ShopPrice(PriceBasisOf("JPY"), 1), 1);         // at least one step
    EXPECT_EQ(PriceBasisOf("BHD").exponent, 3);
}

}  // namespace
}  // namespace scs::sandbox
