#include "connectors/woocommerce/woocommerce_rest.hpp"

#include <gtest/gtest.h>

#include "scripted_woocommerce.hpp"
#include "support/inert_state_store.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;
using testing::ScriptedWooHttp;

// Answers TryTake from a script (granted when empty) and records each draw.
class ScriptedBudget final : public testing::InertStateStore {
public:
    Result<BucketResult> TryTake(std::string_view bucket,
                                 double capacity,
                                 double refill_per_second,
                                 double tokens) override {
        draws.push_back({std::string(bucket), capacity, refill_per_second, tokens});
        if (refusals.empty()) {
            return BucketResult{true, milliseconds(0), capacity - tokens};
        }
        const milliseconds wait = refusals.front();
        refusals.erase(refusals.begin());
        return BucketResult{false, wait, 0};
    }

    struct Draw {
        std::string bucket;
        double capacity;
        double refill;
        double tokens;
    };

    std::vector<Draw> draws;
    std::vector<milliseconds> refusals;
};

class WooCommerceRestTest : public ::testing::Test {
protected:
    WooCommerceRest Make(const std::string& store = "https://shop.test",
                         WooCommerceRestSettings settings = {}) {
        WooCommerceRestDeps deps{*http_,
                                 &budget_,
                                 [this](milliseconds wait) { slept_.push_back(wait); },
                                 [] {
                                     return OAuthStamp{"nonce1", 1772359200};
                                 }};
        return WooCommerceRest(std::move(deps), settings, store, {"ck_key", "cs_secret_value"});
    }

    std::shared_ptr<ScriptedWooHttp> http_ = std::make_shared<ScriptedWooHttp>();
    ScriptedBudget budget_;
    std::vector<milliseconds> slept_;
};

TEST_F(WooCommerceRestTest, SendsBasicAuthToAnHttpsStoreAndReadsTheJson) {
    http_->AddJson(boost::json::array{1, 2}, {{"X-WP-TotalPages", "7"}});
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders", {{"per_page", "2"}});
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(reply->body, (boost::json::array{1, 2}));
    EXPECT_EQ(reply->TotalPages(), 7);
    const auto& sent = http_->requests.at(0);
    EXPECT_EQ(sent.url, "https://shop.test/wp-json/wc/v3/orders?per_page=2");
    EXPECT_EQ(sent.method, "GET");
    EXPECT_TRUE(sent.public_only);
    ASSERT_FALSE(sent.headers.empty());
    EXPECT_EQ(sent.headers[0].first, "Authorization");
    EXPECT_EQ(sent.headers[0].second.rfind("Basic ", 0), 0U);
}

TEST_F(WooCommerceRestTest, SignsEveryAttemptToAnHttpStoreWithOAuth) {
    http_->Add(429, "{}", {{"Retry-After", "2"}});
    http_->AddJson(boost::json::object{{"id", 5}});
    auto rest = Make("http://127.0.0.1:9000/woocommerce/demo");
    auto reply = rest.Put("/wp-json/wc/v3/orders/5", boost::json::object{{"status", "completed"}});
    ASSERT_TRUE(reply) << reply.error().message;
    ASSERT_EQ(http_->requests.size(), 2U);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(http_->Param(i, "oauth_consumer_key"), "ck_key");
        EXPECT_EQ(http_->Param(i, "oauth_signature_method"), "HMAC-SHA256");
        EXPECT_NE(http_->Param(i, "oauth_signature"), "<absent>");
        EXPECT_EQ(http_->requests[i].body, R"({"status":"completed"})");
    }
    EXPECT_EQ(slept_, (std::vector<milliseconds>{milliseconds(2000)}));
}

TEST_F(WooCommerceRestTest, QueryAuthPutsTheKeyInTheQuery) {
    http_->AddJson(boost::json::array{});
    WooCommerceRestSettings settings;
    settings.https_auth = WooCommerceHttpsAuth::kQuery;
    auto rest = Make("https://shop.test", settings);
    ASSERT_TRUE(rest.Get("/wp-json/wc/v3/orders"));
    EXPECT_EQ(http_->Param(0, "consumer_key"), "ck_key");
    EXPECT_EQ(http_->Param(0, "consumer_secret"), "cs_secret_value");
}

TEST_F(WooCommerceRestTest, WaitsOut503WithoutRetryAfterByBackoffThenIsRateLimited) {
    for (int i = 0; i < 4; ++i) {
        http_->Add(503, "{}");
    }
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(reply.error().retry_after, std::chrono::seconds(8));
    EXPECT_EQ(
        slept_,
        (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000), milliseconds(4000)}));
    EXPECT_EQ(http_->requests.size(), 4U);
}

TEST_F(WooCommerceRestTest, ARetryAfterBeyondTheWaitLimitFailsAtOnceWithIt) {
    http_->Add(503, "<html>maintenance</html>", {{"Retry-After", "600"}});
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(reply.error().retry_after, std::chrono::seconds(600));
    EXPECT_TRUE(slept_.empty());
}

TEST_F(WooCommerceRestTest, DrawsEachRequestFromTheStoresSharedBudget) {
    budget_.refusals = {milliseconds(200), milliseconds(300)};
    http_->AddJson(boost::json::array{});
    WooCommerceRestSettings settings;
    settings.requests_per_second = 2;
    settings.burst = 4;
    auto rest = Make("https://shop.test", settings);
    ASSERT_TRUE(rest.Get("/wp-json/wc/v3/orders"));
    ASSERT_EQ(budget_.draws.size(), 3U);
    EXPECT_EQ(budget_.draws[0].bucket, "woocommerce:https://shop.test");
    EXPECT_EQ(budget_.draws[0].capacity, 4);
    EXPECT_EQ(budget_.draws[0].refill, 2);
    EXPECT_EQ(budget_.draws[0].tokens, 1);
    EXPECT_EQ(slept_, (std::vector<milliseconds>{milliseconds(200), milliseconds(300)}));
}

TEST_F(WooCommerceRestTest, ASpentBudgetBeyondTheWaitLimitIsRateLimited) {
    budget_.refusals = {milliseconds(40000)};
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(reply.error().retry_after, std::chrono::seconds(40));
    EXPECT_TRUE(http_->requests.empty());
}

TEST_F(WooCommerceRestTest, RejectedCredentialsCarryWooCommercesMessageButNoSecret) {
    http_->Add(401,
               R"({"code":"woocommerce_rest_authentication_error","message":)"
               R"("Consumer secret is invalid: cs_secret_value","data":{"status":401}})",
               {{"Content-Type", "application/json; charset=UTF-8"}});
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kInvalidCredentials);
    EXPECT_NE(reply.error().message.find("woocommerce_rest_authentication_error"),
              std::string::npos);
    EXPECT_NE(reply.error().message.find("Consumer secret is invalid"), std::string::npos);
    EXPECT_EQ(reply.error().message.find("cs_secret_value"), std::string::npos);
}

TEST_F(WooCommerceRestTest, AStrippedAuthorizationHeaderGetsAHint) {
    http_->Add(401,
               R"({"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list )"
               R"(resources.","data":{"status":401}})");
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kInvalidCredentials);
    EXPECT_NE(reply.error().message.find("https_auth: query"), std::string::npos);
}

TEST_F(WooCommerceRestTest, MapsStatusesToTheConnectorErrors) {
    const std::vector<std::pair<int, ErrorCode>> cases = {{403, ErrorCode::kInvalidCredentials},
                                                          {404, ErrorCode::kNotFound},
                                                          {400, ErrorCode::kBadRequest},
                                                          {409, ErrorCode::kConflict},
                                                          {413, ErrorCode::kPayloadTooLarge},
                                                          {500, ErrorCode::kUnavailable},
                                                          {502, ErrorCode::kUnavailable},
                                                          {301, ErrorCode::kBadRequest}};
    for (const auto& [status, code] : cases) {
        http_->Add(status, R"({"code":"some_code","message":"words"})");
        auto rest = Make();
        auto reply = rest.Get("/wp-json/wc/v3/orders");
        ASSERT_FALSE(reply) << status;
        EXPECT_EQ(reply.error().code, code) << status;
    }
}

TEST_F(WooCommerceRestTest, HtmlFromAFirewallIsUnavailableEvenAs403Or200) {
    for (int status : {500, 403, 200}) {
        http_->Add(status,
                   "<html><body>Access denied by the firewall</body></html>",
                   {{"Content-Type", "text/html"}});
        auto rest = Make();
        auto reply = rest.Get("/wp-json/wc/v3/orders");
        ASSERT_FALSE(reply) << status;
        EXPECT_EQ(reply.error().code, ErrorCode::kUnavailable) << status;
    }
}

TEST_F(WooCommerceRestTest, MalformedJsonOn200IsAnInvalidPayload) {
    http_->Add(200, R"([{"id":1},{"id":)");
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kInvalidPayload);
}

TEST_F(WooCommerceRestTest, AByteOrderMarkBeforeTheJsonIsTolerated) {
    http_->Add(200, "\xEF\xBB\xBF[1]");
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_TRUE(reply) << reply.error().message;
    EXPECT_EQ(reply->body, boost::json::array{1});
}

TEST_F(WooCommerceRestTest, TransportTimeoutsPassThrough) {
    http_->AddError(Error{ErrorCode::kTimeout, "timed out", {}, std::nullopt});
    auto rest = Make();
    auto reply = rest.Get("/wp-json/wc/v3/orders");
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().code, ErrorCode::kTimeout);
}

TEST_F(WooCommerceRestTest, ExchangeHandsBackA404ForTheCallerToRead) {
    http_->Add(404, R"({"code":"rest_no_route","message":"No route was found."})");
    auto rest = Make();
    auto reply = rest.Exchange("GET", "/wp-json/wc-shipment-tracking/v3/orders/1/x", {}, {});
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 404);
    EXPECT_EQ(reply->error_code, "rest_no_route");
}

TEST(WooIntTest, ReadsIntegersAndDigitTextButNotDoubles) {
    const auto object = boost::json::parse(
        R"({"a":12,"b":"34","c":1.5,"d":null,"e":"x","f":18446744073709551615})");
    EXPECT_EQ(WooInt(object, "a"), 12);
    EXPECT_EQ(WooInt(object, "b"), 34);
    EXPECT_EQ(WooInt(object, "c"), std::nullopt);
    EXPECT_EQ(WooInt(object, "d"), std::nullopt);
    EXPECT_EQ(WooInt(object, "e"), std::nullopt);
    EXPECT_EQ(WooInt(object, "f"), std::nullopt);
    EXPECT_EQ(WooInt(object, "missing"), std::nullopt);
    EXPECT_EQ(WooString(object, "b"), "34");
    EXPECT_EQ(WooString(object, "a"), "");
}

}  // namespace
}  // namespace scs
