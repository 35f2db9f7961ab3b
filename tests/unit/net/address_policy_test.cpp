#include "net/address_policy.hpp"

#include <string>

#include <gtest/gtest.h>

namespace scs {
namespace {

class NonPublicAddress : public ::testing::TestWithParam<std::string> {};

TEST_P(NonPublicAddress, IsRefused) {
    EXPECT_FALSE(IsPublicAddressLiteral(GetParam())) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Ranges,
                         NonPublicAddress,
                         ::testing::Values("0.0.0.0",
                                           "10.1.2.3",
                                           "100.64.0.1",
                                           "127.0.0.1",
                                           "127.255.255.254",
                                           "169.254.169.254",
                                           "172.16.0.1",
                                           "172.31.255.255",
                                           "192.0.0.8",
                                           "192.0.2.10",
                                           "192.168.1.1",
                                           "198.18.0.1",
                                           "224.0.0.1",
                                           "255.255.255.255",
                                           "::",
                                           "::1",
                                           "fc00::1",
                                           "fd12:3456::1",
                                           "fe80::1",
                                           "ff02::1",
                                           "::ffff:127.0.0.1",
                                           "::ffff:10.0.0.1",
                                           "::ffff:169.254.169.254",
                                           "not-an-address",
                                           ""));

class PublicAddress : public ::testing::TestWithParam<std::string> {};

TEST_P(PublicAddress, IsAllowed) {
    EXPECT_TRUE(IsPublicAddressLiteral(GetParam())) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Ranges,
                         PublicAddress,
                         ::testing::Values("8.8.8.8",
                                           "1.1.1.1",
                                           "100.63.255.255",
                                           "100.128.0.1",
                                           "172.15.255.255",
                                           "172.32.0.1",
                                           "192.169.0.1",
                                           "223.255.255.254",
                                           "2001:4860:4860::8888",
                                           "2a00:1450:4001::1",
                                           "::ffff:8.8.8.8"));

TEST(ResolvePublicHost, LoopbackNamesAndLiteralsAreRefusedNamingTheField) {
    for (const std::string host : {"localhost", "127.0.0.1", "[::1]", "169.254.169.254"}) {
        auto resolved = ResolvePublicHost(host, "store_id");
        ASSERT_FALSE(resolved) << host;
        EXPECT_EQ(resolved.error().code, ErrorCode::kBadRequest);
        EXPECT_EQ(resolved.error().field, "store_id");
        EXPECT_NE(resolved.error().message.find("private, loopback or link-local"),
                  std::string::npos)
            << resolved.error().message;
    }
}

TEST(ResolvePublicHost, AnUnresolvableHostIsABadRequest) {
    // .invalid never resolves (RFC 2606), so this needs no network.
    auto resolved = ResolvePublicHost("no-such-shop.invalid", "store_id");
    ASSERT_FALSE(resolved);
    EXPECT_EQ(resolved.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(resolved.error().message.find("does not resolve"), std::string::npos);
}

TEST(ResolvePublicHost, APublicLiteralResolvesToItself) {
    auto resolved = ResolvePublicHost("8.8.8.8", "store_id");
    ASSERT_TRUE(resolved) << resolved.error().message;
    ASSERT_EQ(resolved->size(), 1U);
    EXPECT_EQ(resolved->front(), "8.8.8.8");
}

}  // namespace
}  // namespace scs
