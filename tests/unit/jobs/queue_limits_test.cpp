#include "jobs/queue_limits.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::string FailedField(const Status& status) {
    return status ? "(ok)" : status.error().field;
}

TEST(QueueLimits, AcceptsAWellFormedMessage) {
    EXPECT_TRUE(ValidateOutgoing({"{\"a\":1}\n\t", "connection-42", "order-1-v3"}));
    EXPECT_TRUE(ValidateOutgoing({std::string(kMaxBodyBytes, 'x'), "g", std::string(128, 'd')}));
}

TEST(QueueLimits, RejectsBadBodies) {
    EXPECT_EQ(FailedField(ValidateOutgoing({"", "g", "d"})), "body");
    EXPECT_EQ(FailedField(ValidateOutgoing({std::string(kMaxBodyBytes + 1, 'x'), "g", "d"})),
              "body");
    EXPECT_EQ(FailedField(ValidateOutgoing({std::string("a\0b", 3), "g", "d"})), "body");
}

TEST(QueueLimits, RejectsBadGroupAndDedupIds) {
    EXPECT_EQ(FailedField(ValidateOutgoing({"b", "", "d"})), "group_id");
    EXPECT_EQ(FailedField(ValidateOutgoing({"b", "has space", "d"})), "group_id");
    EXPECT_EQ(FailedField(ValidateOutgoing({"b", "g", std::string(129, 'd')})), "dedup_id");
    EXPECT_EQ(FailedField(ValidateOutgoing({"b", "g", "caf\xc3\xa9"})), "dedup_id");
}

TEST(QueueLimits, ChecksReceiveArguments) {
    EXPECT_TRUE(ValidateReceive(1, milliseconds(0), milliseconds(0)));
    EXPECT_TRUE(ValidateReceive(10, seconds(20), std::chrono::hours(12)));
    EXPECT_EQ(FailedField(ValidateReceive(0, milliseconds(0), seconds(1))), "max_messages");
    EXPECT_EQ(FailedField(ValidateReceive(11, milliseconds(0), seconds(1))), "max_messages");
    EXPECT_EQ(FailedField(ValidateReceive(1, milliseconds(-1), seconds(1))), "wait");
    EXPECT_EQ(FailedField(ValidateReceive(1, milliseconds(20001), seconds(1))), "wait");
    EXPECT_EQ(FailedField(ValidateReceive(1, milliseconds(0), milliseconds(-1))),
              "visibility_timeout");
    EXPECT_EQ(FailedField(ValidateVisibility(std::chrono::hours(12) + milliseconds(1))),
              "visibility_timeout");
}

}  // namespace
}  // namespace scs
