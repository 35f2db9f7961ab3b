#include "connectors/shopify/shopify_cost_budget.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace scs {

ShopifyCostBudget::ShopifyCostBudget(StateStore* state,
                                     std::string shop_domain,
                                     ShopifyBucketSettings settings,
                                     const TimeSource& clock)
    : state_(state),
      bucket_("shopify:" + std::move(shop_domain)),
      settings_(settings),
      clock_(clock) {}

bool ShopifyCostBudget::CreditValid() const {
    return credit_ > 0 && clock_.Now() < credit_until_;
}

Result<std::chrono::milliseconds> ShopifyCostBudget::TryDraw(double cost) {
    cost = std::min(cost, settings_.capacity);
    const double use = std::min(Credit(), cost);
    const double take = cost - use;
    if (state_ != nullptr && take > 0) {
        auto drawn =
            state_->TryTake(bucket_, settings_.capacity, settings_.restore_rate, std::ceil(take));
        if (!drawn) {
            return tl::unexpected(drawn.error());
        }
        if (!drawn->granted) {
            return std::max(drawn->retry_after, std::chrono::milliseconds(1));
        }
    }
    credit_ = CreditValid() ? credit_ - use : 0;
    last_draw_ = cost;
    return std::chrono::milliseconds(0);
}

void ShopifyCostBudget::Settle(const ShopifyCostReport& report) {
    // A throttled call was charged nothing, so the whole draw comes back as credit.
    const double refund = std::max(0.0, last_draw_ - report.actual_cost.value_or(0));
    last_draw_ = 0;
    if (state_ == nullptr) {
        return;
    }
    auto shared = state_->TryTake(bucket_, settings_.capacity, settings_.restore_rate, 0);
    if (!shared) {
        return;  // a failing StateStore shows on the next draw
    }
    credit_ = Credit() + refund;
    // The shared bucket under-counts by credit_ only until it refills to capacity.
    const double headroom = settings_.capacity - shared->remaining - credit_;
    const auto valid_ms = std::llround(std::max(0.0, headroom) / settings_.restore_rate * 1000.0);
    credit_until_ = clock_.Now() + std::chrono::milliseconds(valid_ms);
    const double believed = shared->remaining + credit_;
    if (report.currently_available >= believed) {
        return;
    }
    double excess = believed - report.currently_available;
    const double from_credit = std::min(credit_, excess);
    credit_ -= from_credit;
    excess -= from_credit;
    if (excess > 0) {
        Drain(std::min(excess, shared->remaining));
    }
}

void ShopifyCostBudget::Drain(double points) {
    if (points < 1) {
        return;
    }
    // Best effort: another worker may have drawn meanwhile, and then the bucket is lower anyway.
    static_cast<void>(
        state_->TryTake(bucket_, settings_.capacity, settings_.restore_rate, std::floor(points)));
}

}  // namespace scs
