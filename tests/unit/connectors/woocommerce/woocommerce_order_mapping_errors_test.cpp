#include <functional>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "woocommerce_fixtures.hpp"

namespace scs {
namespace {

namespace json = boost::json;

using testing::WooCommerceFixture;
using testing::WooCommerceTestContext;

// One broken payload and the field the error must name.
struct BrokenPayload {
    std::string what;
    std::function<void(json::object&)> breaks;
    std::string field;
};

json::object& Line(json::object& order, size_t index) {
    return order.at("line_items").as_array().at(index).as_object();
}

void ExpectError(const BrokenPayload& broken) {
    json::object order =
        json::parse(WooCommerceFixture("orders/riyadh_card_coupon.json")).as_object();
    broken.breaks(order);
    const auto mapped = MapWooCommerceOrderValue(order, WooCommerceTestContext());
    ASSERT_FALSE(mapped.has_value()) << broken.what;
    EXPECT_EQ(mapped.error().code, ErrorCode::kInvalidPayload) << broken.what;
    EXPECT_EQ(mapped.error().field, broken.field) << broken.what << ": " << mapped.error().message;
    EXPECT_NE(mapped.error().message.find(broken.field), std::string::npos) << broken.what;
    EXPECT_EQ(mapped.error().message.rfind("woocommerce order: ", 0), 0U) << mapped.error().message;
}

TEST(WooCommerceOrderMappingErrorsTest, NamesTheFieldOfEveryFailure) {
    const std::vector<BrokenPayload> cases = {
        {"missing id", [](json::object& o) { o.erase("id"); }, "id"},
        {"id as a double", [](json::object& o) { o["id"] = 7301.0; }, "id"},
        {"id as text", [](json::object& o) { o["id"] = "7301"; }, "id"},
        {"id zero", [](json::object& o) { o["id"] = 0; }, "id"},
        {"number as an integer", [](json::object& o) { o["number"] = 7301; }, "number"},
        {"missing number", [](json::object& o) { o.erase("number"); }, "number"},
        {"unknown currency", [](json::object& o) { o["currency"] = "XYZ"; }, "currency"},
        {"unknown status", [](json::object& o) { o["status"] = "lost-in-transit"; }, "status"},
        {"null creation date",
         [](json::object& o) { o["date_created_gmt"] = nullptr; },
         "date_created_gmt"},
        {"bad modified date",
         [](json::object& o) { o["date_modified_gmt"] = "yesterday"; },
         "date_modified_gmt"},
        {"bad paid date",
         [](json::object& o) { o["date_paid_gmt"] = "2026-13-01T00:00:00"; },
         "date_paid_gmt"},
        {"total as a number", [](json::object& o) { o["total"] = 323.73; }, "total"},
        {"missing shipping total",
         [](json::object& o) { o.erase("shipping_total"); },
         "shipping_total"},
        {"rounding needed",
         [](json::object& o) { o["discount_total"] = "28.505"; },
         "discount_total"},
        {"prices_include_tax as text",
         [](json::object& o) { o["prices_include_tax"] = "no"; },
         "prices_include_tax"},
        {"customer id as a double",
         [](json::object& o) { o["customer_id"] = 31.5; },
         "customer_id"},
        {"billing not an object", [](json::object& o) { o["billing"] = "none"; }, "billing"},
        {"shipping name not text",
         [](json::object& o) { o["shipping"].as_object()["first_name"] = 5; },
         "shipping.first_name"},
        {"line items not an array",
         [](json::object& o) { o["line_items"] = "none"; },
         "line_items"},
        {"line item not an object",
         [](json::object& o) { o["line_items"].as_array()[1] = 3; },
         "line_items[1]"},
        {"line id as a double",
         [](json::object& o) { Line(o, 1)["id"] = 3102.0; },
         "line_items[1].id"},
        {"variation id negative",
         [](json::object& o) { Line(o, 1)["variation_id"] = -611; },
         "line_items[1].variation_id"},
        {"negative quantity",
         [](json::object& o) { Line(o, 0)["quantity"] = -2; },
         "line_items[0].quantity"},
        {"quantity as text",
         [](json::object& o) { Line(o, 0)["quantity"] = "2"; },
         "line_items[0].quantity"},
        {"subtotal needs rounding",
         [](json::object& o) { Line(o, 0)["subtotal"] = "200.005"; },
         "line_items[0].subtotal"},
        {"line total missing",
         [](json::object& o) { Line(o, 1).erase("total"); },
         "line_items[1].total"},
        {"line tax as a number",
         [](json::object& o) { Line(o, 1)["total_tax"] = 11.48; },
         "line_items[1].total_tax"},
        {"price needs rounding without a subtotal",
         [](json::object& o) {
             Line(o, 0).erase("subtotal");
             Line(o, 0)["price"] = 3.3333333333333335;
         },
         "line_items[0].price"},
        {"price as text without a subtotal",
         [](json::object& o) {
             Line(o, 0).erase("subtotal");
             Line(o, 0)["price"] = "90.00";
         },
         "line_items[0].price"},
        {"refund total as a number",
         [](json::object& o) {
             o["refunds"].as_array().push_back(json::object{{"id", 1}, {"total", -5}});
         },
         "refunds[0].total"},
        {"shipping line total missing",
         [](json::object& o) { o["shipping_lines"].as_array()[0].as_object().erase("total"); },
         "shipping_lines[0].total"},
        {"line total out of range",
         [](json::object& o) {
             auto& lines = o["line_items"].as_array();
             lines.erase(lines.begin() + 1);
             Line(o, 0)["quantity"] = 1;
             Line(o, 0)["subtotal"] = "92233720368547758.07";  // INT64_MAX minor units
             Line(o, 0)["total"] = "92233720368547758.07";
             Line(o, 0)["total_tax"] = "0.01";
         },
         "line_items[0].total"},
    };
    for (const auto& broken : cases) {
        ExpectError(broken);
    }
}

TEST(WooCommerceOrderMappingErrorsTest, RefusesNonJsonAndNonObjects) {
    for (const char* text : {"", "{", "[]", "\"order\"", "null"}) {
        const auto mapped = MapWooCommerceOrder(text, WooCommerceTestContext());
        ASSERT_FALSE(mapped.has_value()) << text;
        EXPECT_EQ(mapped.error().code, ErrorCode::kInvalidPayload) << text;
    }
}

}  // namespace
}  // namespace scs
