#include "http/host_port.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(HostPort, ParsesHostAndPort) {
    const auto parsed = ParseHostPort("127.0.0.1:8090");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->first, "127.0.0.1");
    EXPECT_EQ(parsed->second, 8090);
    EXPECT_EQ(ParseHostPort("localhost:0")->second, 0);
}

TEST(HostPort, DropsTheBracketsOfAnIpv6Host) {
    const auto parsed = ParseHostPort("[::1]:80");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->first, "::1");
    EXPECT_EQ(parsed->second, 80);
}

TEST(HostPort, RefusesWhatIsNotHostColonPort) {
    for (const char* bad : {"8090", ":8090", "host:", "host:65536", "host:-1", "host:80x"}) {
        const auto parsed = ParseHostPort(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest) << bad;
        EXPECT_NE(parsed.error().message.find(bad), std::string::npos) << bad;
    }
}

}  // namespace
}  // namespace scs
