#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"

namespace scs {

// Who holds a lease or lock, and until when.
struct LeaseInfo {
    std::string owner;
    TimePoint expires_at;
};

// The outcome of one token-bucket draw.
struct BucketResult {
    bool granted = false;
    // Zero when granted; otherwise how long until the bucket holds the requested tokens.
    std::chrono::milliseconds retry_after{0};
    // Tokens left after the draw (or, when refused, tokens there now).
    double remaining = 0;
};

// Shared, fast-changing state that every process of one deployment must agree on: sync leases,
// last-sync times, rate budgets and single-flight locks. Implemented on SQLite (the embedded
// default) and Redis (production); both pass tests/integration/state/. Each operation is atomic
// across threads and processes. Created by the composition root, which outlives every user.
// Thread-safe. Errors: kUnavailable when the backing store cannot be reached or is busy.
class StateStore {
public:
    virtual ~StateStore() = default;

    // Leases: the "sync in progress" flag, with a TTL so a crashed worker cannot hold it forever.
    // Acquires `key` for `owner` for `ttl`: true when it was free, expired, or already held by
    // `owner` (then the TTL restarts from now); false when another owner holds it.
    [[nodiscard]] virtual Result<bool> TryAcquireLease(std::string_view key,
                                                       std::string_view owner,
                                                       std::chrono::milliseconds ttl) = 0;

    // Restarts the TTL of a lease `owner` holds; false when it is free, expired or someone else's.
    [[nodiscard]] virtual Result<bool> RenewLease(std::string_view key,
                                                  std::string_view owner,
                                                  std::chrono::milliseconds ttl) = 0;

    // Frees a lease. Succeeds when `owner` held it or it is already free (or expired);
    // kConflict, changing nothing, when another owner holds it.
    [[nodiscard]] virtual Status ReleaseLease(std::string_view key, std::string_view owner) = 0;

    // The holder of a live lease; nullopt when free or expired.
    [[nodiscard]] virtual Result<std::optional<LeaseInfo>> GetLease(std::string_view key) = 0;

    // The last time a sync of `entity` ("orders", "products", ...) completed for a connection.
    [[nodiscard]] virtual Status SetLastSync(int64_t connection_id,
                                             std::string_view entity,
                                             TimePoint at) = 0;

    // nullopt when that entity was never synced for the connection.
    [[nodiscard]] virtual Result<std::optional<TimePoint>> GetLastSync(int64_t connection_id,
                                                                       std::string_view entity) = 0;

    // Draws `tokens` from the bucket named `bucket`, which holds at most `capacity` tokens and
    // gains `refill_per_second`; a bucket seen for the first time starts full. Nothing is taken
    // when refused. kBadRequest when tokens > capacity, or a number is negative, not finite,
    // zero where it must be positive (capacity, refill), or above kMaxBucketTokens.
    [[nodiscard]] virtual Result<BucketResult> TryTake(std::string_view bucket,
                                                       double capacity,
                                                       double refill_per_second,
                                                       double tokens) = 0;

    // Single-flight locks (one token refresh per store at a time). Same rules as leases, in a
    // key space of their own: TryLock("k") never conflicts with TryAcquireLease("k").
    [[nodiscard]] virtual Result<bool> TryLock(std::string_view key,
                                               std::string_view owner,
                                               std::chrono::milliseconds ttl) = 0;

    // Same contract as ReleaseLease.
    [[nodiscard]] virtual Status Unlock(std::string_view key, std::string_view owner) = 0;
};

}  // namespace scs
