// Several relays, each with its own connection pool (as separate processes would have), share
// one outbox: every row is claimed and sent by exactly one of them.
#include <atomic>
#include <latch>
#include <map>
#include <set>
#include <thread>

#include "outbox_env.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;

constexpr int kRows = 500;
constexpr int kRelays = 4;

using OutboxRelayConcurrencyTest = OutboxTest;

// Runs passes until nothing is pending (or a minute passed); records failures.
void Drain(OutboxRelay& relay, std::latch& start, std::atomic<int>& failures) {
    start.arrive_and_wait();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < deadline) {
        auto pending = relay.PendingCount();
        if (!pending || *pending == 0) {
            failures += pending ? 0 : 1;
            EXPECT_TRUE(pending) << pending.error().message;
            return;
        }
        auto sent = relay.RunOnce();
        if (!sent) {
            ADD_FAILURE() << sent.error().message;
            ++failures;
            return;
        }
        if (*sent == 0) {
            // The rest is claimed by the others: back off as the relay's own poll would, so
            // four idle relays do not crowd SQLite's single writer.
            std::this_thread::sleep_for(milliseconds(5));
        }
    }
    ADD_FAILURE() << "rows still pending after a minute";
    ++failures;
}

TEST_P(OutboxRelayConcurrencyTest, SeveralRelaysSendEachRowExactlyOnce) {
    // The queue lives in a file of its own: in the outbox's SQLite file, one relay's sends would
    // hold the single write lock nearly all the time and keep the others from ever claiming.
    auto queue_env = TestQueues::Create(QueueBackend::kSqlite);
    ASSERT_TRUE(queue_env);
    auto queue = queue_env->Open(TestQueues::UniqueQueueName(false));
    RecordingQueue oms(*queue);
    Append(NumberedMessages("oms-orders", kRows, 7));
    // Four writers on one SQLite file under a sanitizer build can wait long for the lock.
    StorageConfig config;
    config.busy_timeout = std::chrono::seconds(30);
    std::vector<std::unique_ptr<Database>> databases;
    std::vector<std::unique_ptr<OutboxRelay>> relays;
    for (int i = 0; i < kRelays; ++i) {
        auto database = env_->OpenDatabase(config);
        ASSERT_TRUE(database) << database.error().message;
        OutboxRelayOptions options = RelayOptions("relay-" + std::to_string(i));
        options.batch_size = 25;
        // A send the busy queue refuses is retried at once: the clock here never moves.
        options.retry_backoff = milliseconds(0);
        std::map<std::string, Queue*, std::less<>> queues{{"oms-orders", &oms}};
        relays.push_back(std::make_unique<OutboxRelay>(
            (*database)->Executor(), queues, env_->Clock(), metrics_, options));
        databases.push_back(std::move(*database));
    }

    std::latch start(kRelays);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    threads.reserve(relays.size());
    for (auto& relay : relays) {
        threads.emplace_back([&, r = relay.get()] { Drain(*r, start, failures); });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    ASSERT_EQ(failures.load(), 0);

    // Each row sent once: the claims kept the relays apart. (The queue's dedup would hide a
    // double send from a consumer, so the sends are counted here.)
    const auto sent = oms.Sent();
    EXPECT_EQ(sent.size(), static_cast<size_t>(kRows));
    std::set<std::string> dedup_ids;
    for (const OutgoingMessage& message : sent) {
        dedup_ids.insert(message.dedup_id);
    }
    EXPECT_EQ(dedup_ids.size(), static_cast<size_t>(kRows));

    std::map<std::string, int> per_relay;
    int64_t failed_attempts = 0;
    const auto rows = Rows();
    ASSERT_EQ(rows.size(), static_cast<size_t>(kRows));
    for (const OutboxRow& row : rows) {
        EXPECT_TRUE(row.sent_at) << row.id;
        ++per_relay[row.claimed_by.value_or("(none)")];
        failed_attempts += row.attempts;
    }
    // Every other call was a send the queue refused, recorded on its row.
    EXPECT_EQ(oms.Calls(), kRows + failed_attempts);
    EXPECT_GE(per_relay.size(), 2U) << "the relays did not overlap";
    EXPECT_EQ(per_relay.count("(none)"), 0U);
    EXPECT_EQ(MetricValue(metrics_, R"(scs_outbox_published_total{queue="oms-orders"})"),
              static_cast<double>(kRows));

    relays.clear();
    databases.clear();
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         OutboxRelayConcurrencyTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         OutboxDialectName);

}  // namespace
}  // namespace scs::testing
