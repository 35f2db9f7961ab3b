#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "state/state_store.hpp"
#include "storage/database.hpp"
#include "support/test_env.hpp"

namespace scs::testing {

enum class StateBackend { kSqlite, kRedis };

// "sqlite" / "redis", for parameterised test names.
std::string StateBackendName(const ::testing::TestParamInfo<StateBackend>& info);

// A clock that moves only when told to.
class FakeTimeSource final : public TimeSource {
public:
    TimePoint Now() const override { return FromUnixMillis(now_ms_.load()); }

    void Advance(std::chrono::milliseconds d) { now_ms_ += d.count(); }

private:
    std::atomic<int64_t> now_ms_{1'700'000'000'000};
};

// A store with whatever keeps it alive: the SQLite database it runs on, and its clock.
struct OpenedStore {
    std::unique_ptr<Database> database;  // SQLite only
    SystemTimeSource clock;
    std::unique_ptr<StateStore> store;  // declared last: destroyed before what it uses
};

// Fresh, empty state of one backend for one test: a migrated SQLite file in a temp directory
// on a FakeTimeSource, or a unique key prefix on TEST_REDIS_URL (its keys deleted on
// destruction) on the Redis server's real clock.
class StateTestBackend {
public:
    // nullptr when the test was skipped (Redis without TEST_REDIS_URL) or setup failed.
    static std::unique_ptr<StateTestBackend> Create(StateBackend backend);
    virtual ~StateTestBackend() = default;

    // The store under test; the same object until CloseStore().
    virtual StateStore& Store() = 0;

    // Lets `d` pass for the store: advances the fake clock, or sleeps on real time.
    virtual void Elapse(std::chrono::milliseconds d) = 0;

    // The store's "now".
    virtual TimePoint Now() const = 0;

    // True when time moves only through Elapse, so amounts can be asserted exactly.
    virtual bool ExactTime() const = 0;

    // Another store on the same state with its own connections and the real clock, as a second
    // process would open it. Call it in the child after fork().
    virtual Result<std::unique_ptr<OpenedStore>> OpenRealTimeStore() const = 0;

    // Closes Store()'s connections, so no SQLite handle crosses a fork().
    virtual void CloseStore() = 0;
};

// The parameterised fixture: Store() for the backend in GetParam(), skipped when unavailable.
class StateStoreTest : public ::testing::TestWithParam<StateBackend> {
protected:
    void SetUp() override;

    StateStore& Store() { return backend_->Store(); }

    std::unique_ptr<StateTestBackend> backend_;
};

// Deletes every Redis key under `prefix` (test clean-up); fails the test when it cannot.
void DeleteRedisKeys(const std::string& url, const std::string& prefix);

// Polls `condition` every few milliseconds until it holds or `timeout` passes.
bool Eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(5));

// Success when `status` failed with `code`; otherwise says what happened.
::testing::AssertionResult FailedWith(const Status& status, ErrorCode code);

template <class T>
::testing::AssertionResult FailedWith(const Result<T>& result, ErrorCode code) {
    if (result) {
        return ::testing::AssertionFailure() << "succeeded";
    }
    return FailedWith(Status(tl::unexpected(result.error())), code);
}

// The value of a successful result; otherwise fails the test and returns T{}.
template <class T>
T Value(const Result<T>& result) {
    if (!result) {
        ADD_FAILURE() << "failed with " << ErrorCodeName(result.error().code) << ": "
                      << result.error().message;
        return T{};
    }
    return *result;
}

}  // namespace scs::testing
