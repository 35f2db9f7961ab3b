#include "jobs/outbox/outbox_rows.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

Error MakeError(std::string message) {
    return Error{ErrorCode::kUnavailable, std::move(message), {}, std::nullopt};
}

TEST(LastErrorTextTest, IsTheCodeAndMessage) {
    EXPECT_EQ(LastErrorText(MakeError("queue down")), "UNAVAILABLE: queue down");
}

TEST(LastErrorTextTest, CutsLongMessages) {
    EXPECT_EQ(LastErrorText(MakeError(std::string(5000, 'x'))).size(), 1000U);
}

TEST(LastErrorTextTest, KeepsOnlyPrintableAscii) {
    // A cut through "é" would leave half a UTF-8 sequence, which PostgreSQL refuses.
    EXPECT_EQ(LastErrorText(MakeError("caf\xc3\xa9\nline\x01")), "UNAVAILABLE: caf???line?");
}

}  // namespace
}  // namespace scs
