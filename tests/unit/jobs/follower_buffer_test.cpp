#include "jobs/sqs/follower_buffer.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const TimePoint kT0 = FromUnixMillis(1'700'000'000'000);
constexpr milliseconds kMargin = seconds(2);

ReceivedMessage Msg(const std::string& id, const std::string& group) {
    ReceivedMessage message;
    message.id = id;
    message.receipt = "r-" + id;
    message.body = id;
    message.group_id = group;
    message.receive_count = 1;
    return message;
}

std::vector<std::string> Ids(const std::vector<ReceivedMessage>& messages) {
    std::vector<std::string> ids;
    ids.reserve(messages.size());
    for (const ReceivedMessage& message : messages) {
        ids.push_back(message.id);
    }
    return ids;
}

TEST(FollowerBuffer, HandsOutOnlyTheFirstMessageOfEachGroup) {
    FollowerBuffer buffer;
    auto heads = buffer.Admit({Msg("a1", "a"), Msg("a2", "a"), Msg("b1", "b"), Msg("a3", "a")},
                              kT0 + seconds(30));
    EXPECT_EQ(Ids(heads), (std::vector<std::string>{"a1", "b1"}));
    EXPECT_EQ(buffer.HeldCount(), 2U);
    EXPECT_TRUE(buffer.TakeReady(kT0, kMargin, 10).empty()) << "a1 is still out";
}

TEST(FollowerBuffer, ReleasesFollowersOneAtATimeInOrder) {
    FollowerBuffer buffer;
    (void)buffer.Admit({Msg("a1", "a"), Msg("a2", "a"), Msg("a3", "a")}, kT0 + seconds(30));
    buffer.Finished("r-a1");
    EXPECT_EQ(Ids(buffer.TakeReady(kT0, kMargin, 10)), (std::vector<std::string>{"a2"}));
    EXPECT_TRUE(buffer.TakeReady(kT0, kMargin, 10).empty()) << "a2 is out now";
    buffer.Finished("r-a2");
    EXPECT_EQ(Ids(buffer.TakeReady(kT0, kMargin, 10)), (std::vector<std::string>{"a3"}));
    EXPECT_EQ(buffer.HeldCount(), 0U);
}

TEST(FollowerBuffer, TakesNoMoreThanAsked) {
    FollowerBuffer buffer;
    (void)buffer.Admit({Msg("a1", "a"), Msg("a2", "a"), Msg("b1", "b"), Msg("b2", "b")},
                       kT0 + seconds(30));
    buffer.Finished("r-a1");
    buffer.Finished("r-b1");
    EXPECT_EQ(buffer.TakeReady(kT0, kMargin, 1).size(), 1U);
    EXPECT_EQ(buffer.TakeReady(kT0, kMargin, 1).size(), 1U);
    EXPECT_TRUE(buffer.TakeReady(kT0, kMargin, 1).empty());
}

TEST(FollowerBuffer, AbandonReturnsTheFollowersOfAReturnedHead) {
    FollowerBuffer buffer;
    (void)buffer.Admit({Msg("a1", "a"), Msg("a2", "a"), Msg("a3", "a")}, kT0 + seconds(30));
    EXPECT_EQ(buffer.Abandon("r-a1"), (std::vector<std::string>{"r-a2", "r-a3"}));
    EXPECT_EQ(buffer.HeldCount(), 0U);
    EXPECT_TRUE(buffer.Abandon("r-unknown").empty());
}

TEST(FollowerBuffer, DropsFollowersWhoseVisibilityIsNearlyOver) {
    FollowerBuffer buffer;
    (void)buffer.Admit({Msg("a1", "a"), Msg("a2", "a")}, kT0 + seconds(30));
    buffer.Finished("r-a1");
    EXPECT_TRUE(buffer.TakeReady(kT0 + seconds(29), kMargin, 10).empty());
    EXPECT_EQ(buffer.HeldCount(), 0U) << "SQS redelivers it after its timeout";
}

TEST(FollowerBuffer, ANewBatchOfAGroupReplacesItsStaleChain) {
    FollowerBuffer buffer;
    (void)buffer.Admit({Msg("a1", "a"), Msg("a2", "a")}, kT0 + seconds(1));
    // SQS delivers group a again only once nothing of it is in flight: the chain is stale.
    auto heads = buffer.Admit({Msg("a1", "a")}, kT0 + seconds(60));
    EXPECT_EQ(Ids(heads), (std::vector<std::string>{"a1"}));
    EXPECT_EQ(buffer.HeldCount(), 0U);
}

TEST(FollowerBuffer, DrainAllReturnsEveryHeldReceipt) {
    FollowerBuffer buffer;
    (void)buffer.Admit({Msg("a1", "a"), Msg("a2", "a"), Msg("b1", "b"), Msg("b2", "b")},
                       kT0 + seconds(30));
    auto receipts = buffer.DrainAll();
    std::sort(receipts.begin(), receipts.end());
    EXPECT_EQ(receipts, (std::vector<std::string>{"r-a2", "r-b2"}));
    EXPECT_EQ(buffer.HeldCount(), 0U);
}

}  // namespace
}  // namespace scs
