#include <gtest/gtest.h>

#include "state_backend.hpp"

namespace scs::testing {
namespace {

class StateLastSyncTest : public StateStoreTest {
protected:
    std::optional<TimePoint> LastSync(int64_t connection_id, std::string_view entity) {
        return Value(Store().GetLastSync(connection_id, entity));
    }
};

const TimePoint kMonday = *ParseRfc3339("2026-11-23T08:00:00.250Z");
const TimePoint kTuesday = *ParseRfc3339("2026-11-24T08:00:00Z");

TEST_P(StateLastSyncTest, NeverSyncedIsEmpty) {
    EXPECT_EQ(LastSync(1, "orders"), std::nullopt);
}

TEST_P(StateLastSyncTest, RoundTripsToTheMillisecond) {
    ASSERT_TRUE(Store().SetLastSync(1, "orders", kMonday));
    EXPECT_EQ(LastSync(1, "orders"), kMonday);
}

TEST_P(StateLastSyncTest, LaterSetOverwrites) {
    ASSERT_TRUE(Store().SetLastSync(1, "orders", kMonday));
    ASSERT_TRUE(Store().SetLastSync(1, "orders", kTuesday));
    EXPECT_EQ(LastSync(1, "orders"), kTuesday);
}

TEST_P(StateLastSyncTest, KeptPerConnectionAndEntity) {
    ASSERT_TRUE(Store().SetLastSync(1, "orders", kMonday));
    ASSERT_TRUE(Store().SetLastSync(1, "products", kTuesday));
    ASSERT_TRUE(Store().SetLastSync(12, "orders", kTuesday));
    EXPECT_EQ(LastSync(1, "orders"), kMonday);
    EXPECT_EQ(LastSync(1, "products"), kTuesday);
    EXPECT_EQ(LastSync(12, "orders"), kTuesday);
    EXPECT_EQ(LastSync(12, "products"), std::nullopt);
    EXPECT_EQ(LastSync(2, "orders"), std::nullopt);
}

TEST_P(StateLastSyncTest, EmptyEntityIsABadRequest) {
    EXPECT_TRUE(FailedWith(Store().SetLastSync(1, "", kMonday), ErrorCode::kBadRequest));
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         StateLastSyncTest,
                         ::testing::Values(StateBackend::kSqlite, StateBackend::kRedis),
                         StateBackendName);

}  // namespace
}  // namespace scs::testing
