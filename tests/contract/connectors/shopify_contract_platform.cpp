// Shopify in the contract suite: a custom-app store in the sandbox (sandbox/shopify) and the
// GraphQL connector. Throttling is the real mechanism: a small point bucket drained by the
// harness, with the throttle_status knob making THROTTLED answers HTTP 429 with Retry-After.
#include <algorithm>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include "connectors/shopify/shopify_connector.hpp"
#include "connectors/shopify/shopify_module.hpp"
#include "contract_platform.hpp"

namespace scs::testing {
namespace {

namespace json = boost::json;

constexpr const char* kShop = "contract.myshopify.com";
constexpr const char* kToken = "shpat_contract";
constexpr const char* kWebhookSecret = "contract-secret";
constexpr const char* kLocation = "65000000001";  // the seeded Riyadh Warehouse
// kThrottled: 200 points refilling at 200 a second, so a drained bucket asks for < 1 s.
constexpr int kTightBucket = 200;

class ShopifyContractPlatform final : public SandboxContractPlatform {
public:
    explicit ShopifyContractPlatform(SandboxFixture& sandbox) : SandboxContractPlatform(sandbox) {}

    void CreateStore(int orders, ContractBudget budget) override {
        json::object spec{{"shop", kShop},
                          {"access_token", kToken},
                          {"webhook_secret", kWebhookSecret},
                          {"orders", orders}};
        if (budget == ContractBudget::kThrottled) {
            spec["bucket_size"] = kTightBucket;
            spec["restore_rate"] = kTightBucket;
        } else {
            spec["plan"] = "plus";  // 20000 points, 1000 a second
        }
        orders_ = orders;
        budget_ = budget;
        store_ = sandbox_.CreateStore(spec);
    }

    ConnectorPtr MakeConnector(const ContractOptions& options,
                               const ContractRecorder& recorder) const override {
        ConnectorDeps deps;
        deps.base_url = "http://127.0.0.1:" + std::to_string(sandbox_.Port()) + "/shopify/{shop}";
        deps.settings = {{"max_wait_ms", std::to_string(options.max_wait.count())},
                         {"request_timeout_ms", std::to_string(options.request_timeout.count())}};
        if (budget_ == ContractBudget::kThrottled) {
            // The connector sizes its pages to the plan it is told the store has.
            deps.settings["bucket_size"] = std::to_string(kTightBucket);
            deps.settings["restore_rate"] = std::to_string(kTightBucket);
        }
        deps.http = recorder.HttpClientHook();
        // The sandbox's point bucket refills on its own clock: waits have to pass for real.
        deps.sleep = recorder.SleepHook(budget_ == ContractBudget::kThrottled);
        return MakeShopifyConnector(deps);
    }

    ConnectorSession MakeSession() const override {
        ConnectorSession session;
        session.connection.id = 1;
        session.connection.platform = "shopify";
        session.connection.store_id = kShop;
        // A custom app: the store signs its webhooks with the connection's own secret.
        session.credentials = {{"access_token", kToken}, {"webhook_secret", kWebhookSecret}};
        return session;
    }

    // A generated order, made open and paid; its first line.
    ContractOrder NewOpenOrder() override {
        return AddOrder(R"({"order":{"financial_status":"paid",
                                               "fulfillment_status":null,"cancelled_at":null,
                                               "cancel_reason":null,"closed_at":null}})");
    }

    std::string StockLocation() const override { return kLocation; }

    std::unique_ptr<PlatformWebhooks> MakeWebhooks() const override {
        return ShopifyModule().webhooks(ConnectorDeps{});
    }

    void ThrottleOnce() override { DrainBucket(); }

    // The drained bucket asks for ~1 s, beyond the 100 ms such a test lets the connector wait.
    void ThrottlePersistently() override { DrainBucket(); }

    void BreakCredentials(ConnectorSession& session) const override {
        session.credentials["access_token"] = "shpat_revoked";
    }

private:
    // Drains the bucket with queries that cost what they ask for (every order is returned),
    // until the store refuses one with 429.
    void DrainBucket() const {
        Knobs({{"throttle_status", 429}});
        const int first = std::clamp(orders_, 1, 250);
        const std::string query =
            "{ orders(first: " + std::to_string(first) + ") { nodes { id } } }";
        for (int call = 0; call < 1000; ++call) {
            if (sandbox_.Graphql(kShop, kToken, query).status == 429) {
                return;
            }
        }
        ADD_FAILURE() << "the Shopify sandbox never throttled; was the store kThrottled?";
    }

    int orders_ = 0;
    ContractBudget budget_ = ContractBudget::kAmple;
};

}  // namespace

std::unique_ptr<ContractPlatform> MakeShopifyContractPlatform(SandboxFixture& sandbox) {
    return std::make_unique<ShopifyContractPlatform>(sandbox);
}

}  // namespace scs::testing
