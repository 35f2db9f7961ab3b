#include "connectors/shopify/order_mapping.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "core/order_json.hpp"
#include "fixtures.hpp"

namespace scs {
namespace {

using testing::ShopifyOrderFixture;
using testing::ShopifyTestContext;

Order MapRest(const std::string& fixture,
              const OrderMappingContext& context = ShopifyTestContext()) {
    auto order = MapShopifyRestOrder(ShopifyOrderFixture(fixture), context);
    EXPECT_TRUE(order.has_value()) << order.error().message;
    return order.value_or(Order{});
}

Order MapGraphql(const std::string& fixture) {
    auto order = MapShopifyGraphqlOrder(ShopifyOrderFixture(fixture), ShopifyTestContext());
    EXPECT_TRUE(order.has_value()) << order.error().message;
    return order.value_or(Order{});
}

TEST(ShopifyOrderMappingTest, RestAndGraphqlShapesOfOneOrderMapAlike) {
    const Order rest = MapRest("riyadh_cod_rest.json");
    const Order graphql = MapGraphql("riyadh_cod_graphql.json");
    EXPECT_EQ(OrderToJson(rest), OrderToJson(graphql));
    EXPECT_EQ(rest, graphql);
}

TEST(ShopifyOrderMappingTest, ClosedOrdersMapAlikeInBothShapes) {
    auto rest = boost::json::parse(ShopifyOrderFixture("riyadh_cod_rest.json")).as_object();
    rest["closed_at"] = "2026-03-05T12:00:00+03:00";
    auto graphql = boost::json::parse(ShopifyOrderFixture("riyadh_cod_graphql.json")).as_object();
    graphql["closed"] = true;
    graphql["closedAt"] = "2026-03-05T09:00:00Z";
    const auto from_rest = MapShopifyRestOrder(boost::json::serialize(rest), ShopifyTestContext());
    const auto from_graphql =
        MapShopifyGraphqlOrder(boost::json::serialize(graphql), ShopifyTestContext());
    ASSERT_TRUE(from_rest && from_graphql);
    EXPECT_EQ(*from_rest, *from_graphql);
    EXPECT_EQ(from_rest->status, OrderStatus::kClosed);
    EXPECT_EQ(from_rest->external_status, "pending/partial/closed");
    graphql["closed"] = false;
    graphql["closedAt"] = nullptr;
    EXPECT_EQ(MapShopifyGraphqlOrder(boost::json::serialize(graphql), ShopifyTestContext())->status,
              OrderStatus::kPartiallyShipped);
}

TEST(ShopifyOrderMappingTest, KeepsIdsAbove2To53Exactly) {
    const Order order = MapRest("riyadh_cod_rest.json");
    EXPECT_EQ(order.external_id, "5730000000000000001");
    EXPECT_EQ(order.id, "shopify:12:5730000000000000001");
    ASSERT_EQ(order.line_items.size(), 2U);
    EXPECT_EQ(order.line_items[0].external_id, "13950000000000000011");  // above INT64_MAX
    EXPECT_EQ(order.line_items[0].external_product_id, "8123456789012345678");
    EXPECT_EQ(order.line_items[0].external_variant_id, "45000000000000001");
    EXPECT_EQ(order.line_items[1].external_id, "9007199254740993");  // 2^53 + 1
    EXPECT_EQ(order.line_items[1].external_product_id, std::nullopt);
    EXPECT_EQ(order.customer->external_id, "6200000000000000007");
}

TEST(ShopifyOrderMappingTest, MapsShopMoneyNotPresentmentMoney) {
    const Order order = MapRest("riyadh_cod_rest.json");
    EXPECT_EQ(order.currency, "SAR");
    EXPECT_EQ(order.totals, (OrderTotals{54950, 5000, 2500, 7168, 57450, true}));
    EXPECT_EQ(order.line_items[0].unit_price, 25000);
    EXPECT_EQ(order.line_items[0].discount, 5000);
    EXPECT_EQ(order.line_items[0].tax, 5870);
    // Taxes are included in the prices, so the line total does not add them again.
    EXPECT_EQ(order.line_items[0].total, 45000);
    EXPECT_EQ(order.line_items[1].total, 9950);
}

TEST(ShopifyOrderMappingTest, MapsCashOnDeliveryAndDerivedStatus) {
    const Order order = MapRest("riyadh_cod_rest.json");
    EXPECT_EQ(order.payment,
              (OrderPayment{PaymentStatus::kPending, "cod", true, std::optional<int64_t>(57450)}));
    EXPECT_EQ(order.external_status, "pending/partial");
    EXPECT_EQ(order.status, OrderStatus::kPartiallyShipped);
}

TEST(ShopifyOrderMappingTest, KeepsArabicTextByteForByte) {
    const Order order = MapRest("riyadh_cod_rest.json");
    EXPECT_EQ(order.customer->first_name, "محمد");
    EXPECT_EQ(order.customer->last_name, "العتيبي");
    EXPECT_EQ(order.shipping_address->line1, "طريق الملك فهد، حي العليا");
    EXPECT_EQ(order.shipping_address->line2, "مبنى ١٢، شقة ٤");
    EXPECT_EQ(order.shipping_address->city, "الرياض");
    EXPECT_EQ(order.shipping_address->region, "منطقة الرياض");
    EXPECT_EQ(order.line_items[0].name, "عباية سوداء - M");
    EXPECT_EQ(order.note, "الرجاء الاتصال قبل التوصيل");
    EXPECT_EQ(order.tags, (std::vector<std::string>{"vip", "رمضان"}));
    EXPECT_EQ(order.shipping->method, "أرامكس - توصيل سريع");
    EXPECT_EQ(order.billing_address->company, "مؤسسة النخيل");
    EXPECT_EQ(order.billing_address->line2, std::nullopt);  // "" reads as null
    EXPECT_EQ(order.shipping_address->latitude, 24.7136);
}

TEST(ShopifyOrderMappingTest, ConvertsShopOffsetsToUtc) {
    const Order riyadh = MapRest("riyadh_cod_rest.json");
    EXPECT_EQ(FormatRfc3339(riyadh.created_at), "2026-03-01T09:15:30Z");
    EXPECT_EQ(FormatRfc3339(riyadh.updated_at), "2026-03-02T05:00:00.250Z");
    const Order kuwait = MapRest("kuwait_paid_rest.json");
    EXPECT_EQ(FormatRfc3339(kuwait.created_at), "2026-01-16T04:30:00Z");
}

TEST(ShopifyOrderMappingTest, MapsThreeDecimalCurrencyAndPlainAmounts) {
    const Order order = MapRest("kuwait_paid_rest.json");
    EXPECT_EQ(order.external_id, "450789469");
    EXPECT_EQ(order.reference, "KW-2001");
    EXPECT_EQ(order.currency, "KWD");
    EXPECT_EQ(order.totals, (OrderTotals{38250, 0, 1500, 0, 39750, false}));
    ASSERT_EQ(order.line_items.size(), 1U);
    EXPECT_EQ(order.line_items[0].unit_price, 12750);
    EXPECT_EQ(order.line_items[0].total, 38250);
    EXPECT_EQ(order.payment, (OrderPayment{PaymentStatus::kPaid, "card", false, std::nullopt}));
    EXPECT_EQ(order.status, OrderStatus::kShipped);
    EXPECT_TRUE(order.tags.empty());
    EXPECT_EQ(order.billing_address, std::nullopt);
}

TEST(ShopifyOrderMappingTest, MapsHubFromFulfillmentThenOrderLocation) {
    EXPECT_EQ(MapRest("riyadh_cod_rest.json").shipping->hub_code, "RUH-1");
    EXPECT_EQ(MapRest("kuwait_paid_rest.json").shipping->hub_code, "KWI-1");
    OrderMappingContext unmapped = ShopifyTestContext();
    unmapped.location_hubs.clear();
    EXPECT_EQ(MapRest("riyadh_cod_rest.json", unmapped).shipping->hub_code, std::nullopt);
}

TEST(ShopifyOrderMappingTest, MapsCancelledGraphqlOrder) {
    const Order order = MapGraphql("cancelled_graphql.json");
    EXPECT_EQ(order.external_id, "820982911946154508");
    EXPECT_EQ(order.status, OrderStatus::kCancelled);
    EXPECT_EQ(order.external_status, "voided/unfulfilled/cancelled");
    EXPECT_EQ(order.cancel_reason, "customer");
    EXPECT_EQ(FormatRfc3339(*order.cancelled_at), "2026-02-10T11:30:00Z");
    EXPECT_EQ(order.payment.status, PaymentStatus::kVoided);
    EXPECT_EQ(order.payment.method, "unknown");
    EXPECT_EQ(order.customer, std::nullopt);
    EXPECT_EQ(order.shipping_address, std::nullopt);
    EXPECT_EQ(order.note, std::nullopt);
    EXPECT_EQ(order.line_items.at(0).total, 2159);  // taxes excluded: 19.99 + 1.60
}

TEST(ShopifyOrderMappingTest, AppliesPerConnectionStatusOverrides) {
    OrderMappingContext context = ShopifyTestContext();
    context.status_overrides = {{"pending/partial", "on_hold"}, {"paid/fulfilled", "delivered"}};
    EXPECT_EQ(MapRest("riyadh_cod_rest.json", context).status, OrderStatus::kOnHold);
    EXPECT_EQ(MapRest("kuwait_paid_rest.json", context).status, OrderStatus::kDelivered);
}

TEST(ShopifyOrderMappingTest, RefusesAnOverrideThatNamesNoStatus) {
    OrderMappingContext context = ShopifyTestContext();
    context.status_overrides = {{"pending/partial", "lost"}};
    auto order = MapShopifyRestOrder(ShopifyOrderFixture("riyadh_cod_rest.json"), context);
    ASSERT_FALSE(order.has_value());
    EXPECT_EQ(order.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(order.error().field, "status_mapping");
}

}  // namespace
}  // namespace scs
