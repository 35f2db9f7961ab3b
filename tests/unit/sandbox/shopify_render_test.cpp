// The Shopify emulator's rendering of neutral orders into Shopify's REST/webhook shape.
#include "sandbox/shopify/shopify_render.hpp"

#include <gtest/gtest.h>

#include "sandbox/generator/minor_units.hpp"
#include "sandbox/generator/order_generator.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

Order Generated(int64_t index) {
    GeneratorSettings settings;
    settings.seed = 21;
    settings.anchor = FromUnixMillis(1'764'000'000'000);
    return GenerateOrder(settings, index, std::nullopt);
}

TEST(ShopifyRenderTest, MoneyIsDecimalTextWithItsMoneyBag) {
    for (int64_t index = 0; index < 40; ++index) {
        const Order order = Generated(index);
        const json::object rest = RenderShopifyOrder(order);
        const std::string total = FormatMinorUnits(TotalsOf(order).total, order.exponent);
        EXPECT_EQ(rest.at("total_price").as_string(), total);
        EXPECT_EQ(rest.at("total_price_set").at("shop_money").at("amount").as_string(), total);
        EXPECT_EQ(
            rest.at("total_price_set").at("presentment_money").at("currency_code").as_string(),
            order.currency);
        const auto& lines = rest.at("line_items").as_array();
        ASSERT_EQ(lines.size(), order.lines.size());
        EXPECT_EQ(lines.at(0).at("sku").as_string(), order.lines.at(0).sku);
        EXPECT_EQ(lines.at(0).at("quantity"), order.lines.at(0).quantity);
    }
}

TEST(ShopifyRenderTest, OnlyPendingCashOnDeliveryIsOutstanding) {
    for (int64_t index = 0; index < 60; ++index) {
        const Order order = Generated(index);
        const json::object rest = RenderShopifyOrder(order);
        const bool owed = order.payment == PaymentMethod::kCashOnDelivery && !order.cancelled_at;
        EXPECT_EQ(rest.at("total_outstanding"),
                  owed ? rest.at("total_price") : json::value(FormatMinorUnits(0, order.exponent)));
        EXPECT_EQ(rest.at("cancelled_at").is_null(), !order.cancelled_at);
        EXPECT_EQ(rest.at("fulfillments").as_array().size(), order.fulfilment ? 1U : 0U);
    }
}

TEST(ShopifyRenderTest, IdsNamesAndTimesFollowShopify) {
    const Order order = Generated(2);
    const json::object rest = RenderShopifyOrder(order);
    EXPECT_EQ(std::string(rest.begin()->key()), "id");
    EXPECT_EQ(rest.at("id"), order.id);
    EXPECT_EQ(rest.at("name"), "#1003");
    EXPECT_EQ(rest.at("admin_graphql_api_id").as_string(),
              "gid://shopify/Order/" + std::to_string(order.id));
    const std::string created(rest.at("created_at").as_string());
    EXPECT_EQ(created.size(), 25U) << created;  // whole seconds and the market's offset
    EXPECT_EQ(rest.at("email").as_string(), order.customer.email);
    EXPECT_EQ(rest.at("shipping_address").at("address1").as_string(),
              order.shipping_address.street);
}

}  // namespace
}  // namespace scs::sandbox
