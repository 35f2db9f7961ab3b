#pragma once

#include "core/time.hpp"
#include "state/state_store.hpp"
#include "storage/sql.hpp"

namespace scs {

// The StateStore of the embedded default: the state_* tables of migrations/sqlite/0002_state in
// the service's SQLite file. Every change runs in a write transaction (BEGIN IMMEDIATE), which
// SQLite serialises across all processes sharing the file, so draws and acquires are atomic
// there too. "Now" comes from `time`, so tests control expiry and refill. Holds references to
// `executor` and `time`, which must outlive it. Thread-safe (the executor pools connections).
class SqliteStateStore final : public StateStore {
public:
    SqliteStateStore(SqlExecutor& executor, const TimeSource& time);

    [[nodiscard]] Result<bool> TryAcquireLease(std::string_view key,
                                               std::string_view owner,
                                               std::chrono::milliseconds ttl) override;
    [[nodiscard]] Result<bool> RenewLease(std::string_view key,
                                          std::string_view owner,
                                          std::chrono::milliseconds ttl) override;
    [[nodiscard]] Status ReleaseLease(std::string_view key, std::string_view owner) override;
    [[nodiscard]] Result<std::optional<LeaseInfo>> GetLease(std::string_view key) override;

    [[nodiscard]] Status SetLastSync(int64_t connection_id,
                                     std::string_view entity,
                                     TimePoint at) override;
    [[nodiscard]] Result<std::optional<TimePoint>> GetLastSync(int64_t connection_id,
                                                               std::string_view entity) override;

    [[nodiscard]] Result<BucketResult> TryTake(std::string_view bucket,
                                               double capacity,
                                               double refill_per_second,
                                               double tokens) override;

    [[nodiscard]] Result<bool> TryLock(std::string_view key,
                                       std::string_view owner,
                                       std::chrono::milliseconds ttl) override;
    [[nodiscard]] Status Unlock(std::string_view key, std::string_view owner) override;

private:
    // Leases and locks share one table; `kind` ("lease" or "lock") keeps their keys apart.
    Result<bool> Acquire(std::string_view kind,
                         std::string_view key,
                         std::string_view owner,
                         std::chrono::milliseconds ttl);
    Status Release(std::string_view kind, std::string_view key, std::string_view owner);

    int64_t NowMillis() const { return ToUnixMillis(time_.Now()); }

    SqlExecutor& executor_;
    const TimeSource& time_;
};

}  // namespace scs
