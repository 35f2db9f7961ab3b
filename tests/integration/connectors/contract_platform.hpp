#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "../sandbox/sandbox_test_support.hpp"
#include "connectors/connector.hpp"
#include "connectors/connector_registry.hpp"
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

// One platform as the contract suite drives it: a store in the shared sandbox, a connector
// aimed at it, a connection's session, and the faults its emulator injects. Call CreateStore
// first. One per test; not thread-safe.
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
};

using ContractPlatformFactory = std::function<std::unique_ptr<ContractPlatform>(SandboxFixture&)>;

std::unique_ptr<ContractPlatform> MakeShopifyContractPlatform(SandboxFixture& sandbox);
std::unique_ptr<ContractPlatform> MakeWooCommerceContractPlatform(SandboxFixture& sandbox);

}  // namespace scs::testing
