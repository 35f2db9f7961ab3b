#include "storage/push_store.hpp"

#include <latch>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "push_fixture.hpp"

namespace scs::testing {
namespace {

using PushStoreTest = MigratedStoreTest;

TEST_P(PushStoreTest, CreatedPushReadsBackWithItsFields) {
    const PushRecord created = CreateOk(MakeOrderPush(7, PushKind::kFulfillment, "key-1"));
    EXPECT_GT(created.id, 0);
    const PushRecord read = GetOk(7, created.id);
    EXPECT_EQ(read.id, created.id);
    EXPECT_EQ(read.connection_id, 7);
    EXPECT_EQ(read.seller_id, "seller-7");
    EXPECT_EQ(read.kind, PushKind::kFulfillment);
    EXPECT_EQ(read.state, PushState::kQueued);
    EXPECT_EQ(read.idempotency_key, "key-1");
    EXPECT_EQ(read.order_external_id, "450789469");
    EXPECT_EQ(read.request_json, R"({"tracking_number":"1Z999","carrier":"UPS"})");
    EXPECT_EQ(read.result_json, "");
    EXPECT_EQ(read.attempts, 0);
    EXPECT_EQ(read.created_at, FromUnixMillis(kPushT0));
    EXPECT_EQ(read.updated_at, FromUnixMillis(kPushT0));
    EXPECT_FALSE(read.finished_at.has_value());
    EXPECT_TRUE(read.items.empty());
    EXPECT_TRUE(FailedWith(GetPush(Executor(), 8, created.id), ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(GetPush(Executor(), 7, created.id + 100), ErrorCode::kNotFound));
}

TEST_P(PushStoreTest, SameKeyFindsTheFirstRecordPerConnectionAndKind) {
    const PushRecord first = CreateOk(MakeOrderPush(7, PushKind::kFulfillment, "key-1"));
    PushRecord repeat = MakeOrderPush(7, PushKind::kFulfillment, "key-1");
    repeat.request_json = R"({"different":true})";
    auto again = Create(repeat, kPushT0 + 1000);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_FALSE(again->created);
    EXPECT_EQ(again->record.id, first.id);
    EXPECT_EQ(again->record.request_json, first.request_json);
    EXPECT_EQ(again->record.created_at, FromUnixMillis(kPushT0));
    // Another kind or another connection may use the same key.
    EXPECT_NE(CreateOk(MakeOrderPush(7, PushKind::kStatus, "key-1")).id, first.id);
    EXPECT_NE(CreateOk(MakeOrderPush(8, PushKind::kFulfillment, "key-1")).id, first.id);
    EXPECT_EQ(QueryInt(Executor(), "SELECT count(*) FROM pushes").value(), 3);
}

TEST_P(PushStoreTest, InventoryPushesWithoutAKeyAreAlwaysNew) {
    const auto a = CreateOk(MakeInventoryPush(7, "", {MakeItem("A", "h1", 1)}));
    const auto b = CreateOk(MakeInventoryPush(7, "", {MakeItem("A", "h1", 2)}));
    EXPECT_NE(a.id, b.id);
    EXPECT_EQ(GetOk(7, b.id).idempotency_key, "");
    auto keyed = Create(MakeInventoryPush(7, "k", {MakeItem("B", "h1", 1)}));
    ASSERT_TRUE(keyed);
    auto repeated = Create(MakeInventoryPush(7, "k", {MakeItem("B", "h1", 9)}));
    ASSERT_TRUE(repeated);
    EXPECT_FALSE(repeated->created);
    EXPECT_EQ(repeated->record.id, keyed->record.id);
    ASSERT_EQ(repeated->record.items.size(), 1U);
    EXPECT_EQ(repeated->record.items.front().quantity, 1);  // nothing of the repeat was written
    EXPECT_EQ(QueryInt(Executor(), "SELECT count(*) FROM push_items").value(), 3);
}

TEST_P(PushStoreTest, RejectsIncompletePushes) {
    EXPECT_TRUE(FailedWith(Create(MakeInventoryPush(7, "k", {})), ErrorCode::kBadRequest));
    PushRecord with_items = MakeOrderPush(7, PushKind::kStatus, "k");
    with_items.items.push_back(MakeItem("A", "h1", 1));
    EXPECT_TRUE(FailedWith(Create(with_items), ErrorCode::kBadRequest));
    PushRecord no_seller = MakeOrderPush(7, PushKind::kStatus, "k");
    no_seller.seller_id.clear();
    EXPECT_TRUE(FailedWith(Create(no_seller), ErrorCode::kBadRequest));
}

// Threads racing to create one push with one key end with one record, which all of them return.
TEST_P(PushStoreTest, ConcurrentCreatesWithOneKeyMakeOneRecord) {
    constexpr int kThreads = 4;
    std::latch start(kThreads);
    std::mutex mutex;
    std::vector<std::pair<int64_t, bool>> outcomes;
    std::vector<std::string> errors;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            auto created = Create(
                MakeInventoryPush(7, "race", {MakeItem("A", "h" + std::to_string(i), i + 1)}));
            std::lock_guard lock(mutex);
            if (created) {
                outcomes.emplace_back(created->record.id, created->created);
            } else {
                errors.push_back(created.error().message);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_TRUE(errors.empty()) << errors.front();
    ASSERT_EQ(outcomes.size(), size_t{kThreads});
    int creators = 0;
    for (const auto& [id, created] : outcomes) {
        EXPECT_EQ(id, outcomes.front().first);
        creators += created ? 1 : 0;
    }
    EXPECT_EQ(creators, 1);
    EXPECT_EQ(QueryInt(Executor(), "SELECT count(*) FROM pushes").value(), 1);
    EXPECT_EQ(QueryInt(Executor(), "SELECT count(*) FROM push_items").value(), 1);
    EXPECT_EQ(QueryInt(Executor(), "SELECT count(*) FROM inventory_pending").value(), 1);
}

TEST_P(PushStoreTest, StartNoteAndFinishRecordTheAttempts) {
    const int64_t id = CreateOk(MakeOrderPush(7, PushKind::kStatus, "k")).id;
    ASSERT_TRUE(Succeeded(StartPush(Executor(), id, FromUnixMillis(kPushT0 + 1))));
    ASSERT_TRUE(Succeeded(
        NotePush(Executor(), id, R"({"job":"gid://1"})", "timeout", FromUnixMillis(kPushT0 + 2))));
    PushRecord running = GetOk(7, id);
    EXPECT_EQ(running.state, PushState::kRunning);
    EXPECT_EQ(running.attempts, 1);
    EXPECT_EQ(running.result_json, R"({"job":"gid://1"})");
    EXPECT_EQ(running.error, "timeout");
    EXPECT_EQ(running.updated_at, FromUnixMillis(kPushT0 + 2));
    EXPECT_FALSE(running.finished_at.has_value());
    ASSERT_TRUE(Succeeded(StartPush(Executor(), id, FromUnixMillis(kPushT0 + 3))));
    const PushFinish finish{PushState::kFailed, R"({"errors":1})", "ORDER_NOT_FOUND", "gone"};
    ASSERT_TRUE(Succeeded(FinishPush(Executor(), id, finish, FromUnixMillis(kPushT0 + 4))));
    const PushRecord failed = GetOk(7, id);
    EXPECT_EQ(failed.state, PushState::kFailed);
    EXPECT_EQ(failed.attempts, 2);
    EXPECT_EQ(failed.result_json, R"({"errors":1})");
    EXPECT_EQ(failed.error_code, "ORDER_NOT_FOUND");
    EXPECT_EQ(failed.error, "gone");
    EXPECT_EQ(failed.finished_at, FromUnixMillis(kPushT0 + 4));
    EXPECT_TRUE(
        FailedWith(StartPush(Executor(), id + 9, FromUnixMillis(kPushT0)), ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(NotePush(Executor(), id + 9, "", "", FromUnixMillis(kPushT0)),
                           ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(FinishPush(Executor(), id + 9, {}, FromUnixMillis(kPushT0)),
                           ErrorCode::kNotFound));
    EXPECT_TRUE(FailedWith(
        FinishPush(Executor(), id, {PushState::kRunning, "", "", ""}, FromUnixMillis(kPushT0)),
        ErrorCode::kBadRequest));
}

std::vector<int64_t> Ids(const Result<std::vector<PushRecord>>& pushes) {
    EXPECT_TRUE(pushes) << pushes.error().message;
    std::vector<int64_t> ids;
    for (const auto& push : pushes.value_or(std::vector<PushRecord>{})) {
        ids.push_back(push.id);
    }
    return ids;
}

TEST_P(PushStoreTest, ListsNewestFirstWithFiltersAndPaging) {
    const int64_t a = CreateOk(MakeInventoryPush(7, "a", {MakeItem("A", "h1", 1)})).id;
    const int64_t b = CreateOk(MakeOrderPush(7, PushKind::kFulfillment, "b")).id;
    CreateOk(MakeOrderPush(8, PushKind::kFulfillment, "other"));
    const int64_t c = CreateOk(MakeOrderPush(7, PushKind::kStatus, "c")).id;
    ASSERT_TRUE(Succeeded(FinishPush(Executor(), c, {}, FromUnixMillis(kPushT0))));
    EXPECT_EQ(Ids(ListPushes(Executor(), {7, {}, {}, {}, 50})), (std::vector<int64_t>{c, b, a}));
    EXPECT_EQ(Ids(ListPushes(Executor(), {7, {}, {}, {}, 2})), (std::vector<int64_t>{c, b}));
    EXPECT_EQ(Ids(ListPushes(Executor(), {7, {}, {}, b, 2})), (std::vector<int64_t>{a}));
    EXPECT_EQ(Ids(ListPushes(Executor(), {7, PushKind::kFulfillment, {}, {}, 50})),
              (std::vector<int64_t>{b}));
    EXPECT_EQ(Ids(ListPushes(Executor(), {7, {}, PushState::kQueued, {}, 50})),
              (std::vector<int64_t>{b, a}));
    auto listed = ListPushes(Executor(), {7, PushKind::kInventory, {}, {}, 50});
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1U);
    ASSERT_EQ(listed->front().items.size(), 1U);  // with items
    EXPECT_EQ(listed->front().items.front().sku, "A");
    for (const int limit : {0, 201}) {
        auto bad = ListPushes(Executor(), {7, {}, {}, {}, limit});
        ASSERT_FALSE(bad);
        EXPECT_EQ(bad.error().field, "limit");
    }
}

// Migration 0007 reverts and re-applies cleanly with data in its tables.
TEST_P(PushStoreTest, PushMigrationRoundTrips) {
    CreateOk(MakeInventoryPush(7, "a", {MakeItem("A", "h1", 1)}));
    Migrator& migrator = database_->Migrations();
    ASSERT_EQ(migrator.Latest(), 7);
    ASSERT_TRUE(Succeeded(migrator.Down(1)));
    EXPECT_EQ(migrator.Current().value(), (SchemaVersion{6, false}));
    const std::vector<std::string> tables{
        "listings", "pushes", "push_items", "inventory_pending", "inventory_ledger"};
    for (const auto& table : tables) {
        EXPECT_FALSE(TableExists(Executor(), table)) << table;
    }
    EXPECT_TRUE(TableExists(Executor(), "orders"));
    ASSERT_TRUE(Succeeded(migrator.Up()));
    for (const auto& table : tables) {
        EXPECT_TRUE(TableExists(Executor(), table)) << table;
    }
    CreateOk(MakeInventoryPush(7, "a", {MakeItem("A", "h1", 1)}));
}

TEST(PushNamesTest, NamesRoundTrip) {
    for (const auto kind : {PushKind::kInventory, PushKind::kFulfillment, PushKind::kStatus}) {
        EXPECT_EQ(ParsePushKind(PushKindName(kind)), kind);
    }
    for (const auto state : {PushState::kQueued,
                             PushState::kRunning,
                             PushState::kDone,
                             PushState::kFailed,
                             PushState::kSkipped}) {
        EXPECT_EQ(ParsePushState(PushStateName(state)), state);
    }
    for (const auto state : {PushItemState::kQueued,
                             PushItemState::kDone,
                             PushItemState::kSkipped,
                             PushItemState::kCoalesced,
                             PushItemState::kFailed}) {
        EXPECT_EQ(ParsePushItemState(PushItemStateName(state)), state);
    }
    EXPECT_EQ(PushKindName(PushKind::kFulfillment), "fulfillment");
    EXPECT_EQ(PushItemStateName(PushItemState::kCoalesced), "coalesced");
    EXPECT_FALSE(ParsePushKind("refund").has_value());
    EXPECT_FALSE(ParsePushState("").has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         PushStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
