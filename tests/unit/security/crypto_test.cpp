#include "security/crypto.hpp"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace scs {
namespace {

struct HmacVector {
    std::string key;
    std::string data;
    std::string hex;
};

// RFC 4231 §4.2-4.8 (HMAC-SHA-256 column); case 5 is truncated to 128 bits by the RFC.
std::vector<HmacVector> Rfc4231Vectors() {
    std::string key4;
    for (char c = 1; c <= 25; ++c) {
        key4.push_back(c);
    }
    const std::string key131(131, '\xaa');
    return {
        {std::string(20, '\x0b'),
         "Hi There",
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {"Jefe",
         "what do ya want for nothing?",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {std::string(20, '\xaa'),
         std::string(50, '\xdd'),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        {key4,
         std::string(50, '\xcd'),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        {std::string(20, '\x0c'), "Test With Truncation", "a3b6167473100ee06e0c796c2955552b"},
        {key131,
         "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {key131,
         "This is a test using a larger than block-size key and a larger than block-size data. "
         "The key needs to be hashed before being used by the HMAC algorithm.",
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
    };
}

TEST(HmacSha256, MatchesRfc4231Vectors) {
    for (const auto& v : Rfc4231Vectors()) {
        const std::string mac = HmacSha256(v.key, v.data);
        ASSERT_EQ(mac.size(), 32U);
        EXPECT_EQ(HexEncode(mac).substr(0, v.hex.size()), v.hex) << v.data;
    }
}

TEST(Sha256, MatchesKnownDigests) {
    EXPECT_EQ(HexEncode(Sha256("")),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(HexEncode(Sha256("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(HexEncode, IsLowerCaseTwoDigitsPerByte) {
    EXPECT_EQ(HexEncode(std::string("\x00\x0f\xab\xff", 4)), "000fabff");
    EXPECT_EQ(HexEncode(""), "");
}

TEST(Base64, EncodesRfc4648Vectors) {
    EXPECT_EQ(Base64Encode(""), "");
    EXPECT_EQ(Base64Encode("f"), "Zg==");
    EXPECT_EQ(Base64Encode("fo"), "Zm8=");
    EXPECT_EQ(Base64Encode("foo"), "Zm9v");
    EXPECT_EQ(Base64Encode("foob"), "Zm9vYg==");
    EXPECT_EQ(Base64Encode("fooba"), "Zm9vYmE=");
    EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
}

TEST(Base64, RoundTripsEveryLengthAndByte) {
    std::string all;
    for (int b = 0; b < 256; ++b) {
        all.push_back(static_cast<char>(b));
    }
    for (size_t len = 0; len <= all.size(); ++len) {
        const std::string bytes = all.substr(all.size() - len);
        EXPECT_EQ(Base64Decode(Base64Encode(bytes)), bytes) << len;
    }
}

TEST(Base64, RejectsInvalidInput) {
    for (const std::string_view bad :
         {"Zg", "Zg=", "Zm9", "Z===", "====", "Zg==Zg==", "Zm9v\n", "Zm-v", "Zm_v", "Z m9v"}) {
        EXPECT_FALSE(Base64Decode(bad)) << bad;
    }
    EXPECT_EQ(Base64Decode(""), "");
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
    EXPECT_TRUE(ConstantTimeEquals("signature", "signature"));
    EXPECT_TRUE(ConstantTimeEquals("", ""));
    EXPECT_FALSE(ConstantTimeEquals("signature", "signaturf"));
    EXPECT_FALSE(ConstantTimeEquals("signature", "signatur"));
    EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST(RandomBytes, HasRequestedSizeAndVaries) {
    EXPECT_EQ(RandomBytes(0).size(), 0U);
    EXPECT_EQ(RandomBytes(17).size(), 17U);
    std::set<std::string> seen;
    for (int i = 0; i < 16; ++i) {
        seen.insert(RandomBytes(16));
    }
    EXPECT_EQ(seen.size(), 16U);
}

TEST(RandomToken, IsHexOfRequestedBytes) {
    const std::string token = RandomToken();
    EXPECT_EQ(token.size(), 64U);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(RandomToken(4).size(), 8U);
    EXPECT_NE(RandomToken(), RandomToken());
}

TEST(HashApiToken, IsHexSha256) {
    EXPECT_EQ(HashApiToken("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace scs
