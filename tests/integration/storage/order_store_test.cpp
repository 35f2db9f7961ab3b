#include <algorithm>
#include <latch>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "order_fixture.hpp"
#include "storage_backend.hpp"

namespace scs::testing {
namespace {

constexpr int64_t kT0 = 1'767'300'000'000;

// A migrated database of the parameter's dialect per test, with a pool of 4 connections.
class OrderStoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        StorageConfig config;
        config.pool_size = 4;
        database_ = test_db_->OpenMigrated(config);
        ASSERT_NE(database_, nullptr);
    }

    void TearDown() override {
        database_.reset();
        test_db_.reset();
    }

    SqlExecutor& Executor() { return database_->Executor(); }

    UpsertOutcome UpsertOk(const Order& order, int64_t now_ms) {
        auto outcome = UpsertInTx(Executor(), order, FromUnixMillis(now_ms));
        EXPECT_TRUE(outcome) << outcome.error().message;
        return outcome.value_or(UpsertOutcome{});
    }

    StoredOrder GetOk(const std::string& seller, const std::string& id) {
        auto order = GetOrder(Executor(), seller, id);
        EXPECT_TRUE(order && *order) << (order ? "not found" : order.error().message);
        return order && *order ? **order : StoredOrder{};
    }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
};

int64_t BodyVersion(const std::string& body) {
    return boost::json::parse(body).at("version").as_int64();
}

TEST_P(OrderStoreTest, VersionRisesOnlyWhenContentChangesAndStaleUpdatesAreDropped) {
    const Order first = MakeOrder("s1", 7, "1001", kT0);
    const UpsertOutcome created = UpsertOk(first, kT0 + 10);
    EXPECT_EQ(created.result, UpsertResult::kCreated);
    EXPECT_EQ(created.version, 1);
    EXPECT_EQ(BodyVersion(created.body_json), 1);
    EXPECT_NE(created.body_json.find(FormatRfc3339(FromUnixMillis(kT0 + 10))), std::string::npos);

    const UpsertOutcome same = UpsertOk(first, kT0 + 20);
    EXPECT_EQ(same.result, UpsertResult::kUnchanged);
    EXPECT_EQ(same.version, 1);
    EXPECT_EQ(ToUnixMillis(same.received_at), kT0 + 10);
    EXPECT_TRUE(same.body_json.empty());

    const UpsertOutcome updated = UpsertOk(MakeOrder("s1", 7, "1001", kT0 + 5, "gift"), kT0 + 30);
    EXPECT_EQ(updated.result, UpsertResult::kUpdated);
    EXPECT_EQ(updated.version, 2);
    EXPECT_EQ(BodyVersion(updated.body_json), 2);

    const UpsertOutcome stale = UpsertOk(MakeOrder("s1", 7, "1001", kT0 + 1, "older"), kT0 + 40);
    EXPECT_EQ(stale.result, UpsertResult::kStale);
    EXPECT_EQ(stale.version, 2);
    EXPECT_TRUE(stale.body_json.empty());

    const StoredOrder stored = GetOk("s1", first.id);
    EXPECT_EQ(stored.version, 2);
    EXPECT_EQ(stored.body_json, updated.body_json);
    EXPECT_EQ(ToUnixMillis(stored.stored_at), kT0 + 30);
    EXPECT_EQ(ToUnixMillis(stored.updated_at), kT0 + 5);
    EXPECT_EQ(stored.connection_id, 7);
    EXPECT_EQ(stored.external_id, "1001");
}

TEST_P(OrderStoreTest, ReadsAreScopedBySellerAndFoundByExternalId) {
    const Order order = MakeOrder("s1", 7, "1001", kT0);
    UpsertOk(order, kT0);
    auto other = GetOrder(Executor(), "s2", order.id);
    ASSERT_TRUE(other);
    EXPECT_FALSE(other->has_value());
    auto found = TransactValue<std::optional<StoredOrder>>(
        Executor(), TxMode::kRead, [](SqlSession& session) {
            return FindOrderByExternalId(session, 7, "1001");
        });
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->id, order.id);
    auto missing = TransactValue<std::optional<StoredOrder>>(
        Executor(), TxMode::kRead, [](SqlSession& session) {
            return FindOrderByExternalId(session, 8, "1001");
        });
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->has_value());
}

TEST_P(OrderStoreTest, AnOrderWithoutItsIdentityIsRefused) {
    Order order = MakeOrder("s1", 7, "1001", kT0);
    order.external_id.clear();
    EXPECT_TRUE(FailedWith(
        UpsertInTx(Executor(), order, FromUnixMillis(kT0)), ErrorCode::kBadRequest, "external_id"));
}

// Counts what concurrent upserts of one order reported, across threads.
struct Tally {
    std::mutex mutex;
    std::map<UpsertResult, int> results;
    std::multiset<int64_t> new_versions;  // versions reported as created or updated
    std::vector<std::string> errors;

    void Add(const Result<UpsertOutcome>& outcome) {
        std::lock_guard lock(mutex);
        if (!outcome) {
            errors.push_back(outcome.error().message);
            return;
        }
        ++results[outcome->result];
        if (!outcome->body_json.empty()) {
            new_versions.insert(outcome->version);
        }
    }
};

TEST_P(OrderStoreTest, ConcurrentUpsertsOfOneOrderMakeOneVersionPerContent) {
    constexpr int kThreads = 4;
    constexpr int kContents = 6;
    Tally tally;
    for (int step = 0; step < kContents; ++step) {
        const Order order = MakeOrder("s1", 7, "race", kT0 + step, "note " + std::to_string(step));
        std::latch start(kThreads);
        std::vector<std::thread> threads;
        threads.reserve(kThreads);
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                tally.Add(
                    UpsertInTx(Executor(), order, FromUnixMillis(kT0 + (int64_t{step} * 100) + t)));
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
    }
    EXPECT_TRUE(tally.errors.empty()) << tally.errors.front();
    EXPECT_EQ(tally.results[UpsertResult::kCreated], 1);
    EXPECT_EQ(tally.results[UpsertResult::kUpdated], kContents - 1);
    EXPECT_EQ(tally.results[UpsertResult::kUnchanged], (kThreads - 1) * kContents);
    EXPECT_EQ(tally.results[UpsertResult::kStale], 0);
    std::multiset<int64_t> expected;
    for (int v = 1; v <= kContents; ++v) {
        expected.insert(v);
    }
    EXPECT_EQ(tally.new_versions, expected);
    EXPECT_EQ(GetOk("s1", MakeOrder("s1", 7, "race", kT0).id).version, kContents);
}

std::vector<std::string> ListAllIds(SqlExecutor& executor, OrderListQuery query, int* pages) {
    std::vector<std::string> ids;
    for (*pages = 0; *pages < 100; ++*pages) {
        auto page = ListOrders(executor, query);
        EXPECT_TRUE(page) << page.error().message;
        if (!page) {
            break;
        }
        for (const auto& order : page->orders) {
            ids.push_back(order.id);
        }
        if (page->next_cursor.empty()) {
            ++*pages;
            break;
        }
        query.cursor = page->next_cursor;
    }
    return ids;
}

TEST_P(OrderStoreTest, PagingReturnsEveryOrderOnceInStoredOrder) {
    std::vector<std::pair<int, std::string>> expected;  // (stored_at group, id)
    for (int i = 0; i < 23; ++i) {
        // Groups of three share a stored_at, so the id breaks ties inside a page boundary.
        const Order order = MakeOrder("s1", 7 + (i % 2), "o" + std::to_string(100 + i), kT0);
        UpsertOk(order, kT0 + (int64_t{i / 3} * 1000));
        expected.emplace_back(i / 3, order.id);
    }
    UpsertOk(MakeOrder("s2", 9, "other", kT0), kT0);
    int pages = 0;
    OrderListQuery query{"s1", std::nullopt, std::nullopt, "", 5};
    const auto ids = ListAllIds(Executor(), query, &pages);
    EXPECT_EQ(pages, 5);
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> expected_ids;
    expected_ids.reserve(expected.size());
    for (const auto& entry : expected) {
        expected_ids.push_back(entry.second);
    }
    EXPECT_EQ(ids, expected_ids);

    query.connection_id = 8;
    EXPECT_EQ(ListAllIds(Executor(), query, &pages).size(), 11U);
    query.connection_id.reset();
    query.updated_since = FromUnixMillis(kT0 + 6000);  // groups 6 and 7: orders 18-22
    EXPECT_EQ(ListAllIds(Executor(), query, &pages).size(), 5U);
}

TEST_P(OrderStoreTest, ListingRefusesBadLimitsAndCursors) {
    for (const int limit : {0, 201}) {
        auto page = ListOrders(Executor(), {"s1", std::nullopt, std::nullopt, "", limit});
        ASSERT_FALSE(page);
        EXPECT_EQ(page.error().field, "limit");
    }
    for (const std::string cursor : {"!!", "bm8tY29sb24", "eDox"}) {
        auto page = ListOrders(Executor(), {"s1", std::nullopt, std::nullopt, cursor, 10});
        ASSERT_FALSE(page) << cursor;
        EXPECT_EQ(page.error().code, ErrorCode::kBadRequest);
        EXPECT_EQ(page.error().field, "cursor");
    }
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         OrderStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
