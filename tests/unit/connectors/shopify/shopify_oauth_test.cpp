#include "connectors/shopify/shopify_oauth.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace scs {
namespace {

const TimePoint kNow = FromUnixMillis(1'700'000'000'000);

QueryParams Signed(QueryParams params, const std::string& secret) {
    params.emplace_back("hmac", HexEncode(HmacSha256(secret, CanonicalShopifyQuery(params))));
    return params;
}

TEST(ShopifyOAuth, CanonicalQueryMatchesTheLibraryVectorShape) {
    const QueryParams params = {{"timestamp", "1700000000"},
                                {"state", "some nonce passed from auth"},
                                {"shop", "the shop URL"},
                                {"hmac", "ignored"},
                                {"signature", "ignored"},
                                {"code", "some code goes here"}};
    EXPECT_EQ(CanonicalShopifyQuery(params),
              "code=some%20code%20goes%20here&shop=the%20shop%20URL&"
              "state=some%20nonce%20passed%20from%20auth&timestamp=1700000000");
}

TEST(ShopifyOAuth, RepeatedKeysAreJoinedWithCommas) {
    const QueryParams params = {{"ids[]", "1"}, {"ids[]", "2"}, {"a", "x"}};
    EXPECT_EQ(CanonicalShopifyQuery(params), "a=x&ids%5B%5D=1%2C2");
}

TEST(ShopifyOAuth, FormEncodingKeepsOnlyUnreservedCharacters) {
    EXPECT_EQ(ShopifyFormEncode("a b+c/d*e-f.g_h~"), "a%20b%2Bc%2Fd*e-f.g_h%7E");
}

TEST(ShopifyOAuth, VerifiesAValidSignature) {
    const auto params = Signed(
        {{"code", "c1"}, {"shop", "a.myshopify.com"}, {"timestamp", "1700000000"}}, "secret");
    EXPECT_TRUE(VerifyShopifyQueryHmac(params, "secret", kNow));
}

TEST(ShopifyOAuth, RejectsATamperedParameterOrWrongSecret) {
    auto params = Signed({{"code", "c1"}, {"shop", "a.myshopify.com"}, {"timestamp", "1700000000"}},
                         "secret");
    EXPECT_FALSE(VerifyShopifyQueryHmac(params, "other", kNow));
    params[1].second = "b.myshopify.com";
    const auto tampered = VerifyShopifyQueryHmac(params, "secret", kNow);
    ASSERT_FALSE(tampered);
    EXPECT_EQ(tampered.error().code, ErrorCode::kOAuth);
}

TEST(ShopifyOAuth, TimestampMustBeWithin90Seconds) {
    for (const auto& [timestamp, ok] :
         std::vector<std::pair<std::string, bool>>{{"1700000090", true},
                                                   {"1699999910", true},
                                                   {"1700000091", false},
                                                   {"1699999909", false},
                                                   {"abc", false},
                                                   {"", false}}) {
        const auto params = Signed({{"shop", "a.myshopify.com"}, {"timestamp", timestamp}}, "s");
        EXPECT_EQ(static_cast<bool>(VerifyShopifyQueryHmac(params, "s", kNow)), ok) << timestamp;
    }
    EXPECT_FALSE(VerifyShopifyQueryHmac(Signed({{"shop", "a.myshopify.com"}}, "s"), "s", kNow));
}

TEST(ShopifyOAuth, ShopDomainRule) {
    EXPECT_EQ(NormalizeShopDomain("my-shop1.myshopify.com").value(), "my-shop1.myshopify.com");
    EXPECT_EQ(NormalizeShopDomain("My-Shop.MyShopify.com").value(), "my-shop.myshopify.com");
    EXPECT_EQ(NormalizeShopDomain("admin.shopify.com/store/demo").value(), "demo.myshopify.com");
    EXPECT_EQ(NormalizeShopDomain("https://admin.shopify.com/store/demo/").value(),
              "demo.myshopify.com");
    for (const char* bad : {"",
                            "-x.myshopify.com",
                            "x.shopify.com",
                            "x.myshopify.io",
                            "a_b.myshopify.com",
                            "evil.com/x.myshopify.com",
                            "x.myshopify.com.evil.com",
                            "admin.shopify.com/store/",
                            "a.b.myshopify.com"}) {
        const auto result = NormalizeShopDomain(bad);
        ASSERT_FALSE(result) << bad;
        EXPECT_EQ(result.error().field, "shop");
    }
}

TEST(ShopifyOAuth, BaseUrlTemplate) {
    EXPECT_EQ(ShopifyShopUrl("", "a.myshopify.com"), "https://a.myshopify.com");
    EXPECT_EQ(ShopifyShopUrl("http://127.0.0.1:81/shopify/{shop}", "a.myshopify.com"),
              "http://127.0.0.1:81/shopify/a.myshopify.com");
}

TEST(ShopifyOAuth, AuthorizeUrlAndState) {
    const std::string state = NewShopifyOAuthState();
    EXPECT_EQ(state.size(), 64U);
    EXPECT_NE(state, NewShopifyOAuthState());
    const ShopifyAppSettings app{"key1", "secret", "read_orders,read_products"};
    EXPECT_EQ(ShopifyAuthorizeUrl(app, "https://a.myshopify.com", "https://app/cb?x=1", "st"),
              "https://a.myshopify.com/admin/oauth/authorize?client_id=key1&"
              "scope=read_orders%2Cread_products&redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fx%3D1&"
              "state=st&grant_options%5B%5D=");
}

TEST(ShopifyOAuth, TokenResponseAndCredentials) {
    const auto grant = ParseShopifyTokenResponse(
        R"({"access_token":"at","scope":"read_orders","expires_in":3600,
            "refresh_token":"rt","refresh_token_expires_in":7776000})",
        kNow);
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->expires_at, kNow + std::chrono::hours(1));
    Credentials credentials{{"access_token", "old"}, {"webhook_secret", "w"}};
    ApplyShopifyGrant(*grant, credentials);
    EXPECT_EQ(credentials.at("access_token"), "at");
    EXPECT_EQ(credentials.at("refresh_token"), "rt");
    EXPECT_EQ(credentials.at("webhook_secret"), "w");
    EXPECT_EQ(credentials.at("expires_at"), FormatRfc3339(kNow + std::chrono::hours(1)));
    EXPECT_FALSE(ShopifyTokenExpiresSoon(credentials, kNow + std::chrono::minutes(54)));
    EXPECT_TRUE(ShopifyTokenExpiresSoon(credentials, kNow + std::chrono::minutes(56)));
    EXPECT_FALSE(ShopifyTokenExpiresSoon(Credentials{{"access_token", "x"}}, kNow));
    EXPECT_FALSE(ParseShopifyTokenResponse(R"({"scope":"x"})", kNow));
    EXPECT_FALSE(ParseShopifyTokenResponse("nope", kNow));
}

}  // namespace
}  // namespace scs
