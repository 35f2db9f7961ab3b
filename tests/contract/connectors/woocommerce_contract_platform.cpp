// WooCommerce in the contract suite: a plain-http site in the sandbox (sandbox/woocommerce,
// OAuth 1.0a signed requests) and the REST connector. Throttling is the host's WAF knob
// (rate_limit with retry_after), which counts refusals rather than time, so no wait is real.
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "connectors/woocommerce/woocommerce_connector.hpp"
#include "connectors/woocommerce/woocommerce_module.hpp"
#include "contract_platform.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kSite = "contract-woo";
constexpr const char* kConsumerKey = "ck_0123456789abcdef0123456789abcdef01234567";
constexpr const char* kConsumerSecret = "cs_0123456789abcdef0123456789abcdef01234567";

class WooCommerceContractPlatform final : public SandboxContractPlatform {
public:
    explicit WooCommerceContractPlatform(SandboxFixture& sandbox)
        : SandboxContractPlatform(sandbox) {}

    // The budget is the same either way: WooCommerce itself has no rate limit, its host's is a
    // knob.
    void CreateStore(int orders, ContractBudget /*budget*/) override {
        const json::object spec{{"platform", "woocommerce"},
                                {"site", kSite},
                                {"consumer_key", kConsumerKey},
                                {"consumer_secret", kConsumerSecret},
                                {"orders", orders},
                                {"ssl", false}};
        const auto created = sandbox_.Call("POST", "/_sandbox/stores", json::serialize(spec));
        ASSERT_EQ(created.status, 201) << created.raw.body;
        store_ = std::string(created.body.at("id").as_string());
        store_url_ = std::string(created.body.at("base_url").as_string());
    }

    ConnectorPtr MakeConnector(const ContractOptions& options,
                               const ContractRecorder& recorder) const override {
        ConnectorDeps deps;
        deps.settings = {{"allow_private_addresses", "true"},  // the sandbox is on loopback
                         {"max_wait_ms", std::to_string(options.max_wait.count())},
                         {"request_timeout_ms", std::to_string(options.request_timeout.count())}};
        deps.http = recorder.HttpClientHook();
        deps.sleep = recorder.SleepHook(false);
        return MakeWooCommerceConnector(deps);
    }

    ConnectorSession MakeSession() const override {
        ConnectorSession session;
        session.connection.id = 2;
        session.connection.platform = "woocommerce";
        session.connection.store_id = store_url_;
        session.credentials = {{"consumer_key", kConsumerKey},
                               {"consumer_secret", kConsumerSecret}};
        return session;
    }

    void ThrottleOnce() override {
        Knobs({{"rate_limit", "429"}, {"retry_after", 1}, {"rate_limit_count", 1}});
    }

    void ThrottlePersistently() override {
        Knobs({{"rate_limit", "429"}, {"retry_after", 60}, {"rate_limit_count", 0}});
    }

    void BreakCredentials(ConnectorSession& session) const override {
        session.credentials["consumer_secret"] = "cs_ffffffffffffffffffffffffffffffffffffffff";
    }

    // The generated order's lines, as a processing (paid) order.
    ContractOrder NewOpenOrder() override {
        return AddOrder(R"({"order":{"status":"processing"}})");
    }

    // WooCommerce has no locations: one stock pool per site.
    std::string StockLocation() const override { return "store"; }

    std::unique_ptr<PlatformWebhooks> MakeWebhooks() const override {
        return WooCommerceModule().webhooks(ConnectorDeps{});
    }

private:
    std::string store_url_;
};

}  // namespace

std::unique_ptr<ContractPlatform> MakeWooCommerceContractPlatform(SandboxFixture& sandbox) {
    return std::make_unique<WooCommerceContractPlatform>(sandbox);
}

}  // namespace scs::testing
