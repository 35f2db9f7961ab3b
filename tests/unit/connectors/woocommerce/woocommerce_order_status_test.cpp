#include "connectors/woocommerce/woocommerce_order_status.hpp"

#include <gtest/gtest.h>

#include "scripted_woocommerce.hpp"

namespace scs {
namespace {

namespace json = boost::json;
using testing::ScriptedWooCommerce;

OrderStatusRequest Change(OrderStatusChange change, bool refund = false) {
    return OrderStatusRequest{"7301", change, "customer", true, refund, false, ""};
}

json::object Order(const std::string& status) {
    return {{"id", 7301}, {"status", status}};
}

TEST(WooCommerceOrderStatusTest, CancelsAndClosesWithAPut) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("processing"));
    woo.http->AddJson(Order("cancelled"));
    auto cancelled =
        woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kCancel));
    ASSERT_TRUE(cancelled) << cancelled.error().message;
    EXPECT_TRUE(cancelled->done);
    EXPECT_FALSE(cancelled->already);
    EXPECT_EQ(woo.http->requests[1].method, "PUT");
    EXPECT_EQ(woo.http->Body(1), (json::object{{"status", "cancelled"}}));

    woo.http->AddJson(Order("on-hold"));
    woo.http->AddJson(Order("completed"));
    auto closed = woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kClose));
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_TRUE(closed->done);
    EXPECT_EQ(woo.http->Body(3), (json::object{{"status", "completed"}}));
}

TEST(WooCommerceOrderStatusTest, AnOrderAlreadyThereIsAlreadyDone) {
    ScriptedWooCommerce woo;
    woo.http->AddJson(Order("completed"));
    auto closed = woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kClose));
    ASSERT_TRUE(closed);
    EXPECT_TRUE(closed->done);
    EXPECT_TRUE(closed->already);
    EXPECT_EQ(woo.http->requests.size(), 1U);
}

TEST(WooCommerceOrderStatusTest, RefusesChangesTheOrdersStateForbids) {
    ScriptedWooCommerce woo;
    for (const char* status : {"completed", "refunded"}) {
        woo.http->AddJson(Order(status));
        EXPECT_EQ(woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kCancel))
                      .error()
                      .code,
                  ErrorCode::kConflict)
            << status;
    }
    woo.http->AddJson(Order("cancelled"));
    EXPECT_EQ(woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kClose))
                  .error()
                  .code,
              ErrorCode::kConflict);
    EXPECT_EQ(
        woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kCancel, true))
            .error()
            .code,
        ErrorCode::kBadRequest);
    EXPECT_EQ(woo.http->requests.size(), 3U);
}

TEST(WooCommerceOrderStatusTest, AnUnknownOrderOrAnIgnoredChangeIsReported) {
    ScriptedWooCommerce woo;
    woo.http->Add(404,
                  R"({"code":"woocommerce_rest_shop_order_invalid_id","message":"Invalid ID."})");
    EXPECT_EQ(woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kCancel))
                  .error()
                  .code,
              ErrorCode::kNotFound);
    woo.http->AddJson(Order("pending"));
    woo.http->AddJson(Order("pending"));
    EXPECT_EQ(woo.connector->ChangeOrderStatus(woo.session, Change(OrderStatusChange::kCancel))
                  .error()
                  .code,
              ErrorCode::kConflict);
}

}  // namespace
}  // namespace scs
