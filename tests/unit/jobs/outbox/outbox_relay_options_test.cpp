#include "jobs/outbox/outbox_relay_options.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;

OutboxRelayOptions ValidOptions() {
    OutboxRelayOptions options;
    options.owner = "host:1:abcd0123";
    return options;
}

TEST(OutboxRelayOptionsTest, DefaultsWithAnOwnerAreValid) {
    EXPECT_TRUE(ValidateOutboxRelayOptions(ValidOptions()));
}

// The field each invalid setting is reported under.
std::string FieldOf(void (*change)(OutboxRelayOptions&)) {
    OutboxRelayOptions options = ValidOptions();
    change(options);
    auto status = ValidateOutboxRelayOptions(options);
    if (status) {
        return "(valid)";
    }
    EXPECT_EQ(status.error().code, ErrorCode::kBadRequest);
    return status.error().field;
}

TEST(OutboxRelayOptionsTest, RefusesEachInvalidSetting) {
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.owner.clear(); }), "owner");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.batch_size = 0; }), "batch_size");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.batch_size = 1001; }), "batch_size");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.claim_ttl = milliseconds(0); }), "claim_ttl");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.poll_interval = milliseconds(-1); }),
              "poll_interval");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.retry_backoff = milliseconds(-1); }),
              "retry_backoff");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.max_retry_backoff = milliseconds(10); }),
              "retry_backoff");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.error_after_attempts = 0; }),
              "error_after_attempts");
}

TEST(OutboxRelayOptionsTest, AcceptsTheLimits) {
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.batch_size = 1; }), "(valid)");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.batch_size = 1000; }), "(valid)");
    EXPECT_EQ(FieldOf([](OutboxRelayOptions& o) { o.retry_backoff = milliseconds(0); }), "(valid)");
}

TEST(OutboxRetryDelayTest, DoublesPerAttemptUpToTheCap) {
    OutboxRelayOptions options = ValidOptions();
    options.retry_backoff = milliseconds(1000);
    options.max_retry_backoff = milliseconds(10000);
    EXPECT_EQ(OutboxRetryDelay(options, 1), milliseconds(1000));
    EXPECT_EQ(OutboxRetryDelay(options, 2), milliseconds(2000));
    EXPECT_EQ(OutboxRetryDelay(options, 4), milliseconds(8000));
    EXPECT_EQ(OutboxRetryDelay(options, 5), milliseconds(10000));
    EXPECT_EQ(OutboxRetryDelay(options, 1'000'000), milliseconds(10000));
}

TEST(OutboxRetryDelayTest, ZeroBackoffRetriesAtOnce) {
    OutboxRelayOptions options = ValidOptions();
    options.retry_backoff = milliseconds(0);
    EXPECT_EQ(OutboxRetryDelay(options, 1), milliseconds(0));
    EXPECT_EQ(OutboxRetryDelay(options, 2'000'000'000), milliseconds(0));
}

bool IsDigits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

bool IsLowerHex(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

TEST(UniqueRelayOwnerTest, IsHostPidAndRandomSuffix) {
    const std::string owner = UniqueRelayOwner();
    const size_t last = owner.rfind(':');
    ASSERT_NE(last, std::string::npos) << owner;
    const size_t middle = owner.rfind(':', last - 1);
    ASSERT_NE(middle, std::string::npos) << owner;
    EXPECT_GT(middle, 0U) << "no host name: " << owner;
    EXPECT_TRUE(IsDigits(owner.substr(middle + 1, last - middle - 1))) << owner;
    const std::string suffix = owner.substr(last + 1);
    EXPECT_EQ(suffix.size(), 8U) << owner;
    EXPECT_TRUE(IsLowerHex(suffix)) << owner;
    EXPECT_NE(owner, UniqueRelayOwner());
}

}  // namespace
}  // namespace scs
