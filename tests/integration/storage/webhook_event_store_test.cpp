#include "storage/webhook_event_store.hpp"

#include <gtest/gtest.h>

#include "storage_backend.hpp"

namespace scs::testing {
namespace {

constexpr int64_t kT0 = 1'767'300'000'000;

// A migrated database of the parameter's dialect per test.
class WebhookEventStoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        test_db_ = TestDatabase::Create(GetParam());
        if (!test_db_) {
            return;
        }
        database_ = test_db_->OpenMigrated();
        ASSERT_NE(database_, nullptr);
    }

    void TearDown() override {
        database_.reset();
        test_db_.reset();
    }

    SqlExecutor& Executor() { return database_->Executor(); }

    Result<std::optional<int64_t>> Insert(const WebhookEvent& event) {
        return TransactValue<std::optional<int64_t>>(
            Executor(), TxMode::kWrite, [&](SqlSession& tx) {
                return InsertWebhookEvent(tx, event);
            });
    }

    int64_t InsertOk(const WebhookEvent& event) {
        auto id = Insert(event);
        EXPECT_TRUE(id && *id) << (id ? "duplicate" : id.error().message);
        return id && *id ? **id : 0;
    }

    std::unique_ptr<TestDatabase> test_db_;
    std::unique_ptr<Database> database_;
};

WebhookEvent MakeEvent(int64_t connection_id, const std::string& dedup_key) {
    WebhookEvent event;
    event.platform = "shopify";
    event.connection_id = connection_id;
    event.topic = "orders/updated";
    event.dedup_key = dedup_key;
    event.headers_json = R"({"X-Shopify-Topic":"orders/updated"})";
    event.body = R"({"id":820982911946154508,"note":"هدية"})";
    event.triggered_at = FromUnixMillis(kT0 - 500);
    event.received_at = FromUnixMillis(kT0);
    return event;
}

TEST_P(WebhookEventStoreTest, StoresTheEventByteForByte) {
    const WebhookEvent event = MakeEvent(7, "evt-1");
    const int64_t id = InsertOk(event);
    auto read = GetWebhookEvent(Executor(), id);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->id, id);
    EXPECT_EQ(read->platform, "shopify");
    EXPECT_EQ(read->connection_id, 7);
    EXPECT_EQ(read->topic, event.topic);
    EXPECT_EQ(read->dedup_key, "evt-1");
    EXPECT_EQ(read->headers_json, event.headers_json);
    EXPECT_EQ(read->body, event.body);
    EXPECT_EQ(read->triggered_at, event.triggered_at);
    EXPECT_EQ(read->received_at, event.received_at);
    EXPECT_EQ(read->status, WebhookEventStatus::kReceived);
    EXPECT_EQ(read->attempts, 0);
    EXPECT_FALSE(read->processed_at.has_value());
    EXPECT_TRUE(FailedWith(GetWebhookEvent(Executor(), id + 1000), ErrorCode::kNotFound));
}

TEST_P(WebhookEventStoreTest, DuplicatesAreDroppedWithoutAbortingTheTransaction) {
    const int64_t first = InsertOk(MakeEvent(7, "evt-1"));
    // The duplicate and a new event in one transaction: on PostgreSQL a unique violation would
    // abort it, and the second insert (and the commit) would fail.
    auto ids = TransactValue<std::pair<std::optional<int64_t>, std::optional<int64_t>>>(
        Executor(),
        TxMode::kWrite,
        [](SqlSession& tx) -> Result<std::pair<std::optional<int64_t>, std::optional<int64_t>>> {
            auto duplicate = InsertWebhookEvent(tx, MakeEvent(7, "evt-1"));
            if (!duplicate) {
                return tl::unexpected(duplicate.error());
            }
            auto fresh = InsertWebhookEvent(tx, MakeEvent(7, "evt-2"));
            if (!fresh) {
                return tl::unexpected(fresh.error());
            }
            return std::make_pair(*duplicate, *fresh);
        });
    ASSERT_TRUE(ids) << ids.error().message;
    EXPECT_FALSE(ids->first.has_value());
    ASSERT_TRUE(ids->second.has_value());
    EXPECT_GT(*ids->second, first);
    EXPECT_GT(InsertOk(MakeEvent(8, "evt-1")), 0);  // the key is per connection
    WebhookEvent other_platform = MakeEvent(7, "evt-1");
    other_platform.platform = "woocommerce";
    EXPECT_GT(InsertOk(other_platform), 0);
    EXPECT_EQ(QueryInt(Executor(), "SELECT count(*) FROM webhook_events").value(), 4);
}

TEST_P(WebhookEventStoreTest, MarkRecordsTheOutcome) {
    const int64_t processed = InsertOk(MakeEvent(7, "a"));
    const int64_t failed = InsertOk(MakeEvent(7, "b"));
    const auto now = FromUnixMillis(kT0 + 1000);
    ASSERT_TRUE(Succeeded(
        MarkWebhookEvent(Executor(), processed, WebhookEventStatus::kProcessed, "", now)));
    ASSERT_TRUE(Succeeded(MarkWebhookEvent(
        Executor(), failed, WebhookEventStatus::kFailed, "unknown currency", now)));
    auto done = GetWebhookEvent(Executor(), processed);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, WebhookEventStatus::kProcessed);
    EXPECT_EQ(done->attempts, 1);
    EXPECT_EQ(done->processed_at, now);
    auto bad = GetWebhookEvent(Executor(), failed);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, WebhookEventStatus::kFailed);
    EXPECT_EQ(bad->error, "unknown currency");
    EXPECT_FALSE(bad->processed_at.has_value());
    EXPECT_TRUE(FailedWith(
        MarkWebhookEvent(Executor(), failed + 100, WebhookEventStatus::kIgnored, "", now),
        ErrorCode::kNotFound));
}

std::vector<int64_t> Ids(const Result<std::vector<WebhookEvent>>& events) {
    EXPECT_TRUE(events) << events.error().message;
    std::vector<int64_t> ids;
    for (const auto& event : events.value_or(std::vector<WebhookEvent>{})) {
        ids.push_back(event.id);
    }
    return ids;
}

TEST_P(WebhookEventStoreTest, ListFiltersAndPagesNewestFirst) {
    const int64_t a = InsertOk(MakeEvent(7, "a"));
    const int64_t b = InsertOk(MakeEvent(8, "b"));
    const int64_t c = InsertOk(MakeEvent(7, "c"));
    const int64_t d = InsertOk(MakeEvent(7, "d"));
    ASSERT_TRUE(Succeeded(
        MarkWebhookEvent(Executor(), c, WebhookEventStatus::kFailed, "x", FromUnixMillis(kT0))));
    EXPECT_EQ(Ids(ListWebhookEvents(Executor(), {})), (std::vector<int64_t>{d, c, b, a}));
    EXPECT_EQ(Ids(ListWebhookEvents(Executor(), {7, std::nullopt, std::nullopt, 2})),
              (std::vector<int64_t>{d, c}));
    EXPECT_EQ(Ids(ListWebhookEvents(Executor(), {7, std::nullopt, c, 2})),
              (std::vector<int64_t>{a}));
    EXPECT_EQ(Ids(ListWebhookEvents(
                  Executor(), {std::nullopt, WebhookEventStatus::kReceived, std::nullopt, 50})),
              (std::vector<int64_t>{d, b, a}));
    auto bad = ListWebhookEvents(Executor(), {std::nullopt, std::nullopt, std::nullopt, 201});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "limit");
}

// Migration 0006 (with 0007 above it) reverts and re-applies cleanly with data in its tables.
TEST_P(WebhookEventStoreTest, OrdersMigrationRoundTrips) {
    InsertOk(MakeEvent(7, "a"));
    Migrator& migrator = database_->Migrations();
    ASSERT_EQ(migrator.Latest(), 7);
    ASSERT_TRUE(Succeeded(migrator.Down(2)));
    EXPECT_EQ(migrator.Current().value(), (SchemaVersion{5, false}));
    for (const char* table : {"orders", "sync_runs", "sync_cursors", "webhook_events"}) {
        EXPECT_FALSE(TableExists(Executor(), table)) << table;
    }
    EXPECT_TRUE(TableExists(Executor(), "outbox"));
    ASSERT_TRUE(Succeeded(migrator.Up()));
    for (const char* table : {"orders", "sync_runs", "sync_cursors", "webhook_events"}) {
        EXPECT_TRUE(TableExists(Executor(), table)) << table;
    }
    EXPECT_GT(InsertOk(MakeEvent(7, "a")), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WebhookEventStoreTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace scs::testing
