#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "core/order_json.hpp"
#include "woocommerce_fixtures.hpp"

namespace scs {
namespace {

namespace json = boost::json;

using testing::WooCommerceFixture;
using testing::WooCommerceOrderFixtures;
using testing::WooCommerceTestContext;

Order Map(const std::string& name, const OrderMappingContext& context = WooCommerceTestContext()) {
    auto order = MapWooCommerceOrder(WooCommerceFixture("orders/" + name + ".json"), context);
    EXPECT_TRUE(order.has_value()) << name << ": " << order.error().message;
    return order.value_or(Order{});
}

json::object OrderJson(const std::string& name) {
    return json::parse(WooCommerceFixture("orders/" + name + ".json")).as_object();
}

Result<Order> MapEdited(const json::object& order,
                        const OrderMappingContext& context = WooCommerceTestContext()) {
    return MapWooCommerceOrder(json::serialize(order), context);
}

// Data-driven: each fixture maps to its expected canonical order, field for field.
TEST(WooCommerceOrderMappingTest, EveryFixtureMapsToItsExpectedOrder) {
    for (const auto& name : WooCommerceOrderFixtures()) {
        const json::value mapped = json::parse(OrderToJson(Map(name)));
        const json::value expected = json::parse(WooCommerceFixture("expected/" + name + ".json"));
        EXPECT_EQ(mapped, expected) << name << "\n mapped:   " << json::serialize(mapped)
                                    << "\n expected: " << json::serialize(expected);
    }
}

TEST(WooCommerceOrderMappingTest, TheParsedValueMapsLikeTheText) {
    for (const auto& name : WooCommerceOrderFixtures()) {
        const auto from_value = MapWooCommerceOrderValue(OrderJson(name), WooCommerceTestContext());
        ASSERT_TRUE(from_value.has_value()) << name << ": " << from_value.error().message;
        EXPECT_EQ(*from_value, Map(name)) << name;
    }
}

TEST(WooCommerceOrderMappingTest, KeepsIdsAbove2To53Exactly) {
    const Order order = Map("big_id_pending");
    EXPECT_EQ(order.external_id, "9007199254740993");  // 2^53 + 1: a double would read ...992
    EXPECT_EQ(order.id, "woocommerce:21:9007199254740993");
    EXPECT_EQ(order.line_items.at(0).external_id, "9007199254740995");
    EXPECT_EQ(order.line_items.at(0).external_product_id, "9007199254740997");
    EXPECT_EQ(order.customer->external_id, "9007199254740999");
}

TEST(WooCommerceOrderMappingTest, KeepsArabicTextByteForByte) {
    const Order order = Map("riyadh_card_coupon");
    EXPECT_EQ(order.customer->first_name, "محمد");
    EXPECT_EQ(order.shipping_address->name, "نورة العتيبي");
    EXPECT_EQ(order.shipping_address->line2, "مبنى ١٢، شقة ٤");
    EXPECT_EQ(order.line_items.at(1).name, "شماغ أحمر - كبير");
    EXPECT_EQ(order.note, "الرجاء الاتصال قبل التوصيل");
    EXPECT_EQ(order.billing_address->line2, std::nullopt);  // "" reads as null
}

TEST(WooCommerceOrderMappingTest, ReadsTheGmtDatesNotTheSiteLocalOnes) {
    const Order order = Map("riyadh_card_coupon");  // site-local is +03:00
    EXPECT_EQ(FormatRfc3339(order.created_at), "2026-03-01T09:15:30Z");
    EXPECT_EQ(FormatRfc3339(order.updated_at), "2026-03-01T09:20:05Z");
    // A null date_modified_gmt falls back to the creation time.
    const Order never_modified = Map("big_id_pending");
    EXPECT_EQ(never_modified.updated_at, never_modified.created_at);
}

TEST(WooCommerceOrderMappingTest, MapsThreeDecimalCurrencyAndFoldsUnitRoundingIntoDiscount) {
    const Order order = Map("kuwait_bank_completed");
    EXPECT_EQ(order.totals, (OrderTotals{48250, 0, 1500, 0, 49750, false}));
    // 10.000 KWD for 3 pieces: 3.334 a piece, the 0.002 over lands in the discount.
    const OrderLineItem& gift_set = order.line_items.at(1);
    EXPECT_EQ(gift_set.unit_price, 3334);
    EXPECT_EQ(gift_set.discount, 2);
    EXPECT_EQ(gift_set.total, 10000);
}

TEST(WooCommerceOrderMappingTest, UsesPriceOnlyWhenTheSubtotalIsMissing) {
    struct Case {
        json::value price;
        int64_t quantity;
        std::string total;
        int64_t unit_price;
    };

    const std::vector<Case> cases = {
        {json::value(90), 2, "180.00", 9000},    // an integer JSON number
        {json::value(76.5), 1, "76.50", 7650},   // a fractional one
        {json::value(19.99), 3, "59.97", 1999},  // not exact in binary; its shortest text is
        {json::value(0.1), 10, "1.00", 10},      // what PHP wrote
    };
    for (const auto& c : cases) {
        json::object order = OrderJson("riyadh_card_coupon");
        json::object& line = order["line_items"].as_array()[0].as_object();
        line.erase("subtotal");
        line["price"] = c.price;
        line["quantity"] = c.quantity;
        line["total"] = c.total;
        const auto mapped = MapEdited(order);
        ASSERT_TRUE(mapped.has_value())
            << json::serialize(c.price) << ": " << mapped.error().message;
        EXPECT_EQ(mapped->line_items[0].unit_price, c.unit_price) << json::serialize(c.price);
        EXPECT_EQ(mapped->line_items[0].discount, 0) << json::serialize(c.price);
    }
}

TEST(WooCommerceOrderMappingTest, MapsTheGuestCashOnDeliveryOrder) {
    const Order order = Map("guest_cod_processing");
    EXPECT_EQ(order.customer->external_id, std::nullopt);  // customer_id 0
    EXPECT_EQ(order.customer->email, std::nullopt);
    // WooCommerce stamped date_paid when the order reached processing; the cash is not collected.
    EXPECT_EQ(order.payment,
              (OrderPayment{PaymentStatus::kPending, "cod", true, std::optional<int64_t>(10000)}));
    EXPECT_EQ(order.shipping_address->country_code, "SA");  // sent as "sa"
    // Prices include tax at the store, but WooCommerce's line amounts never do: tax is added.
    EXPECT_EQ(order.totals.taxes_included, true);
    EXPECT_EQ(order.line_items.at(0).total, 10000);
}

TEST(WooCommerceOrderMappingTest, ACompletedCashOnDeliveryOrderIsPaid) {
    json::object order = OrderJson("guest_cod_processing");
    order["status"] = "completed";
    const auto mapped = MapEdited(order);
    ASSERT_TRUE(mapped.has_value()) << mapped.error().message;
    EXPECT_EQ(mapped->payment,
              (OrderPayment{PaymentStatus::kPaid, "cod", true, std::optional<int64_t>(0)}));
    EXPECT_EQ(mapped->status, OrderStatus::kShipped);
}

TEST(WooCommerceOrderMappingTest, SumsNegativeRefundTotals) {
    EXPECT_EQ(Map("partially_refunded").payment.status, PaymentStatus::kPartiallyRefunded);
    json::object order = OrderJson("partially_refunded");
    order["refunds"].as_array().push_back(
        json::object{{"id", 7312}, {"reason", ""}, {"total", "-105.00"}});
    order["status"] = "refunded";
    const auto refunded = MapEdited(order);  // 42.00 + 10.50 + 105.00 = 157.50 = total
    ASSERT_TRUE(refunded.has_value()) << refunded.error().message;
    EXPECT_EQ(refunded->payment.status, PaymentStatus::kRefunded);
    EXPECT_EQ(refunded->status, OrderStatus::kReturned);
    EXPECT_EQ(refunded->external_status, "refunded");
}

TEST(WooCommerceOrderMappingTest, SumsShippingLinesAndNamesTheFirstMethod) {
    const Order order = Map("partially_refunded");
    EXPECT_EQ(order.shipping, (OrderShipping{"Aramex Express", 1500, "HUB-1"}));
    EXPECT_EQ(Map("big_id_pending").shipping, (OrderShipping{std::nullopt, 0, "HUB-1"}));
}

TEST(WooCommerceOrderMappingTest, HubIsNullWithoutAMappingForTheStore) {
    OrderMappingContext context = WooCommerceTestContext();
    context.location_hubs = {{"71234", "RUH-1"}};
    EXPECT_EQ(Map("riyadh_card_coupon", context).shipping->hub_code, std::nullopt);
}

TEST(WooCommerceOrderMappingTest, EmptyAddressesAndCustomersReadAsNull) {
    const Order order = Map("big_id_pending");
    EXPECT_EQ(order.shipping_address, std::nullopt);  // every field ""
    json::object guest = OrderJson("big_id_pending");
    guest["customer_id"] = 0;
    guest["billing"] = nullptr;
    const auto mapped = MapEdited(guest);
    ASSERT_TRUE(mapped.has_value()) << mapped.error().message;
    EXPECT_EQ(mapped->customer, std::nullopt);
    EXPECT_EQ(mapped->billing_address, std::nullopt);
}

TEST(WooCommerceOrderMappingTest, AppliesOverridesOnTheRawStatus) {
    OrderMappingContext context = WooCommerceTestContext();
    context.status_overrides = {{"completed", "delivered"}, {"shipped", "shipped"}};
    EXPECT_EQ(Map("kuwait_bank_completed", context).status, OrderStatus::kDelivered);
    EXPECT_EQ(Map("riyadh_card_coupon", context).status, OrderStatus::kConfirmed);
    // A plugin's custom status maps through an override.
    json::object custom = OrderJson("riyadh_card_coupon");
    custom["status"] = "shipped";
    const auto mapped = MapEdited(custom, context);
    ASSERT_TRUE(mapped.has_value()) << mapped.error().message;
    EXPECT_EQ(mapped->status, OrderStatus::kShipped);
    EXPECT_EQ(mapped->external_status, "shipped");
}

TEST(WooCommerceOrderMappingTest, RefusesAnOverrideThatNamesNoStatus) {
    OrderMappingContext context = WooCommerceTestContext();
    context.status_overrides = {{"processing", "packed"}};
    const auto order =
        MapWooCommerceOrder(WooCommerceFixture("orders/riyadh_card_coupon.json"), context);
    ASSERT_FALSE(order.has_value());
    EXPECT_EQ(order.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(order.error().field, "status_mapping");
}

TEST(WooCommerceOrderMappingTest, ReadsTheKeysEvenOfAnOrderThatDoesNotMap) {
    json::object broken = OrderJson("riyadh_card_coupon");
    broken["currency"] = "XYZ";
    ASSERT_FALSE(MapEdited(broken).has_value());
    const WooCommerceOrderKeys keys = ReadWooCommerceOrderKeys(broken);
    EXPECT_EQ(keys.external_id, "7301");
    ASSERT_TRUE(keys.updated_at.has_value());
    EXPECT_EQ(FormatRfc3339(*keys.updated_at), "2026-03-01T09:20:05Z");
    const WooCommerceOrderKeys never_modified =
        ReadWooCommerceOrderKeys(OrderJson("big_id_pending"));
    EXPECT_EQ(never_modified.external_id, "9007199254740993");
    EXPECT_EQ(FormatRfc3339(never_modified.updated_at.value()), "2026-03-03T05:00:00Z");
    const WooCommerceOrderKeys nothing = ReadWooCommerceOrderKeys(json::value("not an order"));
    EXPECT_EQ(nothing.external_id, "");
    EXPECT_EQ(nothing.updated_at, std::nullopt);
    const WooCommerceOrderKeys double_id = ReadWooCommerceOrderKeys(json::object{{"id", 7301.0}});
    EXPECT_EQ(double_id.external_id, "");
}

}  // namespace
}  // namespace scs
