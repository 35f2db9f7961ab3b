#include "core/order_json.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "sync/order_upsert.hpp"

namespace scs {
namespace {

namespace json = boost::json;

Order SampleOrder() {
    Order order;
    order.id = "shopify:12:1001";
    order.seller_id = "seller-1";
    order.seller_sales_channel_id = 12;
    order.sales_channel = "shopify";
    order.external_id = "5730000000000000001";
    order.reference = "#1001";
    order.status = OrderStatus::kConfirmed;
    order.external_status = "paid/unfulfilled";
    order.currency = "KWD";
    order.totals = {38250, 0, 1500, 0, 39750, false};
    order.payment = {PaymentStatus::kPaid, "card", false, std::nullopt};
    order.shipping_address = OrderAddress{};
    order.shipping_address->city = "الكويت";
    order.shipping_address->latitude = 29.375;
    order.shipping = OrderShipping{"Aramex", 1500, std::nullopt};
    order.line_items.push_back(
        {"1", "2", std::nullopt, "OUD-50", "عود", 3, 12750, std::nullopt, 0, 38250});
    order.tags = {"vip"};
    order.created_at = *ParseRfc3339("2026-01-15T23:30:00-05:00");
    order.updated_at = *ParseRfc3339("2026-01-16T04:45:00.250Z");
    order.received_at = *ParseRfc3339("2026-01-16T04:45:01Z");
    order.version = 3;
    return order;
}

json::object Emitted(const Order& order) {
    return json::parse(OrderToJson(order)).as_object();
}

TEST(OrderToJsonTest, WritesMoneyAsMinorUnitsAndTimesInUtc) {
    const auto out = Emitted(SampleOrder());
    EXPECT_EQ(out.at("schema"), "scs.order.v1");
    EXPECT_EQ(out.at("seller_sales_channel_id"), 12);
    EXPECT_EQ(out.at("totals").at("total"), 39750);
    EXPECT_EQ(out.at("line_items").at(0).at("unit_price"), 12750);
    EXPECT_EQ(out.at("created_at"), "2026-01-16T04:30:00Z");
    EXPECT_EQ(out.at("updated_at"), "2026-01-16T04:45:00.250Z");
    EXPECT_EQ(out.at("received_at"), "2026-01-16T04:45:01Z");
    EXPECT_EQ(out.at("version"), 3);
    EXPECT_EQ(out.at("status"), "confirmed");
    EXPECT_EQ(out.at("payment").at("status"), "paid");
}

TEST(OrderToJsonTest, NullsNullableFieldsAndOmitsEmptyOptionalOnes) {
    const auto out = Emitted(SampleOrder());
    EXPECT_TRUE(out.at("customer").is_null());
    EXPECT_TRUE(out.at("billing_address").is_null());
    EXPECT_TRUE(out.at("note").is_null());
    EXPECT_TRUE(out.at("cancelled_at").is_null());
    EXPECT_TRUE(out.at("shipping").at("hub_code").is_null());
    EXPECT_TRUE(out.at("shipping_address").at("district").is_null());
    EXPECT_TRUE(out.at("line_items").at(0).at("external_variant_id").is_null());
    // "minor" amounts are integers, never null: an unknown one is left out.
    EXPECT_FALSE(out.at("line_items").at(0).as_object().contains("discount"));
    EXPECT_EQ(out.at("line_items").at(0).at("tax"), 0);
    EXPECT_FALSE(out.at("payment").as_object().contains("cod_amount"));
    Order without_bookkeeping = SampleOrder();
    without_bookkeeping.received_at.reset();
    EXPECT_FALSE(Emitted(without_bookkeeping).contains("received_at"));
}

TEST(OrderToJsonTest, KeepsTextByteForByteAndNumbersExact) {
    const std::string text = OrderToJson(SampleOrder());
    EXPECT_NE(text.find("\"city\":\"الكويت\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"name\":\"عود\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"external_id\":\"5730000000000000001\""), std::string::npos);
    EXPECT_EQ(Emitted(SampleOrder()).at("shipping_address").at("latitude").as_double(), 29.375);
}

TEST(OrderToJsonTest, IsDeterministic) {
    EXPECT_EQ(OrderToJson(SampleOrder()), OrderToJson(SampleOrder()));
}

TEST(CanonicalContentHashTest, IgnoresBookkeepingFields) {
    const std::string hash = CanonicalContentHash(SampleOrder());
    EXPECT_EQ(hash.size(), 64U);
    Order other = SampleOrder();
    other.id = "another-id";
    other.version = 9;
    other.received_at = *ParseRfc3339("2027-01-01T00:00:00Z");
    EXPECT_EQ(CanonicalContentHash(other), hash);
    other.received_at.reset();
    EXPECT_EQ(CanonicalContentHash(other), hash);
}

TEST(CanonicalContentHashTest, ChangesWithContent) {
    const std::string hash = CanonicalContentHash(SampleOrder());
    Order status = SampleOrder();
    status.status = OrderStatus::kShipped;
    Order quantity = SampleOrder();
    quantity.line_items[0].quantity = 4;
    Order note = SampleOrder();
    note.note = "";
    Order updated = SampleOrder();
    updated.updated_at += std::chrono::milliseconds(1);
    Order hub = SampleOrder();
    hub.shipping->hub_code = "KWI-1";
    for (const Order* changed : {&status, &quantity, &note, &updated, &hub}) {
        EXPECT_NE(CanonicalContentHash(*changed), hash);
    }
}

}  // namespace
}  // namespace scs
