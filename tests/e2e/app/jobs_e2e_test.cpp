// The durable-jobs machinery through the binary: `scs all` drains probe jobs sent by
// `scs queues probe`, dead-letters a poison message at once, and the operations API lists and
// retries dead letters; `scs queues create` and `scs migrate up` set up SQS queues on fauxqs.
#include <fstream>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "jobs/sqlite/sqlite_queue.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using testing::HttpCallAuthed;

constexpr const char* kAdmin = "jobs-admin-token-0123456789";
constexpr const char* kSeller = "jobs-seller-token-0123456789";

class JobsE2E : public ::testing::Test {
protected:
    void SetUp() override {
        auto [code, hash] = testing::RunScs({"hash-token", kSeller}, {}, dir_.Path());
        ASSERT_EQ(code, 0);
        hash.erase(hash.find_last_not_of('\n') + 1);
        std::ofstream(dir_.Path() / "scs.yaml")
            << "data_dir: " << (dir_.Path() / "data").string() << "\n"
            << "http:\n  addr: 127.0.0.1:" << port_ << "\n"
            << "queue:\n  visibility_timeout: 5s\n"
            << "auth:\n  seller_tokens:\n    seller-1: " << hash << "\n";
        env_ = {{"SCS_API_TOKEN", kAdmin}};
    }

    std::vector<std::string> Args(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--config", (dir_.Path() / "scs.yaml").string()});
        return args;
    }

    boost::json::array DeadLetters(const std::string& query = "") const {
        auto r = HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/dead_letters" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return boost::json::parse(r.body).at("data").at("dead_letters").as_array();
    }

    // Polls the dead letters until one has `receive_count` or the timeout passes.
    boost::json::array WaitForDeadLetter(std::chrono::seconds timeout) const {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto letters = DeadLetters();
            if (!letters.empty()) {
                return letters;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return {};
    }

    testing::TempDir dir_;
    int port_ = testing::FreePort();
    std::map<std::string, std::string> env_;
};

TEST_F(JobsE2E, WorkersDrainProbesOnEveryQueue) {
    testing::ChildProcess scs(testing::ScsBinary(), Args({"all"}), env_, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    auto [code, out] = testing::RunScs(
        Args({"queues", "probe", "--count", "12", "--wait", "60s"}), env_, dir_.Path());
    EXPECT_EQ(code, 0) << out;
    EXPECT_NE(out.find("all 60 processed"), std::string::npos) << out;  // 5 queues x 12

    auto [stats_code, stats] = testing::RunScs(Args({"queues", "stats"}), env_, dir_.Path());
    EXPECT_EQ(stats_code, 0) << stats;
    EXPECT_NE(stats.find("fetch-orders.fifo 0 0 0"), std::string::npos) << stats;

    const auto metrics = testing::HttpCall(port_, "GET", "/metrics").body;
    EXPECT_NE(metrics.find("scs_jobs_processed_total{queue=\"webhooks\",type=\"ops.probe\"} 12"),
              std::string::npos);
    EXPECT_EQ(scs.Stop(SIGTERM), 0) << scs.Stderr();
}

TEST_F(JobsE2E, PoisonMessageIsDeadLetteredAndCanBeRetried) {
    testing::ChildProcess scs(testing::ScsBinary(), Args({"all"}), env_, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    {
        auto database = OpenSqliteDatabase(dir_.Path() / "data" / "scs.db", {});
        ASSERT_TRUE(database) << database.error().message;
        SystemTimeSource clock;
        SqliteQueue queue((*database)->Executor(), clock, QueueOptions{"webhooks", 5});
        ASSERT_TRUE(queue.Send(OutgoingMessage{"{not json", "g1", "poison-1"}));
    }
    auto letters = WaitForDeadLetter(std::chrono::seconds(30));
    ASSERT_EQ(letters.size(), 1U);
    const auto& letter = letters[0].as_object();
    EXPECT_EQ(letter.at("queue").as_string(), "webhooks");
    EXPECT_EQ(letter.at("group_id").as_string(), "g1");
    EXPECT_EQ(letter.at("receive_count").as_int64(), 1);  // dead at once, not after 5 tries
    EXPECT_NE(std::string(letter.at("reason").as_string()).find("unparseable"), std::string::npos);
    const std::string id(letter.at("id").as_string());

    EXPECT_EQ(HttpCallAuthed(port_, kSeller, "GET", "/api/v1/dead_letters").status, 403);
    EXPECT_EQ(
        HttpCallAuthed(port_, kSeller, "POST", "/api/v1/dead_letters/" + id + "/retry").status,
        403);
    EXPECT_EQ(HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/dead_letters?queue=emails").status,
              400);
    EXPECT_EQ(HttpCallAuthed(port_, kAdmin, "GET", "/api/v1/dead_letters?limit=0").status, 400);
    EXPECT_EQ(
        HttpCallAuthed(port_, kAdmin, "POST", "/api/v1/dead_letters/webhooks:999999/retry").status,
        404);
    EXPECT_EQ(DeadLetters("?queue=fetch-orders.fifo").size(), 0U);

    const auto retried =
        HttpCallAuthed(port_, kAdmin, "POST", "/api/v1/dead_letters/" + id + "/retry");
    EXPECT_EQ(retried.status, 202) << retried.body;
    // Still poison: the worker receives it again and it dies again, at once.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string metrics;
    while (std::chrono::steady_clock::now() < deadline &&
           metrics.find("reason=\"unparseable\"} 2") == std::string::npos) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        metrics = testing::HttpCall(port_, "GET", "/metrics").body;
    }
    EXPECT_NE(
        metrics.find("scs_jobs_dead_lettered_total{queue=\"webhooks\",reason=\"unparseable\"} 2"),
        std::string::npos);
    EXPECT_EQ(DeadLetters().size(), 1U);
    EXPECT_EQ(scs.Stop(SIGTERM), 0) << scs.Stderr();
}

TEST_F(JobsE2E, SqsQueuesAreCreatedAndDrained) {
    auto sqs = testing::RequireServer("TEST_SQS_ENDPOINT");
    if (!sqs) {
        return;
    }
    env_["SCS_QUEUE_BACKEND"] = "sqs";
    env_["SCS_SQS_ENDPOINT"] = *sqs;
    env_["SCS_QUEUE_NAME_PREFIX"] = testing::UniqueName("e2e") + "-";
    env_["AWS_ACCESS_KEY_ID"] = "test";
    env_["AWS_SECRET_ACCESS_KEY"] = "test";
    auto [created, created_out] = testing::RunScs(Args({"queues", "create"}), env_, dir_.Path());
    EXPECT_EQ(created, 0) << created_out;
    EXPECT_NE(created_out.find("fetch-orders-dlq.fifo"), std::string::npos) << created_out;
    auto [migrated, migrated_out] = testing::RunScs(Args({"migrate", "up"}), env_, dir_.Path());
    EXPECT_EQ(migrated, 0) << migrated_out;
    EXPECT_NE(migrated_out.find("sqs queues ready"), std::string::npos) << migrated_out;

    testing::ChildProcess scs(testing::ScsBinary(), Args({"all"}), env_, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    auto [code, out] = testing::RunScs(
        Args({"queues", "probe", "--count", "6", "--wait", "60s"}), env_, dir_.Path());
    EXPECT_EQ(code, 0) << out << scs.Stderr();
    EXPECT_EQ(scs.Stop(SIGTERM), 0) << scs.Stderr();
}

}  // namespace
}  // namespace scs
