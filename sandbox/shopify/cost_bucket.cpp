#include "sandbox/shopify/cost_bucket.hpp"

#include <algorithm>

namespace scs::sandbox {

CostBucket::CostBucket(double capacity, double restore_rate, SteadyTime now)
    : capacity_(capacity), restore_rate_(restore_rate), available_(capacity), updated_(now) {}

bool CostBucket::TryCharge(int64_t cost, SteadyTime now) {
    Restore(now);
    if (available_ < static_cast<double>(cost)) {
        return false;
    }
    available_ -= static_cast<double>(cost);
    return true;
}

void CostBucket::Refund(int64_t points) {
    available_ = std::min(capacity_, available_ + static_cast<double>(points));
}

BucketStatus CostBucket::Status(SteadyTime now) {
    Restore(now);
    return BucketStatus{capacity_, available_, restore_rate_};
}

void CostBucket::Restore(SteadyTime now) {
    if (now <= updated_) {
        return;
    }
    const std::chrono::duration<double> elapsed = now - updated_;
    available_ = std::min(capacity_, available_ + elapsed.count() * restore_rate_);
    updated_ = now;
}

}  // namespace scs::sandbox
