// Order notes, refunds and the Shipment Tracking extension in the WooCommerce sandbox.
#include <gtest/gtest.h>

#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

class WooExtrasTest : public ::testing::Test {
protected:
    // A prepaid (card) order in processing, 100.00 SAR plus VAT and shipping.
    int64_t AddCardOrder() {
        auto added =
            Control(sandbox_,
                    site_,
                    "POST",
                    "/orders",
                    R"({"order":{"status":"processing","currency":"SAR","payment_method":"stripe",)"
                    R"("line_items":[{"variation_id":11,"quantity":2,"price":"50.00"}]}})");
        EXPECT_EQ(added.status, 201) << added.raw.body;
        return added.body.at("orders").at(0).at("id").as_int64();
    }

    SandboxFixture sandbox_;
    WooSiteInfo site_ =
        CreateWooSite(sandbox_, {{"site", "extras-woo"}, {"shipment_tracking", true}});
    WooClient client_{sandbox_, site_};
};

TEST_F(WooExtrasTest, AddsListsAndDeletesNotes) {
    const std::string notes = "/wc/v3/orders/" + std::to_string(AddCardOrder()) + "/notes";
    auto added =
        client_.Call("POST", notes, R"({"note":"Shipped with Aramex 123","customer_note":true})");
    ASSERT_EQ(added.status, 201) << added.raw.body;
    EXPECT_EQ(added.body.at("customer_note"), true);
    auto customer = client_.Get(notes + "?type=customer");
    ASSERT_EQ(customer.body.as_array().size(), 1U);
    EXPECT_EQ(customer.body.at(0).at("note"), "Shipped with Aramex 123");
    auto missing = client_.Call("POST", notes, "{}");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.body.at("code"), "rest_missing_callback_param");
    const std::string note = notes + "/" + std::to_string(added.body.at("id").as_int64());
    EXPECT_EQ(client_.Call("DELETE", note).status, 501);
    EXPECT_EQ(client_.Call("DELETE", note + "?force=true").status, 200);
    EXPECT_EQ(client_.Get("/wc/v3/orders/424242/notes").body.at("code"),
              "woocommerce_rest_order_invalid_id");
}

TEST_F(WooExtrasTest, PartialThenFullRefundsMarkTheOrderRefunded) {
    const int64_t id = AddCardOrder();
    const std::string order = "/wc/v3/orders/" + std::to_string(id);
    auto partial =
        client_.Call("POST", order + "/refunds", R"({"amount":"30","reason":"damaged"})");
    ASSERT_EQ(partial.status, 201) << partial.raw.body;
    EXPECT_EQ(partial.body.at("amount"), "30.00");
    EXPECT_EQ(partial.body.at("refunded_payment"), true);
    auto after_partial = client_.Get(order);
    EXPECT_EQ(after_partial.body.at("status"), "processing");
    EXPECT_EQ(after_partial.body.at("refunds").at(0).at("total"), "-30.00");
    auto too_much = client_.Call("POST", order + "/refunds", R"({"amount":"100000"})");
    EXPECT_EQ(too_much.status, 500);
    EXPECT_EQ(too_much.body.at("message"), "Invalid refund amount.");
    const std::string total(after_partial.body.at("total").as_string());
    const double rest = std::stod(total) - 30.0;
    auto full = client_.Call("POST",
                             order + "/refunds",
                             R"({"amount":")" + std::to_string(rest) + R"(","api_refund":false})");
    ASSERT_EQ(full.status, 201) << full.raw.body;
    auto refunded = client_.Get(order);
    EXPECT_EQ(refunded.body.at("status"), "refunded");
    EXPECT_EQ(refunded.body.at("refunds").as_array().size(), 2U);
    EXPECT_EQ(client_.Get(order + "/refunds").body.as_array().size(), 2U);
}

TEST_F(WooExtrasTest, CashOnDeliveryOrdersCannotBeRefundedThroughTheGateway) {
    auto added = Control(sandbox_,
                         site_,
                         "POST",
                         "/orders",
                         R"({"order":{"status":"completed","payment_method":"cod"}})");
    const std::string refunds = "/wc/v3/orders/" +
                                std::to_string(added.body.at("orders").at(0).at("id").as_int64()) +
                                "/refunds";
    auto refused = client_.Call("POST", refunds, R"({"amount":"1"})");
    EXPECT_EQ(refused.status, 500);
    EXPECT_EQ(refused.body.at("code"), "woocommerce_rest_cannot_create_order_refund");
    EXPECT_EQ(client_.Call("POST", refunds, R"({"amount":"1","api_refund":false})").status, 201);
}

TEST_F(WooExtrasTest, RecordsShipmentTrackingsWhenTheExtensionIsOn) {
    const int64_t id = AddCardOrder();
    const std::string trackings =
        "/wc-shipment-tracking/v3/orders/" + std::to_string(id) + "/shipment-trackings";
    auto created = client_.Call(
        "POST",
        trackings,
        R"({"tracking_provider":"Aramex","tracking_number":"AX123","date_shipped":"2026-11-24"})");
    ASSERT_EQ(created.status, 201) << created.raw.body;
    EXPECT_EQ(created.body.at("tracking_id").as_string().size(), 32U);
    EXPECT_EQ(created.body.at("tracking_link"),
              "https://www.aramex.com/us/en/track/results?ShipmentNumber=AX123");
    EXPECT_EQ(created.body.at("date_shipped"), "2026-11-24");
    EXPECT_EQ(client_.Get(trackings).body.as_array().size(), 1U);
    auto shown = Control(sandbox_, site_, "GET", "/orders/" + std::to_string(id));
    EXPECT_EQ(shown.body.at("trackings").as_array().size(), 1U);
    EXPECT_EQ(Control(sandbox_, site_, "GET", "/stats").body.at("trackings"), 1);

    WooSiteInfo plain = CreateWooSite(sandbox_, {{"site", "no-tracking"}, {"orders", 1}});
    auto absent = WooClient(sandbox_, plain)
                      .Call("POST",
                            "/wc-shipment-tracking/v3/orders/1001/shipment-trackings",
                            R"({"tracking_number":"X"})");
    EXPECT_EQ(absent.status, 404);
    EXPECT_EQ(absent.body.at("code"), "rest_no_route");
}

}  // namespace
}  // namespace scs::testing
