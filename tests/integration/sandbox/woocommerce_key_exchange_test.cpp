// WooCommerce's key exchange (/wc-auth/v1/authorize) in the sandbox: the keys POSTed to the
// callback, the redirect back, deny, a callback that does not answer 200, and validation.
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

class WooKeyExchangeTest : public ::testing::Test {
protected:
    HttpResult Authorize(const std::string& callback, const std::string& scope = "read_write") {
        const std::string target =
            "/woocommerce/" + site_.site +
            "/wc-auth/v1/authorize?app_name=Sales%20Channel&scope=" + scope +
            "&user_id=seller-42&return_url=" + Rfc3986("https://app.example/done?x=1") +
            "&callback_url=" + Rfc3986(callback);
        return HttpCall(sandbox_.Port(), "GET", target);
    }

    SandboxFixture sandbox_;
    WooSiteInfo site_ = CreateWooSite(
        sandbox_, {{"site", "keys-woo"}, {"orders", 1}, {"allow_http_callback", true}});
};

TEST_F(WooKeyExchangeTest, PostsNewKeysToTheCallbackAndRedirectsBack) {
    WebhookReceiver callback;
    auto answer = Authorize(callback.Url(), "read");
    ASSERT_EQ(answer.status, 302) << answer.body;
    EXPECT_EQ(answer.Header("Location"),
              "https://app.example/done?x=1&success=1&user_id=seller-42");
    auto received = callback.WaitFor(1);
    ASSERT_EQ(received.size(), 1U);
    EXPECT_EQ(received[0].headers["content-type"], "application/json;charset=UTF-8");
    const json::value keys = json::parse(received[0].body);
    EXPECT_TRUE(keys.at("key_id").is_int64());
    EXPECT_EQ(keys.at("user_id"), "seller-42");
    EXPECT_EQ(keys.at("key_permissions"), "read");
    const std::string ck(keys.at("consumer_key").as_string());
    const std::string cs(keys.at("consumer_secret").as_string());
    EXPECT_EQ(ck.size(), 43U);
    EXPECT_EQ(cs.size(), 43U);
    WooClient client(sandbox_, site_);
    client.SetKeys(ck, cs);
    EXPECT_EQ(client.Get("/wc/v3/orders").status, 200);
    EXPECT_EQ(client.Call("PUT", "/wc/v3/orders/1001", R"({"status":"completed"})").status, 401);
}

TEST_F(WooKeyExchangeTest, DenyRedirectsWithoutKeys) {
    ASSERT_EQ(Control(sandbox_, site_, "PATCH", "/knobs", R"({"auth_grant":"deny"})").status, 200);
    WebhookReceiver callback;
    auto answer = Authorize(callback.Url());
    ASSERT_EQ(answer.status, 302);
    EXPECT_EQ(answer.Header("Location"),
              "https://app.example/done?x=1&success=0&user_id=seller-42");
    EXPECT_TRUE(callback.Received().empty());
}

TEST_F(WooKeyExchangeTest, ACallbackThatFailsDeletesTheKey) {
    WebhookReceiver callback(1);
    auto answer = Authorize(callback.Url());
    EXPECT_EQ(answer.status, 401);
    EXPECT_NE(answer.body.find("<title>Access denied</title>"), std::string::npos);
    EXPECT_NE(answer.body.find("Error: An error occurred in the request and at the time were "
                               "unable to send the consumer data."),
              std::string::npos);
    auto received = callback.WaitFor(1);
    ASSERT_EQ(received.size(), 1U);
    const json::value keys = json::parse(received[0].body);
    WooClient client(sandbox_, site_);
    client.SetKeys(std::string(keys.at("consumer_key").as_string()),
                   std::string(keys.at("consumer_secret").as_string()));
    EXPECT_EQ(client.Get("/wc/v3/orders").body.at("message"), "Consumer key is invalid.");
}

TEST_F(WooKeyExchangeTest, ValidatesScopeAndTheCallbackScheme) {
    auto scope = Authorize("https://app.example/cb", "admin");
    EXPECT_EQ(scope.status, 401);
    EXPECT_NE(scope.body.find("Error: Invalid scope admin."), std::string::npos);
    WooSiteInfo strict = CreateWooSite(sandbox_, {{"site", "strict-woo"}});
    auto http = HttpCall(sandbox_.Port(),
                         "GET",
                         "/woocommerce/strict-woo/wc-auth/v1/authorize?app_name=a&scope=read"
                         "&user_id=1&return_url=https%3A%2F%2Fa.example&callback_url=" +
                             Rfc3986("http://127.0.0.1:9/cb"));
    EXPECT_EQ(http.status, 401);
    EXPECT_NE(http.body.find("Error: The callback_url needs to be over SSL."), std::string::npos);
    auto missing = HttpCall(sandbox_.Port(), "GET", "/woocommerce/strict-woo/wc-auth/v1/authorize");
    EXPECT_NE(missing.body.find("Error: Missing parameter app_name."), std::string::npos);
}

}  // namespace
}  // namespace scs::testing
