// Durable queue throughput: enqueue, and receive + delete, on the SQLite backend (a temp file)
// and on SQS (only when TEST_SQS_ENDPOINT is set, e.g. fauxqs; skipped otherwise).
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>

#include <benchmark/benchmark.h>

#include "jobs/queue_names.hpp"
#include "jobs/sqlite/sqlite_queue.hpp"
#include "jobs/sqs/sqs_admin.hpp"
#include "jobs/sqs/sqs_codec.hpp"
#include "jobs/sqs/sqs_queue.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace scs {
namespace {

constexpr int kGroups = 64;
constexpr int kRefill = 500;
constexpr std::chrono::milliseconds kVisibility{30000};

std::string RandomSuffix() {
    std::mt19937_64 rng{std::random_device{}()};
    return std::to_string(rng() % 1'000'000'000);
}

// The benchmark reads the environment at start-up only and never sets it.
const char* Env(const char* name) {
    return std::getenv(name);  // NOLINT(concurrency-mt-unsafe)
}

std::string EnvOr(const char* name, const char* fallback) {
    const char* value = Env(name);
    return value != nullptr && *value != '\0' ? value : fallback;
}

// One queue under test and what keeps it alive; removes its files or SQS queues at the end.
class BenchQueue {
public:
    BenchQueue() = default;
    BenchQueue(const BenchQueue&) = delete;
    BenchQueue& operator=(const BenchQueue&) = delete;
    BenchQueue(BenchQueue&&) = delete;
    BenchQueue& operator=(BenchQueue&&) = delete;

    ~BenchQueue() {
        queue_.reset();
        database_.reset();
        if (!dir_.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(dir_, ec);
        }
        for (const std::string& name : {name_, DeadLetterQueueName(name_)}) {
            DeleteSqsQueue(name);
        }
    }

    // An empty SQLite queue in a fresh file; the error message on failure.
    std::string OpenSqlite() {
        dir_ = std::filesystem::temp_directory_path() / ("scs-queue-bench-" + RandomSuffix());
        auto database = OpenSqliteDatabase(dir_ / "scs.db", {});
        if (!database) {
            return database.error().message;
        }
        if (auto migrated = (*database)->Migrations().Up(); !migrated) {
            return migrated.error().message;
        }
        database_ = std::move(*database);
        queue_ = std::make_unique<SqliteQueue>(
            database_->Executor(), clock_, QueueOptions{"bench.fifo", 5});
        return {};
    }

    // A fresh FIFO queue on TEST_SQS_ENDPOINT; the error message on failure.
    std::string OpenSqs() {
        const char* endpoint = Env("TEST_SQS_ENDPOINT");
        if (endpoint == nullptr || *endpoint == '\0') {
            return "set TEST_SQS_ENDPOINT to benchmark SQS";
        }
        sqs_.emplace(SqsSettings{endpoint,
                                 EnvOr("AWS_REGION", "us-east-1"),
                                 EnvOr("AWS_ACCESS_KEY_ID", "test"),
                                 EnvOr("AWS_SECRET_ACCESS_KEY", "test"),
                                 std::chrono::seconds(5)});
        name_ = "bench-" + RandomSuffix() + ".fifo";
        if (auto ensured = EnsureSqsQueues(*sqs_, {name_}, 5); !ensured) {
            return ensured.error().message;
        }
        queue_ = std::make_unique<SqsQueue>(*sqs_, clock_, QueueOptions{name_, 5});
        return {};
    }

    Queue& Get() { return *queue_; }

    // Sends `count` messages spread over kGroups groups; false on the first failure.
    bool Fill(int count) {
        for (int i = 0; i < count; ++i, ++sent_) {
            const std::string n = std::to_string(sent_);
            auto sent = queue_->Send(OutgoingMessage{R"({"order_id":")" + n + R"(","version":1})",
                                                     "g" + std::to_string(sent_ % kGroups),
                                                     "d" + n});
            if (!sent) {
                return false;
            }
        }
        return true;
    }

private:
    void DeleteSqsQueue(const std::string& name) {
        if (!sqs_ || name_.empty()) {
            return;
        }
        auto response = sqs_->Call("GetQueueUrl", sqs::EncodeGetQueueUrl(name));
        auto url = response ? sqs::DecodeQueueUrl(*response) : Result<std::string>();
        if (url && !url->empty()) {
            (void)sqs_->Call("DeleteQueue", R"({"QueueUrl":")" + *url + R"("})");
        }
    }

    SystemTimeSource clock_;
    std::filesystem::path dir_;
    std::unique_ptr<Database> database_;
    std::optional<SqsClient> sqs_;
    std::string name_;
    std::unique_ptr<Queue> queue_;
    int64_t sent_ = 0;
};

std::string Open(BenchQueue& bench, bool sqs) {
    return sqs ? bench.OpenSqs() : bench.OpenSqlite();
}

void BenchEnqueue(benchmark::State& state, bool sqs) {
    BenchQueue bench;
    if (const std::string error = Open(bench, sqs); !error.empty()) {
        state.SkipWithError(error.c_str());
        return;
    }
    for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark idiom
        if (!bench.Fill(1)) {
            state.SkipWithError("send failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations());
}

// Each iteration receives one batch (state.range(0) messages at most) and deletes it; the queue
// is refilled, untimed, whenever it runs dry.
void BenchReceiveDelete(benchmark::State& state, bool sqs) {
    BenchQueue bench;
    if (const std::string error = Open(bench, sqs); !error.empty()) {
        state.SkipWithError(error.c_str());
        return;
    }
    const int batch = static_cast<int>(state.range(0));
    int64_t processed = 0;
    for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores): the benchmark idiom
        auto received = bench.Get().Receive(batch, std::chrono::milliseconds(0), kVisibility);
        if (!received) {
            state.SkipWithError(received.error().message.c_str());
            return;
        }
        for (const ReceivedMessage& message : *received) {
            if (!bench.Get().Delete(message.receipt)) {
                state.SkipWithError("delete failed");
                return;
            }
        }
        processed += static_cast<int64_t>(received->size());
        if (received->empty()) {
            state.PauseTiming();
            const bool filled = bench.Fill(kRefill);
            state.ResumeTiming();
            if (!filled) {
                state.SkipWithError("refill failed");
                return;
            }
        }
    }
    state.SetItemsProcessed(processed);
}

BENCHMARK_CAPTURE(BenchEnqueue, sqlite, false)->UseRealTime();
BENCHMARK_CAPTURE(BenchReceiveDelete, sqlite, false)->Arg(1)->Arg(10)->UseRealTime();
BENCHMARK_CAPTURE(BenchEnqueue, sqs, true)->UseRealTime();
BENCHMARK_CAPTURE(BenchReceiveDelete, sqs, true)->Arg(1)->Arg(10)->UseRealTime();

}  // namespace
}  // namespace scs
