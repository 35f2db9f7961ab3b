#include <functional>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/order_mapping.hpp"
#include "fixtures.hpp"

namespace scs {
namespace {

namespace json = boost::json;

using testing::ShopifyOrderFixture;
using testing::ShopifyTestContext;

// One broken payload and the field the error must name.
struct BrokenPayload {
    std::string what;
    std::function<void(json::object&)> breaks;
    std::string field;
};

json::object& FirstLine(json::object& order) {
    return order.at("line_items").as_array().at(0).as_object();
}

void ExpectRestError(const BrokenPayload& broken) {
    json::object order = json::parse(ShopifyOrderFixture("riyadh_cod_rest.json")).as_object();
    broken.breaks(order);
    auto mapped = MapShopifyRestOrder(json::serialize(order), ShopifyTestContext());
    ASSERT_FALSE(mapped.has_value()) << broken.what;
    EXPECT_EQ(mapped.error().code, ErrorCode::kInvalidPayload) << broken.what;
    EXPECT_EQ(mapped.error().field, broken.field) << broken.what << ": " << mapped.error().message;
    EXPECT_NE(mapped.error().message.find(broken.field), std::string::npos) << broken.what;
}

TEST(ShopifyOrderMappingErrorsTest, NamesTheFieldOfEveryRestFailure) {
    const std::vector<BrokenPayload> cases = {
        {"missing id", [](json::object& o) { o.erase("id"); }, "id"},
        {"id as a double", [](json::object& o) { o["id"] = 5.73e18; }, "id"},
        {"negative id", [](json::object& o) { o["id"] = -1; }, "id"},
        {"unknown currency", [](json::object& o) { o["currency"] = "XYZ"; }, "currency"},
        {"bad time", [](json::object& o) { o["created_at"] = "yesterday"; }, "created_at"},
        {"missing name", [](json::object& o) { o.erase("name"); }, "name"},
        {"total as a number",
         [](json::object& o) {
             o.erase("total_price_set");
             o["total_price"] = 574.5;
         },
         "total_price"},
        {"rounding needed",
         [](json::object& o) {
             FirstLine(o)["price_set"].as_object()["shop_money"].as_object()["amount"] = "250.005";
         },
         "line_items[0].price_set.shop_money.amount"},
        {"money in another currency",
         [](json::object& o) {
             o["total_tax_set"].as_object()["shop_money"].as_object()["currency_code"] = "USD";
         },
         "total_tax_set.shop_money.currency_code"},
        {"negative quantity",
         [](json::object& o) { FirstLine(o)["quantity"] = -1; },
         "line_items[0].quantity"},
        {"line id as text",
         [](json::object& o) { FirstLine(o)["id"] = "abc"; },
         "line_items[0].id"},
        {"line items not an array",
         [](json::object& o) { o["line_items"] = "none"; },
         "line_items"},
        {"unknown financial status",
         [](json::object& o) { o["financial_status"] = "stolen"; },
         "financial_status"},
    };
    for (const auto& broken : cases) {
        ExpectRestError(broken);
    }
}

TEST(ShopifyOrderMappingErrorsTest, RefusesNonJsonAndNonObjects) {
    for (const char* text : {"", "{", "[]", "42"}) {
        auto mapped = MapShopifyRestOrder(text, ShopifyTestContext());
        ASSERT_FALSE(mapped.has_value()) << text;
        EXPECT_EQ(mapped.error().code, ErrorCode::kInvalidPayload);
    }
}

TEST(ShopifyOrderMappingErrorsTest, RefusesMalformedGraphqlIds) {
    json::object order = json::parse(ShopifyOrderFixture("riyadh_cod_graphql.json")).as_object();
    order["id"] = "5730000000000000001";
    auto mapped = MapShopifyGraphqlOrder(json::serialize(order), ShopifyTestContext());
    ASSERT_FALSE(mapped.has_value());
    EXPECT_EQ(mapped.error().field, "id");
    order["id"] = "gid://shopify/Order/57x";
    mapped = MapShopifyGraphqlOrder(json::serialize(order), ShopifyTestContext());
    ASSERT_FALSE(mapped.has_value());
    EXPECT_EQ(mapped.error().field, "id");
}

TEST(ShopifyOrderMappingErrorsTest, NamesNestedGraphqlFields) {
    json::object order = json::parse(ShopifyOrderFixture("riyadh_cod_graphql.json")).as_object();
    order["lineItems"].as_object()["nodes"].as_array().at(1).as_object().erase(
        "originalUnitPriceSet");
    auto mapped = MapShopifyGraphqlOrder(json::serialize(order), ShopifyTestContext());
    ASSERT_FALSE(mapped.has_value());
    EXPECT_EQ(mapped.error().field, "lineItems.nodes[1].originalUnitPriceSet");
}

}  // namespace
}  // namespace scs
