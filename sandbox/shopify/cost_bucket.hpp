#pragma once

#include <chrono>
#include <cstdint>

// Shopify's GraphQL leaky point bucket for one store (platform notes A7.2): `capacity` points,
// refilled at `restore_rate` points per second; a request is charged its requested cost up front
// and refunded down to its actual cost afterwards. Pure logic with the time passed in; not
// thread-safe (the owning store locks it).
namespace scs::sandbox {

using SteadyTime = std::chrono::steady_clock::time_point;

struct BucketStatus {
    double maximum_available = 0;
    double currently_available = 0;
    double restore_rate = 0;
};

class CostBucket {
public:
    CostBucket(double capacity, double restore_rate, SteadyTime now);

    // Charges `cost` when the bucket holds that many points; false (nothing charged) otherwise.
    bool TryCharge(int64_t cost, SteadyTime now);

    // Gives back `points` after a request cost less than it was charged.
    void Refund(int64_t points);

    BucketStatus Status(SteadyTime now);

private:
    void Restore(SteadyTime now);

    double capacity_;
    double restore_rate_;
    double available_;
    SteadyTime updated_;
};

}  // namespace scs::sandbox
