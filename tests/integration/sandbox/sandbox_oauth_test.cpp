// Shopify's OAuth as the sandbox plays it: authorize -> signed callback, code exchange, expiring
// tokens and refresh rotation.
#include <algorithm>
#include <cctype>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/time.hpp"
#include "sandbox_test_support.hpp"
#include "security/crypto.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "oauth-shop.myshopify.com";
constexpr const char* kClientId = "client-123";
constexpr const char* kClientSecret = "client-secret-xyz";

// A1.2 written out independently of the sandbox: URLSearchParams encoding, '+' -> %20.
std::string Encode(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0 ||
            std::string_view("*-._").find(c) != std::string_view::npos) {
            out.push_back(c);
        } else if (c == ' ') {
            out += "%20";
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        }
    }
    return out;
}

std::string ExpectedHmac(std::map<std::string, std::string> params) {
    params.erase("hmac");
    params.erase("signature");
    std::string message;
    for (const auto& [key, value] : params) {
        message += (message.empty() ? "" : "&") + Encode(key) + "=" + Encode(value);
    }
    return HexEncode(HmacSha256(kClientSecret, message));
}

class SandboxOAuthTest : public ::testing::Test {
protected:
    std::map<std::string, std::string> Authorize(const std::string& state) {
        auto answer = sandbox_.Call("GET",
                                    std::string("/shopify/") + kShop +
                                        "/admin/oauth/authorize?client_id=" + kClientId +
                                        "&scope=read_orders,write_orders&redirect_uri=http%3A%2F%"
                                        "2Fapp.test%2Fcallback&state=" +
                                        Encode(state) + "&grant_options%5B%5D=");
        EXPECT_EQ(answer.status, 302) << answer.raw.body;
        const auto location = answer.raw.Header("Location").value_or("");
        EXPECT_EQ(location.rfind("http://app.test/callback?", 0), 0U) << location;
        return QueryParams(location);
    }

    JsonResult Token(const json::object& body) {
        return sandbox_.Call("POST",
                             std::string("/shopify/") + kShop + "/admin/oauth/access_token",
                             json::serialize(body));
    }

    int ShopStatus(const std::string& token) {
        return sandbox_.Graphql(kShop, token, "{ shop { name } }").status;
    }

    SandboxFixture sandbox_;
    std::string store_ = sandbox_.CreateStore(
        {{"shop", kShop}, {"client_id", kClientId}, {"client_secret", kClientSecret}});
};

TEST_F(SandboxOAuthTest, CallbackCarriesAValidHmac) {
    auto params = Authorize("nonce with spaces");
    for (const char* key : {"code", "hmac", "host", "shop", "state", "timestamp"}) {
        EXPECT_TRUE(params.count(key)) << key;
    }
    EXPECT_EQ(params["shop"], kShop);
    EXPECT_EQ(params["state"], "nonce with spaces");
    EXPECT_EQ(params["hmac"], ExpectedHmac(params));
    const int64_t now = ToUnixMillis(SystemTimeSource().Now()) / 1000;
    EXPECT_LE(std::abs(std::stoll(params["timestamp"]) - now), 5);
    const auto host =
        Base64Decode(params["host"] + std::string((4 - params["host"].size() % 4) % 4, '='));
    ASSERT_TRUE(host.has_value());
    EXPECT_EQ(*host, "admin.shopify.com/store/oauth-shop");
}

TEST_F(SandboxOAuthTest, TamperKnobBreaksTheCallback) {
    sandbox_.Call("PATCH", "/_sandbox/stores/" + store_ + "/knobs", R"({"oauth_tamper":"hmac"})");
    auto params = Authorize("s1");
    EXPECT_NE(params["hmac"], ExpectedHmac(params));
    sandbox_.Call(
        "PATCH", "/_sandbox/stores/" + store_ + "/knobs", R"({"oauth_tamper":"timestamp"})");
    params = Authorize("s2");
    EXPECT_EQ(params["hmac"], ExpectedHmac(params));
    const int64_t now = ToUnixMillis(SystemTimeSource().Now()) / 1000;
    EXPECT_GT(now - std::stoll(params["timestamp"]), 90);
    sandbox_.Call("PATCH", "/_sandbox/stores/" + store_ + "/knobs", R"({"oauth_tamper":"shop"})");
    params = Authorize("s3");
    EXPECT_NE(params["shop"], kShop);
}

TEST_F(SandboxOAuthTest, ClientCredentialsGrantIssuesADayLongToken) {
    auto token = Token({{"client_id", kClientId},
                        {"client_secret", kClientSecret},
                        {"grant_type", "client_credentials"}});
    ASSERT_EQ(token.status, 200) << token.raw.body;
    EXPECT_EQ(token.body.at("expires_in"), 86399);
    EXPECT_EQ(ShopStatus(std::string(token.body.at("access_token").as_string())), 200);
}

TEST_F(SandboxOAuthTest, AppStoreSignsWebhooksWithTheClientSecret) {
    auto token = Token({{"client_id", kClientId},
                        {"client_secret", kClientSecret},
                        {"code", Authorize("s")["code"]}});
    const std::string access(token.body.at("access_token").as_string());
    WebhookReceiver receiver;
    auto subscribed = sandbox_.Graphql(
        kShop,
        access,
        "mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: {uri: \"" +
            receiver.Url() + "\"}) { userErrors { message } } }");
    ASSERT_EQ(subscribed.status, 200);
    sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/orders");
    auto hooks = receiver.WaitFor(1);
    ASSERT_EQ(hooks.size(), 1U);
    EXPECT_EQ(hooks[0].headers["x-shopify-hmac-sha256"],
              Base64Encode(HmacSha256(kClientSecret, hooks[0].body)));
}

TEST_F(SandboxOAuthTest, ExchangesACodeOnceForAWorkingToken) {
    const auto code = Authorize("s")["code"];
    auto token =
        Token({{"client_id", kClientId}, {"client_secret", kClientSecret}, {"code", code}});
    ASSERT_EQ(token.status, 200) << token.raw.body;
    EXPECT_EQ(token.body.at("scope"), "read_orders,write_orders");
    EXPECT_FALSE(token.body.as_object().contains("expires_in"));
    EXPECT_EQ(ShopStatus(std::string(token.body.at("access_token").as_string())), 200);
    auto reused =
        Token({{"client_id", kClientId}, {"client_secret", kClientSecret}, {"code", code}});
    EXPECT_EQ(reused.status, 400);
    EXPECT_EQ(reused.body.at("error"), "invalid_request");
    auto wrong_secret = Token(
        {{"client_id", kClientId}, {"client_secret", "nope"}, {"code", Authorize("t")["code"]}});
    EXPECT_EQ(wrong_secret.status, 400);
}

TEST_F(SandboxOAuthTest, RefreshRotatesTheRefreshTokenAndKillsTheOldAccessToken) {
    const auto code = Authorize("s")["code"];
    // A form body this time: the endpoint takes both encodings.
    auto form =
        sandbox_.Call("POST",
                      std::string("/shopify/") + kShop + "/admin/oauth/access_token",
                      std::string("client_id=") + kClientId + "&client_secret=" + kClientSecret +
                          "&code=" + code + "&expiring=1",
                      {{"Content-Type", "application/x-www-form-urlencoded"}});
    // The fixture adds a JSON content type after ours; the first one wins.
    ASSERT_EQ(form.status, 200) << form.raw.body;
    EXPECT_EQ(form.body.at("expires_in"), 3600);
    EXPECT_EQ(form.body.at("refresh_token_expires_in"), 7776000);
    const std::string first_access(form.body.at("access_token").as_string());
    const std::string first_refresh(form.body.at("refresh_token").as_string());
    EXPECT_EQ(ShopStatus(first_access), 200);

    auto refreshed = Token({{"client_id", kClientId},
                            {"client_secret", kClientSecret},
                            {"grant_type", "refresh_token"},
                            {"refresh_token", first_refresh}});
    ASSERT_EQ(refreshed.status, 200) << refreshed.raw.body;
    const std::string second_access(refreshed.body.at("access_token").as_string());
    EXPECT_NE(std::string(refreshed.body.at("refresh_token").as_string()), first_refresh);
    EXPECT_EQ(ShopStatus(first_access), 401);
    EXPECT_EQ(ShopStatus(second_access), 200);
    auto replay = Token({{"client_id", kClientId},
                         {"client_secret", kClientSecret},
                         {"grant_type", "refresh_token"},
                         {"refresh_token", first_refresh}});
    EXPECT_EQ(replay.status, 400);
    EXPECT_EQ(replay.body.at("error"), "invalid_grant");

    // An expired access token gets 401 (the control API expires them without an hour's wait).
    sandbox_.Call("POST", "/_sandbox/stores/" + store_ + "/tokens/expire");
    EXPECT_EQ(ShopStatus(second_access), 401);
}

}  // namespace
}  // namespace scs::testing
