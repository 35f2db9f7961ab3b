#include <atomic>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "storage_backend.hpp"

namespace scs::testing {
namespace {

constexpr int kThreads = 8;
constexpr int kCreatesPerThread = 25;
constexpr size_t kTotal = size_t{kThreads} * kCreatesPerThread;

// A migrated database whose pool (4) is smaller than the number of writer threads (8).
class ConcurrencyTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        config_.pool_size = 4;  // fewer connections than threads: callers queue for the pool
        database_ = test_db_->OpenMigrated(config_);
        ASSERT_NE(database_, nullptr);
    }

    StorageConfig config_;
    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
};

// Collects failures from worker threads; assertions happen on the test thread.
class Failures {
public:
    void Add(const Error& error) {
        std::lock_guard lock(mutex_);
        messages_.push_back(error.message);
    }

    std::vector<std::string> Take() {
        std::lock_guard lock(mutex_);
        return std::move(messages_);
    }

private:
    std::mutex mutex_;
    std::vector<std::string> messages_;
};

void CreateMany(Database& database, const std::string& prefix, Failures& failures) {
    for (int i = 0; i < kCreatesPerThread; ++i) {
        auto created = database.Connections().Create(
            MakeConnection("seller", "shopify", prefix + "-" + std::to_string(i)));
        if (!created) {
            failures.Add(created.error());
        }
    }
}

void ExpectAllDistinct(const std::vector<Connection>& connections, size_t expected) {
    ASSERT_EQ(connections.size(), expected);
    std::set<int64_t> ids;
    std::set<std::string> stores;
    for (const Connection& connection : connections) {
        ids.insert(connection.id);
        stores.insert(connection.store_id);
    }
    EXPECT_EQ(ids.size(), expected);
    EXPECT_EQ(stores.size(), expected);
}

TEST_P(ConcurrencyTest, ConcurrentCreatesLoseNothing) {
    Failures failures;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(
            [&, t] { CreateMany(*database_, "store-" + std::to_string(t), failures); });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.Take(), std::vector<std::string>{});
    auto listed = database_->Connections().ListBySeller("seller");
    ASSERT_TRUE(listed) << listed.error().message;
    ExpectAllDistinct(*listed, kTotal);
}

TEST_P(ConcurrencyTest, RacingCreatesOfOneStoreHaveExactlyOneWinner) {
    std::latch start(kThreads);
    std::atomic<int> created{0};
    std::atomic<int> conflicts{0};
    Failures failures;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            start.arrive_and_wait();
            auto result =
                database_->Connections().Create(MakeConnection("s", "salla", "contested"));
            if (result) {
                ++created;
            } else if (result.error().code == ErrorCode::kConflict) {
                ++conflicts;
            } else {
                failures.Add(result.error());
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.Take(), std::vector<std::string>{});
    EXPECT_EQ(created.load(), 1);
    EXPECT_EQ(conflicts.load(), kThreads - 1);
}

// Two Database objects on one database stand in for two processes writing at once.
TEST_P(ConcurrencyTest, TwoDatabasesWritingAtOnceLoseNothing) {
    auto other = test_db_->Open(config_);
    ASSERT_TRUE(other) << other.error().message;
    Failures failures;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        Database* database = t % 2 == 0 ? database_.get() : other->get();
        threads.emplace_back([&failures, database, t] {
            CreateMany(*database, "store-" + std::to_string(t), failures);
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.Take(), std::vector<std::string>{});
    for (Database* database : {database_.get(), other->get()}) {
        auto listed = database->Connections().ListBySeller("seller");
        ASSERT_TRUE(listed) << listed.error().message;
        ExpectAllDistinct(*listed, kTotal);
    }
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         ConcurrencyTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
