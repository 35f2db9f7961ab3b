// WooCommerce REST authentication in the sandbox: OAuth 1.0a over plain HTTP (signed by the
// tests' own signer), Basic and query keys on an "SSL" site, exact WordPress error bodies, key
// permissions and a host that strips the Authorization header.
#include <gtest/gtest.h>

#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

class WooAuthTest : public ::testing::Test {
protected:
    JsonResult Raw(const std::string& target,
                   const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return sandbox_.Call("GET", target, {}, headers);
    }

    SandboxFixture sandbox_;
    WooSiteInfo plain_ = CreateWooSite(sandbox_, {{"site", "plain"}, {"orders", 3}});
    WooSiteInfo ssl_ = CreateWooSite(sandbox_, {{"site", "secure"}, {"orders", 3}, {"ssl", true}});
};

TEST_F(WooAuthTest, AcceptsOAuthOverPlainHttpAndRejectsReplays) {
    WooClient client(sandbox_, plain_);
    EXPECT_EQ(client.Get("/wc/v3/orders").status, 200);
    const std::string target = client.SignedTarget("GET", "/wc/v3/orders?per_page=2");
    EXPECT_EQ(Raw(target).status, 200);
    auto replay = Raw(target);
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(replay.raw.body,
              R"({"code":"woocommerce_rest_authentication_error","message":"Invalid nonce - nonce )"
              R"(has already been used.","data":{"status":401}})");
}

TEST_F(WooAuthTest, AcceptsTheSignatureInAnAuthorizationHeader) {
    WooClient client(sandbox_, plain_);
    const std::string target = client.SignedTarget("GET", "/wc/v3/orders");
    const std::string query = target.substr(target.find('?') + 1);
    std::string header = "OAuth ";
    for (const auto& [name, value] : QueryParams("?" + query)) {
        header += name + "=\"" + Rfc3986(value) + "\", ";
    }
    auto answer = Raw("/woocommerce/plain/wp-json/wc/v3/orders", {{"Authorization", header}});
    EXPECT_EQ(answer.status, 200) << answer.raw.body;
}

TEST_F(WooAuthTest, AcceptsOAuthParamsInAFormBody) {
    WooClient client(sandbox_, plain_);
    const std::string order =
        std::to_string(client.Get("/wc/v3/orders").body.at(0).at("id").as_int64());
    const std::string route = "/wc/v3/orders/" + order + "/notes";
    // Sign note=… with the OAuth params, then send them all as a form body.
    const std::string target = client.SignedTarget("POST", route + "?note=Packed");
    const std::string form = target.substr(target.find('?') + 1);
    auto added = sandbox_.Call("POST",
                               "/woocommerce/plain/wp-json" + route,
                               form,
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
    ASSERT_EQ(added.status, 201) << added.raw.body;
    EXPECT_EQ(added.body.at("note"), "Packed");
}

TEST_F(WooAuthTest, ExplainsBadSignaturesAndUnknownKeys) {
    WooClient client(sandbox_, plain_);
    std::string target = client.SignedTarget("GET", "/wc/v3/orders");
    target += "&per_page=3";  // not covered by the signature
    auto tampered = Raw(target);
    EXPECT_EQ(tampered.status, 401);
    EXPECT_EQ(tampered.raw.body,
              R"({"code":"woocommerce_rest_authentication_error","message":"Invalid signature - )"
              R"(provided signature does not match.","data":{"status":401}})");
    client.SetKeys("ck_unknown", plain_.consumer_secret);
    auto unknown = client.Get("/wc/v3/orders");
    EXPECT_EQ(unknown.body.at("message"), "Consumer key is invalid.");
    auto missing =
        Raw("/woocommerce/plain/wp-json/wc/v3/orders?oauth_consumer_key=" + plain_.consumer_key);
    EXPECT_EQ(missing.body.at("code"), "woocommerce_rest_authentication_missing_parameter");
}

TEST_F(WooAuthTest, BasicAuthOverPlainHttpIsNotEvenTried) {
    WooClient basic(sandbox_, plain_, WooAuth::kBasic);
    auto refused = basic.Get("/wc/v3/orders");
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.raw.body,
              R"({"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list )"
              R"(resources.","data":{"status":401}})");
    EXPECT_FALSE(refused.raw.Header("WWW-Authenticate").has_value());
    auto single = WooClient(sandbox_, plain_, WooAuth::kNone).Get("/wc/v3/orders/1001");
    EXPECT_EQ(single.body.at("message"), "Sorry, you cannot view this resource.");
    auto create = WooClient(sandbox_, plain_, WooAuth::kNone).Call("POST", "/wc/v3/webhooks", "{}");
    EXPECT_EQ(create.body.at("code"), "woocommerce_rest_cannot_create");
}

TEST_F(WooAuthTest, SslSitesTakeBasicOrQueryKeys) {
    EXPECT_EQ(WooClient(sandbox_, ssl_, WooAuth::kBasic).Get("/wc/v3/orders").status, 200);
    EXPECT_EQ(WooClient(sandbox_, ssl_, WooAuth::kQuery).Get("/wc/v3/orders").status, 200);
    WooClient wrong(sandbox_, ssl_, WooAuth::kBasic);
    wrong.SetKeys(ssl_.consumer_key, "cs_wrong");
    auto refused = wrong.Get("/wc/v3/orders");
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.raw.body,
              R"({"code":"woocommerce_rest_authentication_error","message":"Consumer secret is )"
              R"(invalid.","data":{"status":401}})");
    EXPECT_EQ(refused.raw.Header("WWW-Authenticate"),
              "Basic realm=\"WooCommerce API. Use a consumer key in the username field and a "
              "consumer secret in the password field.\"");
}

TEST_F(WooAuthTest, AHostThatStripsAuthorizationLooksUnauthenticated) {
    ASSERT_EQ(Control(sandbox_, ssl_, "PATCH", "/knobs", R"({"strip_authorization":true})").status,
              200);
    auto stripped = WooClient(sandbox_, ssl_, WooAuth::kBasic).Get("/wc/v3/orders");
    EXPECT_EQ(stripped.status, 401);
    EXPECT_EQ(stripped.body.at("code"), "woocommerce_rest_cannot_view");
    // The usual workaround: the keys in the query string.
    EXPECT_EQ(WooClient(sandbox_, ssl_, WooAuth::kQuery).Get("/wc/v3/orders").status, 200);
}

TEST_F(WooAuthTest, EnforcesKeyPermissionsByMethod) {
    SandboxFixture sandbox;
    WooSiteInfo read_only =
        CreateWooSite(sandbox, {{"site", "reader"}, {"orders", 1}, {"permissions", "read"}});
    WooClient client(sandbox, read_only);
    EXPECT_EQ(client.Get("/wc/v3/orders").status, 200);
    auto write = client.Call("PUT", "/wc/v3/orders/1001", R"({"status":"completed"})");
    EXPECT_EQ(write.status, 401);
    EXPECT_EQ(write.body.at("message"), "The API key provided does not have write permissions.");
}

}  // namespace
}  // namespace scs::testing
