// The pure sync rules: entity validation, freeze time (the seed's CheckSyncEntityValidity),
// where a sync starts (cursor minus overlap) and when reconciliation is due.
#include "sync/sync_policy.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kNow = FromUnixMillis(1'700'000'000'000);

TEST(SyncPolicy, OrdersAndProductsSync) {
    EXPECT_TRUE(ValidateSyncEntity("orders"));
    EXPECT_TRUE(ValidateSyncEntity("products"));
    for (const char* later : {"inventory", "returns"}) {
        auto refused = ValidateSyncEntity(later);
        ASSERT_FALSE(refused) << later;
        EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
        EXPECT_NE(refused.error().message.find("not supported yet"), std::string::npos);
    }
    auto unknown = ValidateSyncEntity("customers");
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("unknown"), std::string::npos);
    EXPECT_EQ(unknown.error().field, "entity");
    EXPECT_FALSE(ValidateSyncEntity(""));
}

TEST(SyncPolicy, ConnectionFreezeOverridesTheDeployments) {
    SyncOptions options;
    options.freeze_times = {{"orders", minutes(2)}};
    ConnectionSettings settings;
    EXPECT_EQ(FreezeTime(options, settings, "orders"), minutes(2));
    EXPECT_EQ(FreezeTime(options, settings, "products"), milliseconds(0));
    settings.freeze_times["orders"] = seconds(30);
    EXPECT_EQ(FreezeTime(options, settings, "orders"), seconds(30));
}

TEST(SyncPolicy, BatchSizeFallsBackToFifty) {
    SyncOptions options;
    options.batch_sizes = {{"orders", 7}, {"products", 0}};
    EXPECT_EQ(BatchSize(options, "orders"), 7);
    EXPECT_EQ(BatchSize(options, "products"), 50);
    EXPECT_EQ(BatchSize(options, "returns"), 50);
}

TEST(SyncPolicy, InProgressIsRefusedWhateverTheFreeze) {
    const auto v = CheckSyncValidity(true, std::nullopt, minutes(0), kNow, SyncTrigger::kManual);
    EXPECT_FALSE(v.is_valid);
    EXPECT_TRUE(v.in_progress);
    EXPECT_FALSE(v.retry_after);
    auto status = ValidityStatus(v, "orders");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kSyncInProgress);
    EXPECT_FALSE(
        CheckSyncValidity(true, std::nullopt, minutes(0), kNow, SyncTrigger::kReconcile).is_valid);
}

TEST(SyncPolicy, InsideTheFreezeTimeIsRefusedWithSecondsLeftRoundedUp) {
    const TimePoint last = kNow - milliseconds(30'500);
    const auto v = CheckSyncValidity(false, last, minutes(2), kNow, SyncTrigger::kManual);
    EXPECT_FALSE(v.is_valid);
    EXPECT_FALSE(v.in_progress);
    ASSERT_TRUE(v.retry_after);
    EXPECT_EQ(*v.retry_after, seconds(90));  // 89.5 s left
    auto status = ValidityStatus(v, "orders");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(status.error().retry_after, seconds(90));
}

TEST(SyncPolicy, AtTheEndOfTheFreezeTimeIsValid) {
    EXPECT_TRUE(CheckSyncValidity(false, kNow - minutes(2), minutes(2), kNow, SyncTrigger::kManual)
                    .is_valid);
    EXPECT_TRUE(
        CheckSyncValidity(false, std::nullopt, minutes(2), kNow, SyncTrigger::kManual).is_valid);
    EXPECT_TRUE(
        CheckSyncValidity(false, kNow, milliseconds(0), kNow, SyncTrigger::kManual).is_valid);
    EXPECT_TRUE(ValidityStatus(SyncValidity{}, "orders"));
}

TEST(SyncPolicy, ReconcileIgnoresTheFreezeTime) {
    const auto v =
        CheckSyncValidity(false, kNow - seconds(1), minutes(2), kNow, SyncTrigger::kReconcile);
    EXPECT_TRUE(v.is_valid);
}

TEST(SyncPolicy, StartIsTheRequestedTimeElseCursorMinusOverlapElseEverything) {
    const TimePoint requested = kNow - minutes(60);
    const TimePoint cursor = kNow - minutes(10);
    EXPECT_EQ(SyncStartFrom(requested, cursor, minutes(5)), requested);
    EXPECT_EQ(SyncStartFrom(std::nullopt, cursor, minutes(5)), kNow - minutes(15));
    EXPECT_EQ(SyncStartFrom(std::nullopt, std::nullopt, minutes(5)), std::nullopt);
}

TEST(SyncPolicy, LeaseKeyAndOwner) {
    EXPECT_EQ(SyncLeaseKey(42, "orders"), "sync:42:orders");
    EXPECT_EQ(SyncLeaseOwner(7), "run:7");
    EXPECT_EQ(ReconcileMarker("orders"), "orders:reconcile");
    EXPECT_EQ(SyncTriggerName(SyncTrigger::kReconcile), "reconcile");
    EXPECT_EQ(SyncTriggerName(SyncTrigger::kManual), "manual");
}

TEST(SyncPolicy, ReconcileIsDueWhenNeverDoneOrOlderThanTheInterval) {
    EXPECT_TRUE(ReconcileDue(std::nullopt, minutes(15), kNow));
    EXPECT_TRUE(ReconcileDue(kNow - minutes(15), minutes(15), kNow));
    EXPECT_FALSE(ReconcileDue(kNow - minutes(14), minutes(15), kNow));
}

}  // namespace
}  // namespace scs
