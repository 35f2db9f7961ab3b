#include "observability/metrics.hpp"

#include <gtest/gtest.h>
#include <prometheus/counter.h>
#include <prometheus/registry.h>
#include <unistd.h>

#include "observability/process_stats.hpp"

namespace scs {
namespace {

// The value of the first sample line that starts with `series` (name plus labels).
double SampleValue(const std::string& text, const std::string& series) {
    const auto pos = text.find("\n" + series + " ");
    if (pos == std::string::npos) {
        ADD_FAILURE() << series << " not found in:\n" << text;
        return -1;
    }
    return std::stod(text.substr(pos + series.size() + 2));
}

TEST(Metrics, SerializesBuildInfo) {
    const Metrics metrics("1.2.3", "abc123");
    const std::string text = metrics.Serialize();
    EXPECT_NE(text.find("# TYPE scs_build_info gauge"), std::string::npos);
    EXPECT_EQ(SampleValue(text, R"(scs_build_info{commit="abc123",version="1.2.3"})"), 1);
}

TEST(Metrics, SerializesRegisteredCounters) {
    Metrics metrics("1.0.0", "c");
    auto& family = prometheus::BuildCounter()
                       .Name("scs_test_events_total")
                       .Help("Events seen by the test.")
                       .Register(metrics.Registry());
    family.Add({{"platform", "shopify"}}).Increment(3);
    const std::string text = metrics.Serialize();
    EXPECT_NE(text.find("# TYPE scs_test_events_total counter"), std::string::npos);
    EXPECT_EQ(SampleValue(text, R"(scs_test_events_total{platform="shopify"})"), 3);
}

TEST(Metrics, SerializesProcessMetricsOfThisProcess) {
    const Metrics metrics("1.0.0", "c");
    const std::string text = metrics.Serialize();
    EXPECT_NE(text.find("# TYPE process_cpu_seconds_total counter"), std::string::npos);
    EXPECT_GE(SampleValue(text, "process_cpu_seconds_total"), 0);
    EXPECT_GT(SampleValue(text, "process_resident_memory_bytes"), 1e6);
    EXPECT_GT(SampleValue(text, "process_virtual_memory_bytes"),
              SampleValue(text, "process_resident_memory_bytes"));
    EXPECT_GE(SampleValue(text, "process_open_fds"), 3);
    EXPECT_GE(SampleValue(text, "process_max_fds"), SampleValue(text, "process_open_fds"));
    const double started = SampleValue(text, "process_start_time_seconds");
    const auto now = static_cast<double>(std::time(nullptr));
    EXPECT_LE(started, now + 1);
    EXPECT_GT(started, now - 3600);  // this test process started within the hour
}

TEST(ParseProcSelfStat, ReadsTicksPagesAndStartTime) {
    // A real line shape; the command name holds a space and a ')' to prove the parsing anchor.
    const std::string stat =
        "4242 (scs (worker) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 8 0 "
        "123400 987654321 2048 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
    const auto stats = ParseProcSelfStat(stat, ProcUnits{100, 4096, 1'700'000'000});
    ASSERT_TRUE(stats);
    EXPECT_DOUBLE_EQ(stats->cpu_seconds, 3.0);
    EXPECT_DOUBLE_EQ(stats->virtual_bytes, 987654321);
    EXPECT_DOUBLE_EQ(stats->resident_bytes, 2048.0 * 4096);
    EXPECT_DOUBLE_EQ(stats->start_time_seconds, 1'700'000'000 + 1234.0);
}

TEST(ParseProcSelfStat, RejectsMalformedText) {
    const ProcUnits units;
    EXPECT_FALSE(ParseProcSelfStat("", units));
    EXPECT_FALSE(ParseProcSelfStat("1 (x) S 1 2 3", units));
    EXPECT_FALSE(
        ParseProcSelfStat("1 (x) S 1 1 1 0 -1 0 0 0 0 0 x 50 0 0 20 0 8 0 1 2 3 4", units));
}

TEST(ParseBootTime, FindsTheBtimeLine) {
    EXPECT_EQ(ParseBootTime("cpu  1 2 3\nintr 5\nbtime 1700000000\nprocesses 9\n"), 1700000000);
    EXPECT_EQ(ParseBootTime("btime 42"), 42);
    EXPECT_FALSE(ParseBootTime("cpu 1 2 3\n"));
}

}  // namespace
}  // namespace scs
