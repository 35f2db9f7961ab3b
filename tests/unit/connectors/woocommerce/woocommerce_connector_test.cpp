#include "connectors/woocommerce/woocommerce_connector.hpp"

#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "scripted_woocommerce.hpp"
#include "woocommerce_fixtures.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using testing::ScriptedWooCommerce;
using testing::WooCommerceFixture;

json::value Fixture(const std::string& path) {
    return json::parse(WooCommerceFixture(path));
}

// The riyadh_card_coupon order as `id`, modified at `modified` (GMT).
json::value Order(int64_t id, const std::string& modified) {
    json::value order = Fixture("orders/riyadh_card_coupon.json");
    order.as_object()["id"] = id;
    order.as_object()["date_modified_gmt"] = modified;
    return order;
}

OrderPageRequest Request(int page_size) {
    OrderPageRequest request;
    request.page_size = page_size;
    request.mapping = testing::WooCommerceTestContext();
    return request;
}

TEST(WooCommerceConnectorTest, VerifiesCredentialsWithOneCheapAuthenticatedCall) {
    ScriptedWooCommerce woo;
    woo.http->AddPage({}, 0);
    ASSERT_TRUE(woo.connector->VerifyCredentials(woo.session.connection, woo.session.credentials));
    EXPECT_EQ(woo.http->Path(0), "/wp-json/wc/v3/orders");
    EXPECT_EQ(woo.http->Param(0, "per_page"), "1");
    EXPECT_TRUE(woo.http->requests[0].public_only);  // a seller-typed URL: public addresses only
    EXPECT_EQ(woo.http->requests[0].total_timeout, std::chrono::milliseconds(30000));
}

TEST(WooCommerceConnectorTest, VerifyAnswersRejectedKeysAndMissingApis) {
    ScriptedWooCommerce woo;
    woo.http->Add(
        401,
        R"({"code":"woocommerce_rest_authentication_error","message":"Consumer key is invalid."})");
    woo.http->Add(404, R"({"code":"rest_no_route","message":"No route was found."})");
    const auto& connection = woo.session.connection;
    EXPECT_EQ(woo.connector->VerifyCredentials(connection, woo.session.credentials).error().code,
              ErrorCode::kInvalidCredentials);
    const auto missing = woo.connector->VerifyCredentials(connection, woo.session.credentials);
    EXPECT_EQ(missing.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(missing.error().field, "store_id");
    EXPECT_EQ(woo.connector->VerifyCredentials(connection, {{"consumer_key", "ck"}}).error().code,
              ErrorCode::kInvalidCredentials);
    auto bad_url = connection;
    bad_url.store_id = "shop.test";
    EXPECT_EQ(woo.connector->VerifyCredentials(bad_url, woo.session.credentials).error().code,
              ErrorCode::kBadRequest);
    EXPECT_EQ(woo.http->requests.size(), 2U);
}

TEST(WooCommerceConnectorTest, FetchesOrdersByModificationTimeAndPagesWithTheWatermark) {
    ScriptedWooCommerce woo;
    woo.http->AddPage({Order(10, "2026-03-01T09:00:00"), Order(11, "2026-03-01T09:00:05")}, 3);
    woo.http->AddPage({Order(11, "2026-03-01T09:00:05"), Order(12, "2026-03-01T09:10:00")}, 2);
    woo.http->AddPage({}, 1);
    auto request = Request(2);
    request.updated_since = ParseRfc3339("2026-03-01T08:00:00Z");
    auto first = woo.connector->FetchOrders(woo.session, request);
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_EQ(first->orders.size(), 2U);
    EXPECT_EQ(first->orders[0].external_id, "10");
    EXPECT_TRUE(first->orders[0].order) << first->orders[0].order.error().message;
    EXPECT_EQ(first->orders[1].updated_at, ParseRfc3339("2026-03-01T09:00:05Z"));
    EXPECT_EQ(woo.http->Param(0, "modified_after"), "2026-03-01T07:59:59");
    EXPECT_EQ(woo.http->Param(0, "orderby"), "modified");
    EXPECT_EQ(woo.http->Param(0, "order"), "asc");
    EXPECT_EQ(woo.http->Param(0, "dates_are_gmt"), "true");
    EXPECT_EQ(woo.http->Param(0, "after"), "<absent>");
    ASSERT_FALSE(first->next_cursor.empty());

    request.cursor = first->next_cursor;
    auto second = woo.connector->FetchOrders(woo.session, request);
    ASSERT_TRUE(second) << second.error().message;
    ASSERT_EQ(second->orders.size(), 1U);  // 11 was returned already at that second
    EXPECT_EQ(second->orders[0].external_id, "12");
    EXPECT_EQ(woo.http->Param(1, "modified_after"), "2026-03-01T09:00:04");
    EXPECT_EQ(woo.http->Param(1, "page"), "1");

    request.cursor = second->next_cursor;
    auto last = woo.connector->FetchOrders(woo.session, request);
    ASSERT_TRUE(last) << last.error().message;
    EXPECT_TRUE(last->orders.empty());
    EXPECT_EQ(last->next_cursor, "");
}

TEST(WooCommerceConnectorTest, AnOrderThatDoesNotMapIsAPoisonRecordNotAFailedPage) {
    ScriptedWooCommerce woo;
    json::value poison = Order(20, "2026-03-01T09:00:00");
    poison.as_object()["total"] = json::array{};
    woo.http->AddPage({poison, Order(21, "2026-03-01T09:00:01")}, 1);
    auto page = woo.connector->FetchOrders(woo.session, Request(50));
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_EQ(page->orders.size(), 2U);
    EXPECT_FALSE(page->orders[0].order);
    EXPECT_EQ(page->orders[0].external_id, "20");
    EXPECT_EQ(page->orders[0].updated_at, ParseRfc3339("2026-03-01T09:00:00Z"));
    EXPECT_TRUE(page->orders[1].order);
    EXPECT_EQ(page->next_cursor, "");
}

TEST(WooCommerceConnectorTest, OrdersInAThreeDecimalCurrencyAreReadAgainWithDp3) {
    ScriptedWooCommerce woo;
    json::value kuwait = Fixture("orders/kuwait_bank_completed.json");
    kuwait.as_object()["date_modified_gmt"] = "2026-03-01T09:00:01";
    json::value rounded = kuwait;
    rounded.as_object()["total"] = "49.76";  // what dp=2 would make of, say, 49.755
    woo.http->AddPage({Order(40, "2026-03-01T09:00:00"), rounded}, 1);
    woo.http->AddPage({kuwait}, 1);
    auto page = woo.connector->FetchOrders(woo.session, Request(50));
    ASSERT_TRUE(page) << page.error().message;
    const std::string id = std::to_string(kuwait.at("id").as_int64());
    EXPECT_EQ(woo.http->Param(1, "include"), id);
    EXPECT_EQ(woo.http->Param(1, "dp"), "3");
    ASSERT_EQ(page->orders.size(), 2U);
    EXPECT_EQ(page->orders[1].external_id, id);
    ASSERT_TRUE(page->orders[1].order) << page->orders[1].order.error().message;
    const auto expected = MapWooCommerceOrderValue(kuwait, testing::WooCommerceTestContext());
    ASSERT_TRUE(expected);
    EXPECT_EQ(*page->orders[1].order, *expected);
}

TEST(WooCommerceConnectorTest, OrdersThatAreNotAListAreAnInvalidPayload) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(json::object{{"orders", json::array{}}});
    EXPECT_EQ(woo.connector->FetchOrders(woo.session, Request(50)).error().code,
              ErrorCode::kInvalidPayload);
}

TEST(WooCommerceConnectorTest, A429WithRetryAfterIsWaitedOutAndTheFetchSucceeds) {
    ScriptedWooCommerce woo;
    woo.http->Add(429,
                  R"({"code":"too_many_requests","message":"Too Many Requests"})",
                  {{"Retry-After", "3"}});
    woo.http->AddPage({Order(30, "2026-03-01T09:00:00")}, 1);
    auto page = woo.connector->FetchOrders(woo.session, Request(50));
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->orders.size(), 1U);
    EXPECT_EQ(woo.slept, (std::vector<std::chrono::milliseconds>{std::chrono::seconds(3)}));
}

TEST(WooCommerceConnectorTest, SettingsChooseQueryAuthPrivateAddressesAndTheTimeout) {
    ScriptedWooCommerce woo({{"https_auth", "query"},
                             {"allow_private_addresses", "true"},
                             {"request_timeout_ms", "2500"}});
    woo.http->AddPage({}, 0);
    ASSERT_TRUE(woo.connector->FetchOrders(woo.session, Request(5)));
    EXPECT_EQ(woo.http->Param(0, "consumer_key"), "ck_test");
    EXPECT_FALSE(woo.http->requests[0].public_only);
    EXPECT_EQ(woo.http->requests[0].total_timeout, std::chrono::milliseconds(2500));
}

TEST(WooCommerceConnectorTest, FetchesProductsWithEveryPageOfVariations) {
    ScriptedWooCommerce woo;
    const json::value simple = Fixture("products/simple_product.json");
    const json::value variable = Fixture("products/variable_product.json");
    const json::array variations = Fixture("products/variable_product_variations.json").as_array();
    woo.http->AddPage({simple, variable}, 2);
    woo.http->AddJson(json::array{variations[0], variations[1]},
                      {{"X-WP-TotalPages", "2"}});  // a full page would be 100; total says more
    woo.http->AddPage({variations[2]}, 2);
    ProductPageRequest request;
    request.page_size = 2;
    auto page = woo.connector->FetchProducts(woo.session, request);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(woo.http->Param(0, "per_page"), "2");
    EXPECT_EQ(woo.http->Param(0, "page"), "1");
    EXPECT_EQ(woo.http->Param(0, "orderby"), "id");
    EXPECT_EQ(woo.http->Path(1), "/wp-json/wc/v3/products/502/variations");
    EXPECT_EQ(page->next_cursor, "2");
    ASSERT_EQ(page->listings.size(), 1U + variations.size());
    EXPECT_EQ(page->listings[0].inventory_item_id, "640");
    EXPECT_EQ(page->listings[1].inventory_item_id, "502/611");
}

TEST(WooCommerceConnectorTest, VariationsAreFetchedUntilTotalPagesEvenWhenAPageIsFull) {
    ScriptedWooCommerce woo;
    const json::value variable = Fixture("products/variable_product.json");
    const json::array variations = Fixture("products/variable_product_variations.json").as_array();
    json::array full;
    for (int i = 0; i < 100; ++i) {
        full.push_back(variations[0]);
    }
    woo.http->AddPage({variable}, 1);
    woo.http->AddPage(full, 2);
    woo.http->AddPage({variations[1]}, 2);
    ProductPageRequest request;
    request.cursor = "4";
    auto page = woo.connector->FetchProducts(woo.session, request);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(woo.http->Param(0, "page"), "4");
    EXPECT_EQ(woo.http->Param(2, "page"), "2");
    EXPECT_EQ(page->listings.size(), 101U);
    EXPECT_EQ(page->next_cursor, "");
}

TEST(WooCommerceConnectorTest, AProductCursorThatIsNotAPageNumberIsABadRequest) {
    ScriptedWooCommerce woo;
    ProductPageRequest request;
    request.cursor = "abc";
    EXPECT_EQ(woo.connector->FetchProducts(woo.session, request).error().code,
              ErrorCode::kBadRequest);
    EXPECT_TRUE(woo.http->requests.empty());
}

}  // namespace
}  // namespace scs
