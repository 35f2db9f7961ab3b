// Host faults of the WooCommerce sandbox (platform notes B7): a WAF's 429/503 with or without
// Retry-After and HTML bodies, 500s, cut-short lists, and the webhook knobs.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "woocommerce_test_support.hpp"

namespace scs::testing {
namespace {

class WooKnobsTest : public ::testing::Test {
protected:
    void SetKnobs(const std::string& knobs) {
        auto set = Control(sandbox_, site_, "PATCH", "/knobs", knobs);
        ASSERT_EQ(set.status, 200) << set.raw.body;
    }

    SandboxFixture sandbox_;
    WooSiteInfo site_ = CreateWooSite(sandbox_, {{"site", "knobs-woo"}, {"orders", 12}});
    WooClient client_{sandbox_, site_};
};

TEST_F(WooKnobsTest, ExactlyOne429ThenSuccess) {
    SetKnobs(R"({"rate_limit":"429","rate_limit_count":1,"retry_after":2})");
    auto limited = client_.Get("/wc/v3/orders");
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.raw.Header("Retry-After"), "2");
    EXPECT_EQ(client_.Get("/wc/v3/orders").status, 200);
    EXPECT_EQ(client_.Get("/wc/v3/orders").status, 200);
    auto stats = Control(sandbox_, site_, "GET", "/stats");
    EXPECT_EQ(stats.body.at("faults"), 1);
    EXPECT_EQ(stats.body.at("by_route").at("GET /wc/v3/orders").at("200"), 2);
}

TEST_F(WooKnobsTest, LetsSomeThroughThenRefusesEveryNthWithHtml) {
    SetKnobs(R"({"rate_limit":"503","rate_limit_remaining_ok":1,"rate_limit_every":2,)"
             R"("html_errors":true})");
    EXPECT_EQ(client_.Get("/wc/v3/orders").status, 200);
    EXPECT_EQ(client_.Get("/wc/v3/orders").status, 200);
    auto refused = client_.Get("/wc/v3/orders");
    EXPECT_EQ(refused.status, 503);
    EXPECT_FALSE(refused.raw.Header("Retry-After").has_value());
    EXPECT_TRUE(refused.body.is_null()) << "an HTML page, not JSON";
    EXPECT_NE(refused.raw.body.find("503 Service Unavailable"), std::string::npos);
    EXPECT_EQ(client_.Get("/wc/v3/orders").status, 200);
    SetKnobs(R"({"rate_limit":""})");
    EXPECT_EQ(client_.Get("/wc/v3/orders").status, 200);
}

TEST_F(WooKnobsTest, ErrorRateAndMalformedLists) {
    SetKnobs(R"({"error_rate":1})");
    auto failed = client_.Get("/wc/v3/orders/1001");
    EXPECT_EQ(failed.status, 500);
    EXPECT_EQ(failed.body.at("code"), "internal_server_error");
    SetKnobs(R"({"error_rate":0,"malformed_json":true})");
    auto cut = client_.Get("/wc/v3/orders");
    EXPECT_EQ(cut.status, 200);
    EXPECT_TRUE(cut.body.is_null()) << "the list is cut short";
    EXPECT_TRUE(client_.Get("/wc/v3/orders/1001").body.is_object()) << "single objects stay whole";
    auto bad = Control(sandbox_, site_, "PATCH", "/knobs", R"({"rate_limit":"418"})");
    EXPECT_EQ(bad.status, 400);
}

TEST_F(WooKnobsTest, DuplicateAndSameSecondDeliveryIds) {
    WebhookReceiver receiver;
    for (const char* topic : {"order.created", "order.updated"}) {
        client_.Call("POST",
                     "/wc/v3/webhooks",
                     R"({"topic":")" + std::string(topic) + R"(","delivery_url":")" +
                         receiver.Url() + R"("})");
    }
    receiver.WaitFor(2);
    SetKnobs(R"({"duplicate_webhooks":true,"same_second_delivery_ids":true})");
    ASSERT_EQ(Control(sandbox_, site_, "POST", "/orders", "{}").status, 201);
    auto hooks = receiver.WaitFor(6);
    ASSERT_EQ(hooks.size(), 6U) << "created and updated, each twice";
    std::set<std::string> topics;
    std::set<std::string> ids_of_created;
    for (size_t i = 2; i < hooks.size(); ++i) {
        topics.insert(hooks[i].headers["x-wc-webhook-topic"]);
        if (hooks[i].headers["x-wc-webhook-topic"] == "order.created") {
            ids_of_created.insert(hooks[i].headers["x-wc-webhook-delivery-id"]);
        }
    }
    EXPECT_EQ(topics.size(), 2U);
    EXPECT_EQ(ids_of_created.size(), 1U);
    SetKnobs(R"({"duplicate_webhooks":false,"drop_webhooks":true})");
    ASSERT_EQ(Control(sandbox_, site_, "POST", "/orders", "{}").status, 201);
    const auto state = Control(sandbox_, site_, "GET", "/webhooks");
    size_t dropped = 0;
    for (const auto& entry : state.body.at("deliveries").as_array()) {
        dropped += entry.at("outcome") == "dropped" ? 1 : 0;
    }
    EXPECT_EQ(dropped, 1U) << "the created webhook's delivery of the new order";
}

}  // namespace
}  // namespace scs::testing
