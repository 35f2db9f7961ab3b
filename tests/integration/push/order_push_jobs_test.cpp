#include "push/order_push_support.hpp"
#include "push_test_env.hpp"

namespace scs::testing {
namespace {

class OrderPushTest : public PushTest {
protected:
    PushRecord Fulfil(const std::string& order, const std::string& tracking) {
        FulfillmentPushRequest request;
        request.order_external_id = order;
        request.tracking_number = tracking;
        auto created = service_->EnqueueFulfillment(connection_, request);
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        return created ? created->record : PushRecord{};
    }

    PushRecord Cancel(const std::string& order) {
        StatusPushRequest request;
        request.order_external_id = order;
        request.status = "cancelled";
        auto created = service_->EnqueueStatus(connection_, request);
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        return created ? created->record : PushRecord{};
    }
};

TEST_P(OrderPushTest, FulfilmentIsCreatedWithItsResult) {
    platform_->AddOrder("1001", 2);
    const auto push = Fulfil("1001", "TRK1");
    ASSERT_TRUE(RunJob(push));
    const auto record = Get(push.id);
    EXPECT_EQ(record.state, PushState::kDone);
    EXPECT_EQ(JsonStringField(record.result_json, "fulfillment_id"), "f1");
    EXPECT_EQ(record.attempts, 1);
    EXPECT_TRUE(RunJob(push)) << "a duplicate delivery does nothing";
    EXPECT_EQ(platform_->Shipments().size(), 1U);
}

TEST_P(OrderPushTest, KilledAfterThePlatformCallWithTrackingShipsOnce) {
    platform_->AddOrder("1001", 2);
    const auto push = Fulfil("1001", "TRK1");
    platform_->FailNext(1, ErrorCode::kTimeout, true);
    auto lost = RunJob(push, 1);
    ASSERT_FALSE(lost);
    EXPECT_EQ(Get(push.id).state, PushState::kRunning);
    EXPECT_NE(Get(push.id).error.find("TIMEOUT"), std::string::npos);
    ASSERT_TRUE(RunJob(push, 2));
    EXPECT_EQ(platform_->Shipments().size(), 1U);
    const auto record = Get(push.id);
    EXPECT_EQ(record.state, PushState::kDone);
    EXPECT_NE(record.result_json.find(R"("already_existed":true)"), std::string::npos);
}

TEST_P(OrderPushTest, KilledAfterThePlatformCallWithoutTrackingShipsOnce) {
    platform_->AddOrder("1001", 2);
    const auto push = Fulfil("1001", "");
    platform_->FailNext(1, ErrorCode::kUnavailable, true);
    ASSERT_FALSE(RunJob(push, 1));
    EXPECT_EQ(JsonStringField(Get(push.id).result_json, "platform_call"), "started");
    ASSERT_TRUE(RunJob(push, 2));
    EXPECT_EQ(platform_->Shipments().size(), 1U);
    EXPECT_EQ(Get(push.id).state, PushState::kDone);
}

TEST_P(OrderPushTest, NothingLeftToFulfilOnAFirstAttemptFails) {
    platform_->AddOrder("1001", 0);
    const auto push = Fulfil("1001", "");
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(Get(push.id).state, PushState::kFailed);
    EXPECT_EQ(Get(push.id).error_code, "ALREADY_FULFILLED");
}

TEST_P(OrderPushTest, UnknownOrderFailsNotFound) {
    const auto push = Fulfil("404", "TRK");
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(Get(push.id).state, PushState::kFailed);
    EXPECT_EQ(Get(push.id).error_code, "NOT_FOUND");
    EXPECT_EQ(MetricOr0(R"(scs_pushes_total{kind="fulfillment",outcome="failed"})"), 1);
}

TEST_P(OrderPushTest, TransientErrorsFailThePushOnTheLastDelivery) {
    platform_->AddOrder("1001", 1);
    const auto push = Fulfil("1001", "TRK");
    platform_->FailNext(5, ErrorCode::kRateLimited);
    EXPECT_FALSE(RunJob(push, 1));
    EXPECT_EQ(Get(push.id).state, PushState::kRunning);
    EXPECT_FALSE(RunJob(push, kMaxReceives));
    EXPECT_EQ(Get(push.id).state, PushState::kFailed);
    EXPECT_EQ(Get(push.id).error_code, "RATE_LIMIT_EXCEEDED");
    EXPECT_TRUE(platform_->Shipments().empty());
}

TEST_P(OrderPushTest, UnfinishedCancelIsAwaitedThroughItsPlatformJob) {
    platform_->AddOrder("1001", 1);
    platform_->SetCancelDelay(1);
    const auto push = Cancel("1001");
    auto waiting = RunJob(push, 1);
    ASSERT_FALSE(waiting);
    EXPECT_EQ(waiting.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(JsonStringField(Get(push.id).result_json, "pending_job"), "job-1");
    ASSERT_TRUE(RunJob(push, 2));
    const auto calls = platform_->StatusCalls();
    ASSERT_EQ(calls.size(), 2U);
    EXPECT_EQ(calls[0].pending_job_id, "");
    EXPECT_EQ(calls[1].pending_job_id, "job-1");
    EXPECT_EQ(calls[1].reason, "other");
    EXPECT_EQ(Get(push.id).state, PushState::kDone);
    EXPECT_EQ(platform_->Cancelled().count("1001"), 1U);
}

TEST_P(OrderPushTest, PausedConnectionFailsTheQueuedPush) {
    platform_->AddOrder("1001", 1);
    const auto push = Cancel("1001");
    UpdateConnection([](Connection& connection) { connection.status = ConnectionStatus::kPaused; });
    ASSERT_TRUE(RunJob(push));
    EXPECT_EQ(Get(push.id).state, PushState::kFailed);
    EXPECT_EQ(Get(push.id).error_code, "CONFLICT");
    EXPECT_TRUE(platform_->StatusCalls().empty());
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OrderPushTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
