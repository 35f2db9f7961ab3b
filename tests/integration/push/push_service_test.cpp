#include "jobs/queue_names.hpp"
#include "push_test_env.hpp"

namespace scs::testing {
namespace {

using PushServiceTest = PushTest;

TEST_P(PushServiceTest, InventoryPushAndItsJobCommitTogether) {
    const auto push = PushInventory({{" A ", "H1", 5}});
    EXPECT_EQ(push.state, PushState::kQueued);
    EXPECT_EQ(push.idempotency_key.rfind("auto:", 0), 0U);
    EXPECT_EQ(push.request_json, R"({"items":[{"sku":"A","hub_code":"H1","quantity":5}]})");
    const auto rows = Rows();
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].queue, kInventoryUpdatesQueue);
    EXPECT_EQ(rows[0].group_id, std::to_string(connection_.id));
    EXPECT_EQ(rows[0].dedup_id, "push:" + std::to_string(push.id));
    EXPECT_NE(rows[0].body.find("push.inventory"), std::string::npos);
    EXPECT_EQ(notified_, 1);
    EXPECT_NE(PushInventory({{"A", "H1", 5}}).id, push.id) << "no client key: a new push";
}

TEST_P(PushServiceTest, RepeatedFulfilmentIsOnePushAndOneJob) {
    FulfillmentPushRequest request;
    request.order_external_id = "1001";
    request.tracking_number = "TRK";
    auto first = service_->EnqueueFulfillment(connection_, request);
    auto second = service_->EnqueueFulfillment(connection_, request);
    ASSERT_TRUE(first && second);
    EXPECT_TRUE(first->created);
    EXPECT_FALSE(second->created);
    EXPECT_EQ(second->record.id, first->record.id);
    EXPECT_EQ(first->record.idempotency_key, DerivedFulfillmentKey(connection_.id, request));
    ASSERT_EQ(Rows().size(), 1U);
    EXPECT_EQ(Rows()[0].queue, kOrderUpdatesQueue);
    EXPECT_EQ(notified_, 1);
}

TEST_P(PushServiceTest, ClientKeyDeduplicatesStatusPushes) {
    StatusPushRequest request;
    request.order_external_id = "1001";
    request.status = "closed";
    request.idempotency_key = "client-1";
    auto first = service_->EnqueueStatus(connection_, request);
    request.order_external_id = "1002";
    auto second = service_->EnqueueStatus(connection_, request);
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->record.idempotency_key, "client-1");
    EXPECT_FALSE(second->created);
    EXPECT_EQ(Rows().size(), 1U);
}

TEST_P(PushServiceTest, RefusesInvalidRequestsAndUnusableConnections) {
    auto invalid = service_->EnqueueInventory(connection_, InventoryPushRequest{});
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().field, "items");
    Connection paused = connection_;
    paused.status = ConnectionStatus::kPaused;
    const InventoryPushRequest request{{{"A", "H1", 1}}, ""};
    EXPECT_EQ(service_->EnqueueInventory(paused, request).error().code, ErrorCode::kConflict);
    paused.status = ConnectionStatus::kDisconnected;
    EXPECT_EQ(service_->EnqueueInventory(paused, request).error().code, ErrorCode::kConflict);
    paused.status = ConnectionStatus::kReauthRequired;
    EXPECT_EQ(service_->EnqueueInventory(paused, request).error().code,
              ErrorCode::kInvalidCredentials);
    EXPECT_TRUE(Rows().empty());
    EXPECT_EQ(notified_, 0);
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         PushServiceTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
