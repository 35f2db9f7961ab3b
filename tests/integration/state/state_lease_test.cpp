#include <gtest/gtest.h>

#include "state_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kLongTtl{30'000};
// Short enough for Redis's real clock to let it pass in a test; the fake clock skips it.
constexpr milliseconds kShortTtl{200};

class StateLeaseTest : public StateStoreTest {
protected:
    // The owner of the live lease on `key`; "" when it is free.
    std::string HolderOf(std::string_view key) {
        return Value(Store().GetLease(key)).value_or(LeaseInfo{}).owner;
    }
};

TEST_P(StateLeaseTest, AcquireIsExclusiveAndReentrantForTheOwner) {
    EXPECT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-a", kLongTtl)));
    EXPECT_FALSE(Value(Store().TryAcquireLease("sync:1:orders", "worker-b", kLongTtl)));
    EXPECT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-a", kLongTtl)));
    EXPECT_TRUE(Value(Store().TryAcquireLease("sync:2:orders", "worker-b", kLongTtl)));
}

TEST_P(StateLeaseTest, GetLeaseReportsTheHolderAndExpiry) {
    EXPECT_EQ(HolderOf("sync:1:orders"), "");
    const TimePoint before = backend_->Now();
    ASSERT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-a", kLongTtl)));
    const TimePoint after = backend_->Now();
    const auto lease = Value(Store().GetLease("sync:1:orders"));
    ASSERT_TRUE(lease.has_value());
    EXPECT_EQ(lease->owner, "worker-a");
    EXPECT_GE(lease->expires_at, before + kLongTtl - milliseconds(5));
    EXPECT_LE(lease->expires_at, after + kLongTtl + milliseconds(5));
}

TEST_P(StateLeaseTest, ExpiredLeaseIsFreeForAnotherOwner) {
    ASSERT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "crashed", kShortTtl)));
    EXPECT_FALSE(Value(Store().TryAcquireLease("sync:1:orders", "worker-b", kLongTtl)));
    backend_->Elapse(kShortTtl);
    EXPECT_TRUE(Eventually([&] { return HolderOf("sync:1:orders").empty(); }));
    EXPECT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-b", kLongTtl)));
    EXPECT_FALSE(Value(Store().RenewLease("sync:1:orders", "crashed", kLongTtl)));
    EXPECT_EQ(HolderOf("sync:1:orders"), "worker-b");
}

TEST_P(StateLeaseTest, RenewExtendsOnlyTheOwnersLiveLease) {
    ASSERT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-a", kShortTtl)));
    EXPECT_FALSE(Value(Store().RenewLease("sync:1:orders", "worker-b", kLongTtl)));
    EXPECT_TRUE(Value(Store().RenewLease("sync:1:orders", "worker-a", kLongTtl)));
    // Past the first TTL: only the renewal keeps it held.
    backend_->Elapse(kShortTtl * 2);
    const auto lease = Value(Store().GetLease("sync:1:orders"));
    ASSERT_TRUE(lease.has_value());
    EXPECT_EQ(lease->owner, "worker-a");
    EXPECT_GT(lease->expires_at, backend_->Now() + kLongTtl / 2);
    EXPECT_FALSE(Value(Store().TryAcquireLease("sync:1:orders", "worker-b", kLongTtl)));
    EXPECT_FALSE(Value(Store().RenewLease("sync:9:orders", "worker-a", kLongTtl)));
}

TEST_P(StateLeaseTest, RenewAfterExpiryFails) {
    ASSERT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-a", kShortTtl)));
    backend_->Elapse(kShortTtl);
    // Wait by reading: a renewal that raced the expiry would legitimately extend the lease.
    ASSERT_TRUE(Eventually([&] { return HolderOf("sync:1:orders").empty(); }));
    EXPECT_FALSE(Value(Store().RenewLease("sync:1:orders", "worker-a", kLongTtl)));
    EXPECT_EQ(HolderOf("sync:1:orders"), "");
}

TEST_P(StateLeaseTest, OnlyTheOwnerReleases) {
    ASSERT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-a", kLongTtl)));
    EXPECT_TRUE(
        FailedWith(Store().ReleaseLease("sync:1:orders", "worker-b"), ErrorCode::kConflict));
    EXPECT_EQ(HolderOf("sync:1:orders"), "worker-a");
    EXPECT_TRUE(Store().ReleaseLease("sync:1:orders", "worker-a"));
    EXPECT_EQ(HolderOf("sync:1:orders"), "");
    // Releasing a free lease is not an error: a worker may release after its lease expired.
    EXPECT_TRUE(Store().ReleaseLease("sync:1:orders", "worker-a"));
    EXPECT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "worker-b", kLongTtl)));
}

TEST_P(StateLeaseTest, ReleaseOfAnExpiredLeaseSucceedsForAnyone) {
    ASSERT_TRUE(Value(Store().TryAcquireLease("sync:1:orders", "crashed", kShortTtl)));
    backend_->Elapse(kShortTtl);
    EXPECT_TRUE(
        Eventually([&] { return Store().ReleaseLease("sync:1:orders", "other").has_value(); }));
}

TEST_P(StateLeaseTest, InvalidArgumentsAreBadRequests) {
    EXPECT_TRUE(FailedWith(Store().TryAcquireLease("", "a", kLongTtl), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryAcquireLease("k", "", kLongTtl), ErrorCode::kBadRequest));
    EXPECT_TRUE(
        FailedWith(Store().TryAcquireLease("k", "a", milliseconds(0)), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().RenewLease("k", "a", milliseconds(-1)), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().ReleaseLease("", "a"), ErrorCode::kBadRequest));
    EXPECT_TRUE(FailedWith(Store().TryLock("k", "", kLongTtl), ErrorCode::kBadRequest));
}

TEST_P(StateLeaseTest, LocksAreSingleFlight) {
    EXPECT_TRUE(Value(Store().TryLock("refresh:shopify:7", "worker-a", kLongTtl)));
    EXPECT_FALSE(Value(Store().TryLock("refresh:shopify:7", "worker-b", kLongTtl)));
    EXPECT_TRUE(FailedWith(Store().Unlock("refresh:shopify:7", "worker-b"), ErrorCode::kConflict));
    EXPECT_FALSE(Value(Store().TryLock("refresh:shopify:7", "worker-b", kLongTtl)));
    EXPECT_TRUE(Store().Unlock("refresh:shopify:7", "worker-a"));
    EXPECT_TRUE(Value(Store().TryLock("refresh:shopify:7", "worker-b", kLongTtl)));
}

TEST_P(StateLeaseTest, LockOfACrashedHolderExpires) {
    ASSERT_TRUE(Value(Store().TryLock("refresh:shopify:7", "crashed", kShortTtl)));
    backend_->Elapse(kShortTtl);
    EXPECT_TRUE(Eventually(
        [&] { return Value(Store().TryLock("refresh:shopify:7", "worker-b", kLongTtl)); }));
}

TEST_P(StateLeaseTest, LocksAndLeasesHaveSeparateKeySpaces) {
    ASSERT_TRUE(Value(Store().TryLock("same-key", "worker-a", kLongTtl)));
    EXPECT_EQ(HolderOf("same-key"), "");
    EXPECT_TRUE(Value(Store().TryAcquireLease("same-key", "worker-b", kLongTtl)));
    EXPECT_TRUE(Store().ReleaseLease("same-key", "worker-b"));
    EXPECT_FALSE(Value(Store().TryLock("same-key", "worker-b", kLongTtl)));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         StateLeaseTest,
                         ::testing::Values(StateBackend::kSqlite, StateBackend::kRedis),
                         StateBackendName);

}  // namespace
}  // namespace scs::testing
