#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "connectors/connector.hpp"

namespace scs::testing {

// A store's push-back side in memory, for the push jobs' own logic (the Shopify sandbox is
// tested elsewhere): stock levels with compare-and-set and idempotency-key replay, fulfilments
// found again by tracking number, and cancels that finish on a later call. Failures can be
// injected before a call or after its effect (a lost answer). Thread-safe.
class FakePushPlatform {
public:
    struct Shipment {
        std::string id;
        std::string order;
        std::string tracking_number;
    };

    void SetLevel(const InventoryKey& key, std::optional<int64_t> available);
    std::optional<int64_t> Level(const InventoryKey& key) const;
    // A sale in the store: the level drops without the OMS knowing.
    void Sell(const InventoryKey& key, int64_t units);

    // The next `count` calls of any push method fail with `code`; with `after_effect` the call
    // takes effect first (the answer is lost, as when the job is killed after the call).
    void FailNext(int count, ErrorCode code, bool after_effect = false);

    // Orders that exist, each with `units` left to fulfil.
    void AddOrder(const std::string& order, int64_t units);

    // Cancels finish after this many ChangeOrderStatus calls (0: at once).
    void SetCancelDelay(int calls) { cancel_delay_ = calls; }

    std::vector<InventorySetBatch> SetCalls() const;
    int AppliedSets() const;  // SetInventory calls that changed levels (not replays)
    std::vector<Shipment> Shipments() const;
    std::vector<OrderStatusRequest> StatusCalls() const;
    std::set<std::string> Cancelled() const;

    Result<std::map<InventoryKey, InventoryLevelRead>> Read(const std::vector<InventoryKey>& keys);
    Result<std::vector<InventorySetResult>> Set(const InventorySetBatch& batch);
    Result<FulfillmentResult> Fulfil(const FulfillmentRequest& request);
    Result<OrderStatusResult> ChangeStatus(const OrderStatusRequest& request);

private:
    // The injected failure for this call, if any; `after_effect` says when it applies.
    std::optional<Error> TakeFailure(bool after_effect);

    mutable std::mutex mutex_;
    std::map<InventoryKey, std::optional<int64_t>> levels_;
    std::map<std::string, std::vector<InventorySetResult>> replies_;  // by idempotency key
    std::vector<InventorySetBatch> set_calls_;
    int applied_sets_ = 0;
    int fail_count_ = 0;
    ErrorCode fail_code_ = ErrorCode::kUnavailable;
    bool fail_after_effect_ = false;
    std::map<std::string, int64_t> unfulfilled_;
    std::vector<Shipment> shipments_;
    std::vector<OrderStatusRequest> status_calls_;
    std::set<std::string> cancelled_;
    int cancel_delay_ = 0;
};

// A Connector over a shared FakePushPlatform ("good" access token only).
ConnectorPtr MakeFakePushConnector(std::shared_ptr<FakePushPlatform> platform);

}  // namespace scs::testing
