#include <gtest/gtest.h>

#include "jobs/probe/probe_jobs.hpp"

namespace scs {
namespace {

TEST(ProbePayload, RoundTrips) {
    const ProbeJob probe{"run1", 7, std::chrono::milliseconds(250)};
    auto parsed = ParseProbePayload(EncodeProbePayload(probe));
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->run_id, "run1");
    EXPECT_EQ(parsed->seq, 7);
    EXPECT_EQ(parsed->hold, std::chrono::milliseconds(250));
}

TEST(ProbePayload, HoldIsOptionalAndCapped) {
    auto plain = ParseProbePayload(R"({"run_id":"r","seq":0})");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->hold, std::chrono::milliseconds(0));
    auto long_hold = ParseProbePayload(R"({"run_id":"r","seq":0,"hold_ms":99999999})");
    ASSERT_TRUE(long_hold);
    EXPECT_EQ(long_hold->hold, std::chrono::minutes(10));
}

TEST(ProbePayload, RejectsBadFieldsByName) {
    for (const auto* bad : {R"(not json)",
                            R"([1])",
                            R"({"seq":1})",
                            R"({"run_id":"","seq":1})",
                            R"({"run_id":"r"})",
                            R"({"run_id":"r","seq":-1})",
                            R"({"run_id":"r","seq":"1"})",
                            R"({"run_id":"r","seq":1,"hold_ms":1.5})"}) {
        auto parsed = ParseProbePayload(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidPayload) << bad;
    }
}

}  // namespace
}  // namespace scs
