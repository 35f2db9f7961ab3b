#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"
#include "state/state_store.hpp"

namespace scs {

// A store's GraphQL point bucket (standard plan: 2000 points, 100 per second).
struct ShopifyBucketSettings {
    double capacity = 2000;
    double restore_rate = 100;
};

// What Shopify reported in extensions.cost after a call.
struct ShopifyCostReport {
    std::optional<double> actual_cost;  // null when the call was throttled
    double currently_available = 0;
    double maximum_available = 0;
    double restore_rate = 0;
};

// One connector's view of a store's SHARED point budget: the token bucket "shopify:<shop>" in
// the StateStore, which every worker and process calling that store draws from, so together
// they stay under Shopify's limit. A call draws its estimated (requested) cost before it is
// made; Shopify refunds requested - actual afterwards, which this object keeps as a local credit
// usable while the shared bucket is still below capacity. Settle() then re-syncs with Shopify's
// own figure, draining the shared bucket when Shopify reports less than it holds.
// Without a StateStore it grants every draw (Shopify's THROTTLED answers still pace the caller).
// Owned by one connector instance; not thread-safe.
class ShopifyCostBudget {
public:
    ShopifyCostBudget(StateStore* state,
                      std::string shop_domain,
                      ShopifyBucketSettings settings,
                      const TimeSource& clock);

    // Draws `cost` points (capped at the capacity): zero when granted, else how long until the
    // shared bucket can grant it (nothing drawn). kUnavailable when the StateStore fails.
    [[nodiscard]] Result<std::chrono::milliseconds> TryDraw(double cost);

    // Accounts for the answer of the call that followed the last granted draw.
    void Settle(const ShopifyCostReport& report);

    double Credit() const { return CreditValid() ? credit_ : 0; }

    const std::string& Bucket() const { return bucket_; }

private:
    bool CreditValid() const;
    void Drain(double points);

    StateStore* state_;
    std::string bucket_;
    ShopifyBucketSettings settings_;
    const TimeSource& clock_;
    double last_draw_ = 0;
    double credit_ = 0;
    TimePoint credit_until_{};
};

}  // namespace scs
