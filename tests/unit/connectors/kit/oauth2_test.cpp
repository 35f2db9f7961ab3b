#include "connectors/kit/oauth2.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/scripted_http_client.hpp"

namespace scs::kit {
namespace {

const TimePoint kNow = *ParseRfc3339("2026-01-01T00:00:00Z");
const OAuth2App kApp{"key 1", "secret", "read_orders,read_products"};
const TokenEndpoint kEndpoint{"https://platform.test/oauth/token", "Acme"};

TEST(KitOAuth2, AuthorizeUrlFormEncodesEachParameter) {
    EXPECT_EQ(AuthorizeUrl("https://platform.test/authorize", kApp, "https://app/cb?x=1", "st"),
              "https://platform.test/authorize?client_id=key%201&"
              "scope=read_orders%2Cread_products&redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fx%3D1&"
              "state=st");
    EXPECT_EQ(FormEncode("a b*-._~"), "a%20b*-._%7E");
}

TEST(KitOAuth2, StateNoncesAreFreshHex) {
    const std::string state = NewOAuthState();
    EXPECT_EQ(state.size(), 64U);
    EXPECT_NE(state, NewOAuthState());
}

TEST(KitOAuth2, ParsesAGrantAndKeepsItInCredentials) {
    const auto grant = ParseTokenResponse(
        R"({"access_token":"at","scope":"s","expires_in":3600,"refresh_token":"rt",
            "refresh_token_expires_in":7200})",
        kNow,
        "Acme");
    ASSERT_TRUE(grant);
    Credentials credentials{{"webhook_secret", "w"}, {"refresh_token_expires_at", "old"}};
    ApplyGrant(*grant, credentials);
    EXPECT_EQ(credentials.at("access_token"), "at");
    EXPECT_EQ(credentials.at("refresh_token"), "rt");
    EXPECT_EQ(credentials.at("expires_at"), "2026-01-01T01:00:00Z");
    EXPECT_EQ(credentials.at("refresh_token_expires_at"), "2026-01-01T02:00:00Z");
    EXPECT_EQ(credentials.at("webhook_secret"), "w");
    EXPECT_FALSE(TokenExpiresSoon(credentials, kNow + std::chrono::minutes(54)));
    EXPECT_TRUE(TokenExpiresSoon(credentials, kNow + std::chrono::minutes(56)));
    EXPECT_EQ(ParseTokenResponse(R"({"scope":"x"})", kNow, "Acme").error().message,
              "Acme token response has no access_token");
}

TEST(KitOAuth2, ExchangesACodeWithThePlatformsExtraFields) {
    testing::ScriptedHttpClient http;
    http.Add(200, R"({"access_token":"at"})");
    const auto grant =
        ExchangeCode(http, kEndpoint, kApp, "c0de", boost::json::object{{"expiring", "1"}}, kNow);
    ASSERT_TRUE(grant);
    EXPECT_EQ(grant->access_token, "at");
    ASSERT_EQ(http.requests.size(), 1U);
    EXPECT_EQ(http.requests[0].url, kEndpoint.url);
    EXPECT_EQ(http.requests[0].body,
              R"({"client_id":"key 1","client_secret":"secret","code":"c0de","expiring":"1"})");
}

TEST(KitOAuth2, RefusalsAndOutagesMapByCall) {
    testing::ScriptedHttpClient http;
    http.Add(400, R"({"error":"invalid_grant"})");
    http.Add(400, R"({"error":"invalid_grant"})");
    http.Add(502, "");
    const auto code = ExchangeCode(http, kEndpoint, kApp, "c", {}, kNow);
    EXPECT_EQ(code.error().code, ErrorCode::kOAuth);
    EXPECT_EQ(code.error().message,
              R"(Acme refused the token request (HTTP 400): {"error":"invalid_grant"})");
    EXPECT_EQ(RefreshAccessToken(http, kEndpoint, kApp, "rt", kNow).error().code,
              ErrorCode::kInvalidCredentials);
    const auto down = RefreshAccessToken(http, kEndpoint, kApp, "rt", kNow);
    EXPECT_EQ(down.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(down.error().message, "Acme token endpoint answered HTTP 502");
    EXPECT_EQ(boost::json::parse(http.requests[1].body).at("grant_type"), "refresh_token");
}

}  // namespace
}  // namespace scs::kit
