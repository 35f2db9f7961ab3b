#include "connectors/woocommerce/woocommerce_fulfillment.hpp"

#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_shipment.hpp"
#include "scripted_woocommerce.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using testing::ScriptedWooCommerce;

constexpr const char* kNoRoute =
    R"({"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}})";

json::object Order(const std::string& status) {
    return {{"id", 7301},
            {"status", status},
            {"line_items",
             json::array{json::object{{"sku", "ABY-BLK"}, {"quantity", 2}},
                         json::object{{"sku", "SHM-RED-L"}, {"quantity", 1}}}}};
}

json::object Note(int64_t id, const std::string& text) {
    return {{"id", id}, {"note", text}, {"customer_note", true}};
}

FulfillmentRequest Request(std::vector<FulfillmentLine> lines, std::string number = "TRK-1") {
    return FulfillmentRequest{"7301", std::move(number), "Aramex", "", std::move(lines), true};
}

TEST(WooCommerceFulfillmentTest, WithoutTheExtensionWritesACustomerNoteAndCompletesWhenAllShipped) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(json::array{Note(1, "Shipped via Aramex, tracking TRK-0\n- ABY-BLK x 1")});
    woo.http->Add(404, kNoRoute);
    woo.http->Add(201, R"({"id":55,"note":"…","customer_note":true})");
    woo.http->AddJson(json::object{{"id", 7301}, {"status", "completed"}});
    auto result = woo.connector->CreateFulfillment(woo.session, Request({}));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_FALSE(result->already_existed);
    EXPECT_EQ(result->fulfillment_id, "note-55");
    EXPECT_EQ(woo.http->Path(1), "/wp-json/wc/v3/orders/7301/notes");
    EXPECT_EQ(woo.http->Path(2), "/wp-json/wc-shipment-tracking/v3/orders/7301/shipment-trackings");
    const auto note = woo.http->Body(3).as_object();
    EXPECT_EQ(note.at("customer_note"), true);
    EXPECT_EQ(note.at("note").as_string(),
              "Shipped via Aramex, tracking TRK-1\n- ABY-BLK x 1\n- SHM-RED-L x 1");
    EXPECT_EQ(woo.http->requests[4].method, "PUT");
    EXPECT_EQ(woo.http->Path(4), "/wp-json/wc/v3/orders/7301");
    EXPECT_EQ(woo.http->Body(4), (json::object{{"status", "completed"}}));
}

TEST(WooCommerceFulfillmentTest, APartialShipmentLeavesTheOrderOpen) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(json::array{});
    woo.http->Add(404, kNoRoute);
    woo.http->Add(201, R"({"id":56})");
    auto result = woo.connector->CreateFulfillment(woo.session, Request({{"ABY-BLK", 1}}));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(woo.http->requests.size(), 4U);
}

TEST(WooCommerceFulfillmentTest, ARetryFindsItsOwnNoteAndShipsNothingTwice) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("completed"));
    woo.http->AddJson(
        json::array{Note(9, "Shipped via Aramex, tracking TRK-1\n- ABY-BLK x 2\n- SHM-RED-L x 1")});
    woo.http->Add(404, kNoRoute);
    auto result = woo.connector->CreateFulfillment(woo.session, Request({}));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_TRUE(result->already_existed);
    EXPECT_EQ(result->fulfillment_id, "note-9");
    EXPECT_EQ(woo.http->requests.size(), 3U);
}

TEST(WooCommerceFulfillmentTest, ARetryCompletesAnOrderTheCrashLeftOpen) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(
        json::array{Note(9, "Shipped via Aramex, tracking TRK-1\n- ABY-BLK x 2\n- SHM-RED-L x 1")});
    woo.http->Add(404, kNoRoute);
    woo.http->AddJson(json::object{{"status", "completed"}});
    auto result = woo.connector->CreateFulfillment(woo.session, Request({}));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_TRUE(result->already_existed);
    EXPECT_EQ(woo.http->requests.back().method, "PUT");
}

TEST(WooCommerceFulfillmentTest, WithTheExtensionPostsAPrivateNoteThenTheTrackingItem) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(json::array{});
    woo.http->AddJson(json::array{});
    woo.http->Add(201, R"({"id":57})");
    woo.http->Add(201, R"({"tracking_id":"a1b2","tracking_number":"TRK-1"})");
    auto request = Request({{"ABY-BLK", 1}});
    request.tracking_url = "https://track.test/TRK-1";
    auto result = woo.connector->CreateFulfillment(woo.session, request);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->fulfillment_id, "a1b2");
    EXPECT_EQ(woo.http->Body(3).at("customer_note"), false);
    const auto tracking = woo.http->Body(4).as_object();
    EXPECT_EQ(woo.http->Path(4), "/wp-json/wc-shipment-tracking/v3/orders/7301/shipment-trackings");
    EXPECT_EQ(tracking.at("tracking_number").as_string(), "TRK-1");
    EXPECT_EQ(tracking.at("custom_tracking_provider").as_string(), "Aramex");
    EXPECT_EQ(tracking.at("custom_tracking_link").as_string(), "https://track.test/TRK-1");
    EXPECT_EQ(tracking.at("date_shipped").as_string(), "2026-03-01");
}

TEST(WooCommerceFulfillmentTest, AnExistingTrackingItemIsFoundAndANoteWithoutOneIsRepaired) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(json::array{});
    woo.http->AddJson(
        json::array{json::object{{"tracking_id", "x9"}, {"tracking_number", "TRK-1"}}});
    auto found = woo.connector->CreateFulfillment(woo.session, Request({{"ABY-BLK", 1}}));
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_TRUE(found->already_existed);
    EXPECT_EQ(found->fulfillment_id, "x9");
    EXPECT_EQ(woo.http->requests.size(), 3U);

    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(json::array{Note(3, "Shipped via Aramex, tracking TRK-1\n- ABY-BLK x 1")});
    woo.http->AddJson(json::array{});
    woo.http->Add(201, R"({"tracking_id":"y1"})");
    auto repaired = woo.connector->CreateFulfillment(woo.session, Request({{"ABY-BLK", 1}}));
    ASSERT_TRUE(repaired) << repaired.error().message;
    EXPECT_TRUE(repaired->already_existed);
    EXPECT_EQ(repaired->fulfillment_id, "y1");
    EXPECT_EQ(woo.http->requests.size(), 7U);
}

TEST(WooCommerceFulfillmentTest, UnknownCancelledAndOvershippedOrdersAreRefused) {
    ScriptedWooCommerce woo;
    woo.http->Add(404,
                  R"({"code":"woocommerce_rest_shop_order_invalid_id","message":"Invalid ID."})");
    EXPECT_EQ(woo.connector->CreateFulfillment(woo.session, Request({})).error().code,
              ErrorCode::kNotFound);
    auto not_an_id = Request({});
    not_an_id.order_external_id = "../7301";
    EXPECT_EQ(woo.connector->CreateFulfillment(woo.session, not_an_id).error().code,
              ErrorCode::kNotFound);
    woo.http->AddJson(Order("cancelled"));
    EXPECT_EQ(woo.connector->CreateFulfillment(woo.session, Request({})).error().code,
              ErrorCode::kConflict);
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(json::array{});
    woo.http->Add(404, kNoRoute);
    EXPECT_EQ(woo.connector->CreateFulfillment(woo.session, Request({{"ABY-BLK", 3}})).error().code,
              ErrorCode::kBadRequest);
    EXPECT_EQ(woo.http->requests.size(), 5U);
}

}  // namespace
}  // namespace scs
