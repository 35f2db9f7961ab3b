// The WooCommerce sandbox's order shape (platform notes B2) from the shared generator, and the
// PHP-style JSON and dates it is sent with.
#include <set>
#include <string>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "sandbox/generator/order_generator.hpp"
#include "sandbox/woocommerce/woo_order.hpp"
#include "sandbox/woocommerce/wp_format.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

WooOrder Convert(int64_t index, const std::string& currency = "") {
    GeneratorSettings settings;
    settings.seed = 11;
    settings.currency = currency;
    settings.anchor = FromUnixMillis(1'764'000'000'000);
    int64_t next_item = 1;
    return RenderGeneratedOrder(
        GenerateOrder(settings, index, std::nullopt), 1001 + index, next_item);
}

TEST(WooOrderRenderTest, RendersWooCommercesOrderShape) {
    const WooOrder order = Convert(0, "SAR");
    const json::object rendered = RenderOrder(order, OrderView{"http://h/woocommerce/s", 180});
    EXPECT_EQ(rendered.at("id"), 1001);
    EXPECT_EQ(rendered.at("number"), "1001");
    EXPECT_TRUE(rendered.at("total").is_string());
    EXPECT_TRUE(rendered.at("customer_id").is_int64());
    const std::string created = std::string(rendered.at("date_created").as_string());
    const std::string created_gmt = std::string(rendered.at("date_created_gmt").as_string());
    EXPECT_EQ(created.size(), 19U) << created;  // no offset, no Z
    EXPECT_EQ(created_gmt.size(), 19U);
    EXPECT_EQ(created, WpDate(order.created, 180));
    EXPECT_EQ(created_gmt, WpDate(order.created, 0));
    const auto& line = rendered.at("line_items").as_array().at(0).as_object();
    EXPECT_TRUE(line.at("price").is_number());
    EXPECT_TRUE(line.at("product_id").is_int64());
    EXPECT_TRUE(line.at("subtotal").is_string());
    EXPECT_EQ(rendered.at("_links").at("self").at(0).at("href"),
              "http://h/woocommerce/s/wp-json/wc/v3/orders/1001");
    EXPECT_EQ(std::string(rendered.begin()->key()), "id");
}

TEST(WooOrderRenderTest, TotalsAddUpAndKuwaitiDinarsKeepThreeDecimals) {
    const WooOrder order = Convert(3, "KWD");
    const json::object rendered = RenderOrder(order, OrderView{"http://h", 180});
    const std::string total(rendered.at("total").as_string());
    EXPECT_EQ(total.size() - total.find('.'), 4U) << total;
    int64_t lines = 0;
    for (const auto& line : rendered.at("line_items").as_array()) {
        lines += *ParseWcPrice(line.at("total"), 3) + *ParseWcPrice(line.at("total_tax"), 3);
    }
    EXPECT_EQ(lines + *ParseWcPrice(rendered.at("shipping_total"), 3),
              *ParseWcPrice(rendered.at("total"), 3));
}

TEST(WooOrderRenderTest, GuestsAndStatusesFollowTheGenerator) {
    bool saw_guest = false;
    bool saw_customer = false;
    std::set<std::string> statuses;
    for (int64_t index = 0; index < 60; ++index) {
        const WooOrder order = Convert(index);
        const int64_t customer = order.fields.at("customer_id").as_int64();
        saw_guest = saw_guest || customer == 0;
        saw_customer = saw_customer || customer > 0;
        statuses.insert(order.status);
        if (order.fields.at("payment_method") == "cod") {
            EXPECT_NE(order.status, "on-hold");
        }
    }
    EXPECT_TRUE(saw_guest);
    EXPECT_TRUE(saw_customer);
    EXPECT_TRUE(statuses.count("processing") == 1 && statuses.count("completed") == 1)
        << statuses.size();
}

TEST(WooOrderRenderTest, EncodesJsonTheWayPhpDoes) {
    const json::value value = json::parse(R"({"url":"http://a/b","name":"محمد","n":12,"p":21.5})");
    EXPECT_EQ(PhpJsonEncode(value),
              R"({"url":"http:\/\/a\/b","name":"\u0645\u062d\u0645\u062f","n":12,"p":21.5})");
    EXPECT_EQ(PhpJsonEncode(json::value(2.0)), "2.0");
    EXPECT_EQ(PhpJsonEncode(json::value("😀\n")), R"("\ud83d\ude00\n")");
}

TEST(WooOrderRenderTest, ParsesRestDatesInTheSiteZoneUnlessTheyCarryAnOffset) {
    const auto local = ParseWpDate("2026-11-24T10:00:00", 180);
    const auto utc = ParseWpDate("2026-11-24T07:00:00Z", 180);
    ASSERT_TRUE(local && utc);
    EXPECT_EQ(*local, *utc);
    EXPECT_EQ(WpDate(*local, 180), "2026-11-24T10:00:00");
    EXPECT_FALSE(ParseWpDate("yesterday", 0).has_value());
    EXPECT_EQ(ParseUtcOffset("-05:30"), -330);
    EXPECT_EQ(WcPrice(-1000, 2), "-10.00");
    EXPECT_EQ(ParseWcPrice(json::value("30"), 2), 3000);
    EXPECT_EQ(ParseWcPrice(json::value(12.345), 2), 1235);
}

}  // namespace
}  // namespace scs::sandbox::woocommerce
