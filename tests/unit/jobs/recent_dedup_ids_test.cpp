#include "jobs/sqs/recent_dedup_ids.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

const TimePoint kT0 = FromUnixMillis(1'700'000'000'000);

TEST(RecentDedupIds, RemembersAnIdForTheWindow) {
    RecentDedupIds ids(minutes(5), 100);
    ids.Remember("order-1-v1", "message-1", kT0);
    EXPECT_EQ(ids.Find("order-1-v1", kT0 + minutes(5) - milliseconds(1)), "message-1");
    EXPECT_EQ(ids.Find("order-1-v1", kT0 + minutes(5)), std::nullopt);
    EXPECT_EQ(ids.Find("order-2-v1", kT0), std::nullopt);
}

TEST(RecentDedupIds, ForgetsExpiredIdsAsNewOnesArrive) {
    RecentDedupIds ids(minutes(5), 100);
    ids.Remember("a", "1", kT0);
    ids.Remember("b", "2", kT0 + minutes(1));
    ids.Remember("c", "3", kT0 + minutes(5));
    EXPECT_EQ(ids.Size(), 2U);
    EXPECT_EQ(ids.Find("b", kT0 + minutes(5)), "2");
}

TEST(RecentDedupIds, KeepsAtMostItsCapacity) {
    RecentDedupIds ids(minutes(5), 3);
    for (int i = 0; i < 10; ++i) {
        ids.Remember("id-" + std::to_string(i), std::to_string(i), kT0);
    }
    EXPECT_EQ(ids.Size(), 3U);
    EXPECT_EQ(ids.Find("id-9", kT0), "9");
    EXPECT_EQ(ids.Find("id-0", kT0), std::nullopt);
}

TEST(RecentDedupIds, AnExpiredIdCanBeSentAgain) {
    RecentDedupIds ids(minutes(5), 100);
    ids.Remember("a", "1", kT0);
    ids.Remember("a", "2", kT0 + minutes(6));
    EXPECT_EQ(ids.Find("a", kT0 + minutes(7)), "2");
    EXPECT_EQ(ids.Size(), 1U);
}

}  // namespace
}  // namespace scs
