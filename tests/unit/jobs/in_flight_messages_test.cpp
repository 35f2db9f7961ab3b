#include "jobs/sqs/in_flight_messages.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kT0 = FromUnixMillis(1'700'000'000'000);

ReceivedMessage Msg(const std::string& receipt) {
    ReceivedMessage message;
    message.id = "id-" + receipt;
    message.receipt = receipt;
    message.body = "body";
    message.group_id = "g";
    return message;
}

TEST(InFlightMessages, FindsAMessageByReceiptUntilForgotten) {
    InFlightMessages messages(minutes(10));
    messages.Add(Msg("r1"), kT0 + seconds(30));
    ASSERT_TRUE(messages.Find("r1"));
    EXPECT_EQ(messages.Find("r1")->id, "id-r1");
    messages.Forget("r1");
    EXPECT_FALSE(messages.Find("r1"));
}

TEST(InFlightMessages, PrunesEntriesLongPastTheirVisibility) {
    InFlightMessages messages(minutes(10));
    messages.Add(Msg("short"), kT0 + seconds(30));
    messages.Add(Msg("extended"), kT0 + seconds(30));
    messages.Extend("extended", kT0 + minutes(30));
    messages.Prune(kT0 + seconds(30) + minutes(10));
    EXPECT_EQ(messages.Size(), 2U) << "still inside the grace";
    messages.Prune(kT0 + seconds(31) + minutes(10));
    EXPECT_FALSE(messages.Find("short"));
    EXPECT_TRUE(messages.Find("extended"));
}

}  // namespace
}  // namespace scs
