#include "connectors/woocommerce/woocommerce_auth.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

constexpr const char* kKey = "ck_0123456789abcdef0123456789abcdef01234567";
constexpr const char* kSecret = "cs_fedcba9876543210fedcba9876543210fedcba98";

std::string QueryValue(const std::string& url, const std::string& name) {
    const auto query = DecodeQueryString(url.substr(url.find('?') + 1));
    for (const auto& [key, value] : query) {
        if (key == name) {
            return value;
        }
    }
    return "<absent>";
}

TEST(WooCommerceAuthTest, EncodesAsRfc3986) {
    EXPECT_EQ(OAuthEncode("abcXYZ019-._~"), "abcXYZ019-._~");
    EXPECT_EQ(OAuthEncode("a b+c&d=e/f:%"), "a%20b%2Bc%26d%3De%2Ff%3A%25");
    EXPECT_EQ(OAuthEncode("\xC3\xA9"), "%C3%A9");
}

// RFC 5849 §3.4.1.1: the published example request (query, form body and Authorization header
// parameters) and its published signature base string.
TEST(WooCommerceAuthTest, BuildsTheRfc5849ExampleBaseString) {
    const WooCommerceQuery params{{"c2", ""},
                                  {"a3", "2 q"},
                                  {"oauth_consumer_key", "9djdj82h48djs9d2"},
                                  {"oauth_token", "kkk9d7dh3k39sjv7"},
                                  {"oauth_signature_method", "HMAC-SHA1"},
                                  {"oauth_timestamp", "137131201"},
                                  {"oauth_nonce", "7d8f3e4a"}};
    EXPECT_EQ(OAuthBaseString(
                  "post", "HTTP://Example.com:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b", params),
              "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%"
              "3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_"
              "nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%"
              "3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
}

// RFC 5849 §1.2 (photos.example.net) and OAuth Core 1.0 Appendix A.5: published HMAC-SHA1
// signatures, which check the base string, the key and the encoding end to end.
TEST(WooCommerceAuthTest, ReproducesThePublishedHmacSha1Signatures) {
    const WooCommerceQuery rfc5849{{"oauth_consumer_key", "dpf43f3p2l4k3l03"},
                                   {"oauth_token", "nnch734d00sl2jdk"},
                                   {"oauth_signature_method", "HMAC-SHA1"},
                                   {"oauth_timestamp", "137131202"},
                                   {"oauth_nonce", "chapoH"}};
    const std::string url = "http://photos.example.net/photos?file=vacation.jpg&size=original";
    EXPECT_EQ(OAuthSign(OAuthSignatureMethod::kHmacSha1,
                        OAuthBaseString("GET", url, rfc5849),
                        "kd94hf93k423kf44",
                        "pfkkdhi9sl3r4s00"),
              "MdpQcU8iPSUjWoN/UDMsK2sui9I=");
    const WooCommerceQuery core10{{"oauth_consumer_key", "dpf43f3p2l4k3l03"},
                                  {"oauth_token", "nnch734d00sl2jdk"},
                                  {"oauth_signature_method", "HMAC-SHA1"},
                                  {"oauth_timestamp", "1191242096"},
                                  {"oauth_nonce", "kllo9940pd9333jh"},
                                  {"oauth_version", "1.0"}};
    EXPECT_EQ(OAuthSign(OAuthSignatureMethod::kHmacSha1,
                        OAuthBaseString("GET", url, core10),
                        "kd94hf93k423kf44",
                        "pfkkdhi9sl3r4s00"),
              "tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
}

// Hand-computed (Python: urllib.parse.quote(safe="-._~"), hmac, hashlib.sha256) for a
// WooCommerce-shaped request with a port, a path prefix and a value needing encoding.
TEST(WooCommerceAuthTest, SignsAnHttpRequestWithHmacSha256InTheQuery) {
    const std::string url =
        "http://127.0.0.1:8080/woocommerce/demo/wp-json/wc/v3/orders?per_page=100&"
        "modified_after=2026-01-01T00%3A00%3A00&search=a%20b%26c%3Dd%2F%C3%A9";
    auto signed_request = AuthorizeWooCommerceRequest(
        "GET", url, {kKey, kSecret}, WooCommerceHttpsAuth::kBasic, {"n0nce", 1767225600});
    ASSERT_TRUE(signed_request) << signed_request.error().message;
    EXPECT_TRUE(signed_request->headers.empty());
    const std::string& out = signed_request->url;
    EXPECT_EQ(out.rfind("http://127.0.0.1:8080/woocommerce/demo/wp-json/wc/v3/orders?", 0), 0U);
    EXPECT_EQ(QueryValue(out, "search"), "a b&c=d/\xC3\xA9");
    EXPECT_EQ(QueryValue(out, "oauth_consumer_key"), kKey);
    EXPECT_EQ(QueryValue(out, "oauth_nonce"), "n0nce");
    EXPECT_EQ(QueryValue(out, "oauth_timestamp"), "1767225600");
    EXPECT_EQ(QueryValue(out, "oauth_signature_method"), "HMAC-SHA256");
    EXPECT_EQ(QueryValue(out, "oauth_version"), "<absent>");
    EXPECT_EQ(QueryValue(out, "oauth_signature"), "CqtOHWaVRyBEmqMiu7yLAsR7B4t6tShGaeIUan7/ngQ=");
    EXPECT_NE(out.find("oauth_signature=CqtOHWaVRyBEmqMiu7yLAsR7B4t6tShGaeIUan7%2FngQ%3D"),
              std::string::npos);
}

TEST(WooCommerceAuthTest, ANewNonceOrTimestampChangesTheSignature) {
    const std::string url = "http://shop.test/wp-json/wc/v3/orders";
    const auto first = AuthorizeWooCommerceRequest(
        "GET", url, {kKey, kSecret}, WooCommerceHttpsAuth::kBasic, {"a", 1});
    const auto nonce = AuthorizeWooCommerceRequest(
        "GET", url, {kKey, kSecret}, WooCommerceHttpsAuth::kBasic, {"b", 1});
    const auto time = AuthorizeWooCommerceRequest(
        "GET", url, {kKey, kSecret}, WooCommerceHttpsAuth::kBasic, {"a", 2});
    const auto method = AuthorizeWooCommerceRequest(
        "PUT", url, {kKey, kSecret}, WooCommerceHttpsAuth::kBasic, {"a", 1});
    const std::string signature = QueryValue(first->url, "oauth_signature");
    EXPECT_NE(signature, QueryValue(nonce->url, "oauth_signature"));
    EXPECT_NE(signature, QueryValue(time->url, "oauth_signature"));
    EXPECT_NE(signature, QueryValue(method->url, "oauth_signature"));
}

TEST(WooCommerceAuthTest, HttpsUsesBasicAuthAndLeavesTheUrlAlone) {
    const std::string url = "https://shop.test/wp-json/wc/v3/orders?per_page=1";
    auto basic = AuthorizeWooCommerceRequest(
        "GET", url, {"ck_1", "cs_2"}, WooCommerceHttpsAuth::kBasic, {"n", 1});
    ASSERT_TRUE(basic);
    EXPECT_EQ(basic->url, url);
    ASSERT_EQ(basic->headers.size(), 1U);
    EXPECT_EQ(basic->headers[0].first, "Authorization");
    EXPECT_EQ(basic->headers[0].second, "Basic Y2tfMTpjc18y");  // base64("ck_1:cs_2")
}

TEST(WooCommerceAuthTest, HttpsQueryModePutsTheKeysInTheQuery) {
    auto query = AuthorizeWooCommerceRequest("GET",
                                             "https://shop.test/wp-json/wc/v3/orders?per_page=1",
                                             {"ck_1", "cs_2"},
                                             WooCommerceHttpsAuth::kQuery,
                                             {"n", 1});
    ASSERT_TRUE(query);
    EXPECT_TRUE(query->headers.empty());
    EXPECT_EQ(query->url,
              "https://shop.test/wp-json/wc/v3/orders?per_page=1&consumer_key=ck_1&"
              "consumer_secret=cs_2");
}

TEST(WooCommerceAuthTest, RefusesAUrlWithoutHttpScheme) {
    for (const char* url : {"ftp://shop.test/x", "shop.test/wp-json", ""}) {
        auto refused = AuthorizeWooCommerceRequest(
            "GET", url, {"ck", "cs"}, WooCommerceHttpsAuth::kBasic, {"n", 1});
        ASSERT_FALSE(refused) << url;
        EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
    }
}

}  // namespace
}  // namespace scs
