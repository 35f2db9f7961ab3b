#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "state/state_store.hpp"

namespace scs::testing {

// A StateStore that grants every lease, lock and draw and remembers nothing: a unit test derives
// from it and overrides only the calls it scripts or records.
class InertStateStore : public StateStore {
public:
    Result<bool> TryAcquireLease(std::string_view,
                                 std::string_view,
                                 std::chrono::milliseconds) override {
        return true;
    }

    Result<bool> RenewLease(std::string_view,
                            std::string_view,
                            std::chrono::milliseconds) override {
        return true;
    }

    Status ReleaseLease(std::string_view, std::string_view) override { return {}; }

    Result<std::optional<LeaseInfo>> GetLease(std::string_view) override { return std::nullopt; }

    Status SetLastSync(int64_t, std::string_view, TimePoint) override { return {}; }

    Result<std::optional<TimePoint>> GetLastSync(int64_t, std::string_view) override {
        return std::nullopt;
    }

    Result<BucketResult> TryTake(std::string_view, double, double, double) override {
        return BucketResult{true, std::chrono::milliseconds(0), 0};
    }

    Result<bool> TryLock(std::string_view, std::string_view, std::chrono::milliseconds) override {
        return true;
    }

    Status Unlock(std::string_view, std::string_view) override { return {}; }
};

}  // namespace scs::testing
