// The Shopify connector's push-back calls against the real sandbox on loopback: catalogue,
// stock read and compare-and-set, fulfilment with its tracking-number dedup, close and cancel.
#include <gtest/gtest.h>

#include "../sandbox/sandbox_test_support.hpp"
#include "connectors/shopify/shopify_connector.hpp"

namespace scs::testing {
namespace {

constexpr const char* kShop = "push.myshopify.com";
constexpr const char* kToken = "shpat_push";
constexpr const char* kLocation = "65000000001";  // the seeded Riyadh Warehouse

class ShopifyPushSandboxTest : public ::testing::Test {
protected:
    ShopifyPushSandboxTest()
        : store_(sandbox_.CreateStore(
              {{"shop", kShop}, {"access_token", kToken}, {"webhook_secret", "s"}})) {
        ConnectorDeps deps;
        deps.base_url = "http://127.0.0.1:" + std::to_string(sandbox_.Port()) + "/shopify/{shop}";
        connector_ = MakeShopifyConnector(deps);
        session_.connection.id = 1;
        session_.connection.store_id = kShop;
        session_.credentials = {{"access_token", kToken}};
    }

    // A new open paid order: 3 x SKU-100-1 and 1 x SKU-101-1; its numeric id.
    std::string NewOrder() {
        const auto created =
            sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/orders", R"({"order":{
            "financial_status":"paid","currency":"SAR","fulfillment_status":null,"cancelled_at":null,"closed_at":null,
            "line_items":[{"id":11,"sku":"SKU-100-1","variant_id":81000000000000,"product_id":8100000000000,"quantity":3},
                          {"id":12,"sku":"SKU-101-1","variant_id":81000000000010,"product_id":8100000000001,"quantity":1}]}})");
        EXPECT_EQ(created.status, 201) << created.raw.body;
        return std::to_string(created.body.at("orders").at(0).at("id").as_int64());
    }

    SandboxFixture sandbox_;
    std::string store_;
    ConnectorPtr connector_;
    ConnectorSession session_;
};

TEST_F(ShopifyPushSandboxTest, ReadsTheCatalogueAndSetsStockWithCompareAndSet) {
    ProductPageRequest request;
    request.page_size = 10;
    auto page = connector_->FetchProducts(session_, request);
    ASSERT_TRUE(page) << page.error().message;
    ASSERT_EQ(page->listings.size(), 10U);
    EXPECT_FALSE(page->next_cursor.empty());
    const Listing& first = page->listings[0];
    EXPECT_EQ(first.sku, "SKU-100-1");
    ASSERT_FALSE(first.inventory_item_id.empty());
    const InventoryKey key{first.inventory_item_id, kLocation};
    auto before = connector_->ReadInventoryLevels(session_, {key, {"999999", kLocation}});
    ASSERT_TRUE(before) << before.error().message;
    ASSERT_TRUE(before->at(key).available.has_value());
    EXPECT_FALSE(before->at({"999999", kLocation}).item_exists);
    const int64_t current = *before->at(key).available;

    InventorySetBatch batch{"push-1", "correction", {{key, current + 5, current}}};
    auto applied = connector_->SetInventory(session_, batch);
    ASSERT_TRUE(applied) << applied.error().message;
    EXPECT_EQ(applied->at(0).outcome, InventorySetOutcome::kApplied) << applied->at(0).message;
    batch.idempotency_key = "push-2";
    auto stale = connector_->SetInventory(session_, batch);
    ASSERT_TRUE(stale) << stale.error().message;
    EXPECT_EQ(stale->at(0).outcome, InventorySetOutcome::kStale);
    EXPECT_EQ(connector_->ReadInventoryLevels(session_, {key})->at(key).available, current + 5);
}

TEST_F(ShopifyPushSandboxTest, FulfilsOnceAndFindsItsOwnFulfilmentOnRetry) {
    const std::string order = NewOrder();
    FulfillmentRequest request{order, "TRK-1", "Aramex", "", {{"SKU-100-1", 2}}, false};
    auto created = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_FALSE(created->already_existed);
    auto again = connector_->CreateFulfillment(session_, request);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->already_existed);
    EXPECT_EQ(again->fulfillment_id, created->fulfillment_id);
    request.tracking_number = "TRK-2";
    request.lines = {{"SKU-100-1", 2}};
    EXPECT_EQ(connector_->CreateFulfillment(session_, request).error().code,
              ErrorCode::kBadRequest);  // one unit remains
}

TEST_F(ShopifyPushSandboxTest, ClosesAndCancelsOrders) {
    OrderStatusRequest close{NewOrder(), OrderStatusChange::kClose, "", true, false, false, ""};
    auto closed = connector_->ChangeOrderStatus(session_, close);
    ASSERT_TRUE(closed) << closed.error().message;
    EXPECT_TRUE(closed->done);
    EXPECT_TRUE(connector_->ChangeOrderStatus(session_, close)->already);

    OrderStatusRequest cancel{
        NewOrder(), OrderStatusChange::kCancel, "customer", true, false, false, ""};
    auto cancelled = connector_->ChangeOrderStatus(session_, cancel);
    for (int attempt = 0; attempt < 3 && cancelled && !cancelled->done; ++attempt) {
        cancel.pending_job_id = cancelled->pending_job;
        cancelled = connector_->ChangeOrderStatus(session_, cancel);
    }
    ASSERT_TRUE(cancelled) << cancelled.error().message;
    EXPECT_TRUE(cancelled->done);
    cancel.pending_job_id.clear();
    EXPECT_EQ(connector_->ChangeOrderStatus(session_, cancel)->already, true);
    cancel.order_external_id = "424242";
    EXPECT_EQ(connector_->ChangeOrderStatus(session_, cancel).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace scs::testing
