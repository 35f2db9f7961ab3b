#include "state_backend.hpp"

#include <thread>

#include "state/redis/redis_client.hpp"
#include "state/redis/redis_state_store.hpp"
#include "state/sqlite/sqlite_state_store.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace scs::testing {
namespace {

// Opens the SQLite file and its store; migrates when asked to.
Result<std::unique_ptr<OpenedStore>> OpenSqlite(const std::filesystem::path& file,
                                                const TimeSource* clock,
                                                bool migrate) {
    auto database = OpenSqliteDatabase(file, StorageConfig{});
    if (!database) {
        return tl::unexpected(database.error());
    }
    if (migrate) {
        if (auto up = (*database)->Migrations().Up(); !up) {
            return tl::unexpected(up.error());
        }
    }
    auto opened = std::make_unique<OpenedStore>();
    opened->database = std::move(*database);
    SqlExecutor& executor = opened->database->Executor();
    const TimeSource& time = clock != nullptr ? *clock : opened->clock;
    opened->store = std::make_unique<SqliteStateStore>(executor, time);
    return opened;
}

class SqliteBackend final : public StateTestBackend {
public:
    Status Open() {
        auto opened = OpenSqlite(file_, &clock_, true);
        if (!opened) {
            return tl::unexpected(opened.error());
        }
        opened_ = std::move(*opened);
        return {};
    }

    StateStore& Store() override { return *opened_->store; }

    void Elapse(std::chrono::milliseconds d) override { clock_.Advance(d); }

    TimePoint Now() const override { return clock_.Now(); }

    bool ExactTime() const override { return true; }

    Result<std::unique_ptr<OpenedStore>> OpenRealTimeStore() const override {
        return OpenSqlite(file_, nullptr, false);
    }

    void CloseStore() override { opened_.reset(); }

private:
    TempDir dir_;
    std::filesystem::path file_ = dir_.Path() / "state.db";
    FakeTimeSource clock_;
    std::unique_ptr<OpenedStore> opened_;
};

}  // namespace

void DeleteRedisKeys(const std::string& url, const std::string& prefix) {
    auto endpoint = ParseRedisUrl(url);
    auto client = endpoint ? RedisClient::Connect(*endpoint, std::chrono::seconds(2))
                           : Result<RedisClient>(tl::unexpected(endpoint.error()));
    if (!client) {
        ADD_FAILURE() << "cannot clean up redis keys " << prefix << "*: " << client.error().message;
        return;
    }
    std::string cursor = "0";
    do {
        auto page = client->Command({"SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000"});
        if (!page || page->elements.size() != 2) {
            ADD_FAILURE() << "SCAN failed while cleaning up " << prefix;
            return;
        }
        cursor = page->elements[0].text;
        for (const RedisReply& key : page->elements[1].elements) {
            (void)client->Command({"DEL", key.text});
        }
    } while (cursor != "0");
}

namespace {

class RedisBackend final : public StateTestBackend {
public:
    explicit RedisBackend(std::string url) : url_(std::move(url)) {}

    ~RedisBackend() override { DeleteRedisKeys(url_, prefix_); }

    RedisBackend(const RedisBackend&) = delete;
    RedisBackend& operator=(const RedisBackend&) = delete;
    RedisBackend(RedisBackend&&) = delete;
    RedisBackend& operator=(RedisBackend&&) = delete;

    Status Open() {
        auto opened = OpenRealTimeStore();
        if (!opened) {
            return tl::unexpected(opened.error());
        }
        opened_ = std::move(*opened);
        return {};
    }

    StateStore& Store() override { return *opened_->store; }

    void Elapse(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }

    TimePoint Now() const override { return SystemTimeSource().Now(); }

    bool ExactTime() const override { return false; }

    Result<std::unique_ptr<OpenedStore>> OpenRealTimeStore() const override {
        auto store = RedisStateStore::Open(RedisStateConfig{url_, prefix_});
        if (!store) {
            return tl::unexpected(store.error());
        }
        auto opened = std::make_unique<OpenedStore>();
        opened->store = std::move(*store);
        return opened;
    }

    void CloseStore() override { opened_.reset(); }

private:
    std::string url_;
    std::string prefix_ = UniqueName("scs_test_") + ":";
    std::unique_ptr<OpenedStore> opened_;
};

}  // namespace

std::string StateBackendName(const ::testing::TestParamInfo<StateBackend>& info) {
    return info.param == StateBackend::kSqlite ? "sqlite" : "redis";
}

std::unique_ptr<StateTestBackend> StateTestBackend::Create(StateBackend backend) {
    if (backend == StateBackend::kSqlite) {
        auto sqlite = std::make_unique<SqliteBackend>();
        if (auto opened = sqlite->Open(); !opened) {
            ADD_FAILURE() << opened.error().message;
            return nullptr;
        }
        return sqlite;
    }
    const auto url = RequireServer("TEST_REDIS_URL");
    if (!url) {
        return nullptr;
    }
    auto redis = std::make_unique<RedisBackend>(*url);
    if (auto opened = redis->Open(); !opened) {
        ADD_FAILURE() << opened.error().message;
        return nullptr;
    }
    return redis;
}

void StateStoreTest::SetUp() {
    backend_ = StateTestBackend::Create(GetParam());
    if (!backend_) {
        GTEST_SKIP();
    }
}

bool Eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

::testing::AssertionResult FailedWith(const Status& status, ErrorCode code) {
    if (status) {
        return ::testing::AssertionFailure() << "succeeded";
    }
    if (status.error().code != code) {
        return ::testing::AssertionFailure() << "failed with " << ErrorCodeName(status.error().code)
                                             << ": " << status.error().message;
    }
    return ::testing::AssertionSuccess();
}

}  // namespace scs::testing
