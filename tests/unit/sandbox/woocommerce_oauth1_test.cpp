// OAuth 1.0a verification of the WooCommerce sandbox against known vectors: the OAuth Core 1.0
// appendix example and a WooCommerce-style request with a PHP array parameter, both computed
// independently of this code.
#include <gtest/gtest.h>

#include "sandbox/woocommerce/oauth1.hpp"
#include "sandbox/woocommerce/rest_auth.hpp"

namespace scs::sandbox::woocommerce {
namespace {

TEST(WooOAuth1Test, SignsTheOAuthCoreAppendixExample) {
    PhpParams params;
    ParsePhpQuery(
        "file=vacation.jpg&size=original&oauth_consumer_key=dpf43f3p2l4k3l03"
        "&oauth_token=nnch734d00sl2jdk&oauth_nonce=kllo9940pd9333jh&oauth_timestamp=1191242096"
        "&oauth_signature_method=HMAC-SHA1&oauth_version=1.0",
        params);
    const std::string base = OAuthBaseString("GET", "http://photos.example.net/photos", params);
    EXPECT_EQ(base,
              "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_"
              "key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%"
              "3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_"
              "version%3D1.0%26size%3Doriginal");
    EXPECT_EQ(OAuthSignature("HMAC-SHA1", "kd94hf93k423kf44&pfkkdhi9sl3r4s00", base),
              "tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
}

TEST(WooOAuth1Test, EncodesPhpArrayParametersTheWayWooCommerceDoes) {
    PhpParams params;
    ParsePhpQuery(
        "per_page=100&status%5B%5D=processing&status[]=on-hold&oauth_consumer_key=ck_test"
        "&oauth_nonce=abc123&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1700000000",
        params);
    const std::string base = OAuthBaseString(
        "GET", "http://127.0.0.1:8080/woocommerce/demo-woo/wp-json/wc/v3/orders", params);
    EXPECT_EQ(base,
              "GET&http%3A%2F%2F127.0.0.1%3A8080%2Fwoocommerce%2Fdemo-woo%2Fwp-json%2Fwc%2Fv3%"
              "2Forders&oauth_consumer_key%3Dck_test%26oauth_nonce%3Dabc123%26oauth_signature_"
              "method%3DHMAC-SHA256%26oauth_timestamp%3D1700000000%26per_page%3D100%26status%"
              "255B0%255D%3Dprocessing%26status%255B1%255D%3Don-hold");
    EXPECT_EQ(OAuthSignature("HMAC-SHA256", "cs_secret&", base),
              "GfpzuCQM9BJNHIP5MwdOJecdEsD4UPTwokmccppcy7I=");
    EXPECT_FALSE(OAuthSignature("PLAINTEXT", "cs_secret&", base).has_value());
}

TEST(WooOAuth1Test, ReadsAnAuthorizationHeader) {
    const auto params = ParseOAuthHeader(
        R"(OAuth realm="x", oauth_consumer_key="ck_1", oauth_signature="a%2Bb%3D", oauth_nonce=n1)");
    ASSERT_EQ(params.size(), 3U);
    EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"oauth_consumer_key", "ck_1"}));
    EXPECT_EQ(params[1].second, "a+b=");
    EXPECT_EQ(params[2].second, "n1");
    EXPECT_TRUE(ParseOAuthHeader("Basic abc").empty());
}

TEST(WooOAuth1Test, PhpArrayRulesKeepTheLastScalarAndIndexArrays) {
    PhpParams params;
    ParsePhpQuery("a=1&a=2&b[x]=3&b[]=4&c=+%2B", params);
    EXPECT_EQ(params.at("a").scalar, "2");
    ASSERT_TRUE(params.at("b").is_array);
    EXPECT_EQ(params.at("b").entries[0], (std::pair<std::string, std::string>{"x", "3"}));
    EXPECT_EQ(params.at("b").entries[1].first, "1");
    EXPECT_EQ(params.at("c").scalar, " +");
    EXPECT_EQ(RawUrlEncode("a b~*"), "a%20b~%2A");
}

class WooAuthTest : public ::testing::Test {
protected:
    AuthInput Signed(const std::string& nonce, int64_t timestamp) {
        AuthInput input;
        input.method = "GET";
        input.signing_url = "http://127.0.0.1:1/woocommerce/s/wp-json/wc/v3/orders";
        ParsePhpQuery(
            "oauth_consumer_key=ck_a&oauth_nonce=" + nonce +
                "&oauth_signature_method=HMAC-SHA1&oauth_timestamp=" + std::to_string(timestamp),
            input.query);
        const auto signature = OAuthSignature(
            "HMAC-SHA1", "cs_a&", OAuthBaseString("GET", input.signing_url, input.query));
        input.query["oauth_signature"] = PhpValue{*signature, {}, false};
        return input;
    }

    KeyBook keys_;
    int64_t key_id_ = keys_.Add("ck_a", "cs_a", "read", "test");
    TimePoint now_ = FromUnixMillis(1'700'000'000'000);
};

TEST_F(WooAuthTest, AcceptsAFreshSignatureOnceAndRejectsReplaysAndOldTimestamps) {
    auto first = Authenticate(keys_, Signed("n1", 1'700'000'000), now_);
    ASSERT_TRUE(first.has_value());
    ASSERT_TRUE(first->has_value());
    EXPECT_EQ((*first)->key_id, key_id_);
    auto replay = Authenticate(keys_, Signed("n1", 1'700'000'001), now_);
    ASSERT_FALSE(replay.has_value());
    EXPECT_EQ(replay.error().message, "Invalid nonce - nonce has already been used.");
    auto stale = Authenticate(keys_, Signed("n2", 1'700'000'000 - 901), now_);
    ASSERT_FALSE(stale.has_value());
    EXPECT_EQ(stale.error().message, "Invalid timestamp.");
}

TEST_F(WooAuthTest, ReportsTamperingMissingParamsAndPermissions) {
    AuthInput tampered = Signed("n3", 1'700'000'000);
    tampered.query["per_page"] = PhpValue{"100", {}, false};
    auto bad = Authenticate(keys_, tampered, now_);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().message, "Invalid signature - provided signature does not match.");
    AuthInput partial;
    ParsePhpQuery("oauth_consumer_key=ck_a&oauth_nonce=x", partial.query);
    auto missing = Authenticate(keys_, partial, now_);
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, "woocommerce_rest_authentication_missing_parameter");
    EXPECT_EQ(missing.error().message,
              "Missing OAuth parameters oauth_timestamp, oauth_signature, oauth_signature_method");
    auto none = Authenticate(keys_, AuthInput{}, now_);
    ASSERT_TRUE(none.has_value());
    EXPECT_FALSE(none->has_value());
    const ApiKey read_only = *keys_.Find("ck_a");
    EXPECT_FALSE(CheckKeyPermissions(read_only, "GET").has_value());
    EXPECT_EQ(CheckKeyPermissions(read_only, "PUT")->message,
              "The API key provided does not have write permissions.");
}

}  // namespace
}  // namespace scs::sandbox::woocommerce
