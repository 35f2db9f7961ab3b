#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "connectors/connector.hpp"
#include "connectors/connector_registry.hpp"
#include "connectors/platform_webhooks.hpp"
#include "integration/sandbox/sandbox_test_support.hpp"
#include "net/http_client.hpp"

// The harness of the connector contract suite (connector_contract_test.cpp): what each
// platform's sandbox offers the shared tests, and a recorder of what a connector did.
namespace scs::testing {

// One answer a connector received: its status and its Retry-After header ("" when none).
struct RecordedAnswer {
    int status = 0;
    std::string retry_after;
};

// Records the waits a connector asks for (its ConnectorDeps::sleep hook) and the answers it
// receives (an HttpClient around libcurl). Owned by a test; the hooks it hands out share its
// state, so they stay valid after it is gone. Thread-safe.
class ContractRecorder {
public:
    // The sleep hook: records the wait and returns at once, or also sleeps when `real` (a
    // sandbox whose budget refills on its own clock needs the time to pass).
    std::function<void(std::chrono::milliseconds)> SleepHook(bool real) const;

    // A libcurl client that records every answer before handing it on.
    std::shared_ptr<HttpClient> HttpClientHook() const;

    std::vector<std::chrono::milliseconds> Sleeps() const;
    std::vector<RecordedAnswer> Answers() const;

private:
    struct Log {
        mutable std::mutex mutex;
        std::vector<std::chrono::milliseconds> sleeps;
        std::vector<RecordedAnswer> answers;
    };

    std::shared_ptr<Log> log_ = std::make_shared<Log>();
};

// How a test wants its connector built (each platform maps these onto its own settings).
struct ContractOptions {
    std::chrono::milliseconds request_timeout{10000};  // one HTTP call
    std::chrono::milliseconds max_wait{5000};          // throttling waited out within one call
};

// The request budget a store starts with, where the platform fixes it at creation (Shopify's
// point bucket); where throttling comes from knobs both are the same.
enum class ContractBudget {
    kAmple,      // paging a few hundred orders never exhausts it
    kThrottled,  // small and refilling within about a second, so the Throttle calls can exhaust it
};

// A new open, paid order the emulator holds, and one of its lines (SKU and units).
struct ContractOrder {
    std::string external_id;
    FulfillmentLine line;
};

// One platform as the contract suite drives it: a store in the shared sandbox, a connector
// aimed at it, a connection's session, its webhook rules, and the faults its emulator injects.
// Call CreateStore first. One per test; not thread-safe.
class ContractPlatform {
public:
    virtual ~ContractPlatform() = default;

    // Creates the store with `orders` seeded orders.
    virtual void CreateStore(int orders, ContractBudget budget) = 0;

    // The platform's connector for the store: ConnectorDeps point at the sandbox, with the
    // recorder's HTTP client and sleep hook and the options' timeout and waiting limit. The hook
    // sleeps for real only where the sandbox's throttling runs on its own clock.
    virtual ConnectorPtr MakeConnector(const ContractOptions& options,
                                       const ContractRecorder& recorder) const = 0;

    // A connection to the store with working credentials (no vault).
    virtual ConnectorSession MakeSession() const = 0;

    // The next call is refused with 429 and a Retry-After of at most ~1 s, and succeeds once the
    // connector has waited that long (a kThrottled store).
    virtual void ThrottleOnce() = 0;

    // Calls are refused with 429 and a Retry-After longer than 100 ms, for longer than a
    // connector allowed to wait 100 ms keeps trying (a kThrottled store).
    virtual void ThrottlePersistently() = 0;

    virtual void FailWithServerErrors() = 0;                           // every call: 5xx
    virtual void DelayAnswers(std::chrono::milliseconds latency) = 0;  // before every answer
    virtual void CutAnswersShort() = 0;                                // bodies end mid-JSON

    // Replaces the session's secret (token, consumer secret) with one the store refuses.
    virtual void BreakCredentials(ConnectorSession& session) const = 0;

    // Creates a new open, paid order through the emulator's control API (which fires the
    // store's order-created webhooks).
    virtual ContractOrder NewOpenOrder() = 0;

    // The location id the store's stock levels are keyed by.
    virtual std::string StockLocation() const = 0;

    // The platform's webhook rules as the service builds them (its module's factory), with no
    // app secret: deliveries must verify with the connection's own credentials.
    virtual std::unique_ptr<PlatformWebhooks> MakeWebhooks() const = 0;
};

// What the sandbox's uniform control API (/_sandbox/stores/{id}/…) gives every platform: the
// fault knobs both emulators share, and a new order from an order body in the platform's shape.
// A platform derives from it and sets store_ in CreateStore.
class SandboxContractPlatform : public ContractPlatform {
public:
    explicit SandboxContractPlatform(SandboxFixture& sandbox) : sandbox_(sandbox) {}

    void FailWithServerErrors() override;
    void DelayAnswers(std::chrono::milliseconds latency) override;
    void CutAnswersShort() override;

protected:
    // PATCH …/knobs; fails the test unless 200.
    void Knobs(const boost::json::object& knobs) const;
    // POST …/orders with `body` ({"order":{…}}); the stored order's id and first line.
    ContractOrder AddOrder(const std::string& body) const;

    SandboxFixture& sandbox_;
    std::string store_;
};

using ContractPlatformFactory = std::function<std::unique_ptr<ContractPlatform>(SandboxFixture&)>;

// One platform of the suite: its name in test names and its factory.
struct ContractCase {
    std::string name;
    ContractPlatformFactory make;
};

// gtest prints a case by its name.
void PrintTo(const ContractCase& contract_case, std::ostream* out);

// Every platform the suite runs (contract_platforms.cpp): a new platform adds one line there and
// its <platform>_contract_platform.cpp.
const std::vector<ContractCase>& ContractPlatforms();

std::unique_ptr<ContractPlatform> MakeShopifyContractPlatform(SandboxFixture& sandbox);
std::unique_ptr<ContractPlatform> MakeWooCommerceContractPlatform(SandboxFixture& sandbox);

}  // namespace scs::testing
