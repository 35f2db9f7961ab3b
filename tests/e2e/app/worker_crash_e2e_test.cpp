// Kills a `scs work` process with SIGKILL while it holds messages, starts another worker, and
// checks that every message is processed, none is lost, and the order within each group holds.
// The queue is the embedded SQLite one, shared by the two processes through the data file.
#include <algorithm>
#include <csignal>
#include <fstream>
#include <map>
#include <numeric>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "jobs/probe/probe_jobs.hpp"
#include "jobs/sqlite/sqlite_queue.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

constexpr int kGroups = 4;
constexpr int kPerGroup = 10;
constexpr int kProbes = kGroups * kPerGroup;

class WorkerCrashE2E : public ::testing::Test {
protected:
    void SetUp() override {
        const auto data = dir_.Path() / "data";
        std::ofstream(dir_.Path() / "scs.yaml")
            << "data_dir: " << data.string() << "\n"
            << "queue:\n  visibility_timeout: 3s\n"
            << "worker:\n  groups: orders\n  concurrency: 2\n  shutdown_grace: 5s\n";
        env_ = {{"SCS_API_TOKEN", "crash-admin-token-0123456789"}};
        config_ = {"--config", (dir_.Path() / "scs.yaml").string()};
        auto [code, out] = testing::RunScs(Args({"migrate", "up"}), env_, dir_.Path());
        ASSERT_EQ(code, 0) << out;
        auto database = OpenSqliteDatabase(data / "scs.db", {});
        ASSERT_TRUE(database) << database.error().message;
        database_ = std::move(*database);
        probes_.emplace(database_->Executor(), clock_);
    }

    std::vector<std::string> Args(std::vector<std::string> args) const {
        args.insert(args.begin(), config_.begin(), config_.end());
        return args;
    }

    std::vector<ProbeRecord> Records() {
        auto records = probes_->List(run_id_);
        return records ? *records : std::vector<ProbeRecord>{};
    }

    // Polls the probe table until `count` probes are recorded or `timeout` passes.
    bool WaitForRecords(size_t count, std::chrono::seconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (Records().size() >= count) {
                return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

    QueueStats Stats() {
        SqliteQueue queue(database_->Executor(), clock_, QueueOptions{"fetch-orders.fifo", 5});
        auto stats = queue.Stats();
        EXPECT_TRUE(stats) << stats.error().message;
        return stats ? *stats : QueueStats{};
    }

    testing::TempDir dir_;
    std::map<std::string, std::string> env_;
    std::vector<std::string> config_;
    SystemTimeSource clock_;
    std::unique_ptr<Database> database_;
    std::optional<ProbeStore> probes_;
    std::string run_id_;
};

TEST_F(WorkerCrashE2E, KilledWorkersMessagesAreFinishedByAnotherInOrder) {
    auto [code, out] = testing::RunScs(Args({"queues",
                                             "probe",
                                             "--queue",
                                             "fetch-orders.fifo",
                                             "--count",
                                             std::to_string(kProbes),
                                             "--groups",
                                             std::to_string(kGroups),
                                             "--hold",
                                             "150ms",
                                             "--wait",
                                             "0s"}),
                                       env_,
                                       dir_.Path());
    ASSERT_EQ(code, 0) << out;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(out, match, std::regex("probe run ([0-9a-f]+): sent 40"))) << out;
    run_id_ = match[1];

    std::string first_worker;
    {
        testing::ChildProcess worker(
            testing::ScsBinary(), Args({"work", "--groups", "orders"}), env_, dir_.Path());
        ASSERT_TRUE(WaitForRecords(6, std::chrono::seconds(60))) << worker.Stderr();
        first_worker = Records().front().worker;
        // Mid-job: with two threads holding 150 ms probes, the worker holds messages now.
        EXPECT_EQ(worker.Stop(SIGKILL), 128 + SIGKILL);
    }
    const size_t done_by_first = Records().size();
    ASSERT_LT(done_by_first, static_cast<size_t>(kProbes));
    EXPECT_GT(Stats().in_flight, 0) << "the killed worker held no message";

    testing::ChildProcess second(
        testing::ScsBinary(), Args({"work", "--groups", "orders"}), env_, dir_.Path());
    ASSERT_TRUE(WaitForRecords(kProbes, std::chrono::seconds(90))) << second.Stderr();
    EXPECT_EQ(second.Stop(SIGTERM), 0) << second.Stderr();

    const auto records = Records();
    ASSERT_EQ(records.size(), static_cast<size_t>(kProbes));
    std::map<std::string, std::vector<int64_t>> seqs_by_group;
    bool second_worked = false;
    bool redelivered = false;  // a message the killed worker held, run again by the second
    for (const auto& record : records) {  // in the order they were first recorded
        seqs_by_group[record.group_id].push_back(record.seq);
        second_worked = second_worked || record.worker != first_worker;
        redelivered = redelivered || record.receive_count > 1 || record.deliveries > 1;
    }
    EXPECT_TRUE(second_worked);
    EXPECT_TRUE(redelivered);
    ASSERT_EQ(seqs_by_group.size(), static_cast<size_t>(kGroups));
    for (const auto& [group, seqs] : seqs_by_group) {
        std::vector<int64_t> expected(kPerGroup);
        std::iota(expected.begin(), expected.end(), 0);
        EXPECT_EQ(seqs, expected) << "group " << group << " out of order or incomplete";
    }
    const auto stats = Stats();
    EXPECT_EQ(stats.visible, 0);
    EXPECT_EQ(stats.in_flight, 0);
    EXPECT_EQ(stats.dead_letters, 0);
}

}  // namespace
}  // namespace scs
