// The real binary against the real servers `make test` starts: PostgreSQL, Redis and the SQS
// emulator. Skipped (or failed, under SCS_TEST_REQUIRE_SERVERS=1) when they are not configured.
#include <csignal>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using testing::HttpCall;

class ServersE2E : public ::testing::Test {
protected:
    void SetUp() override {
        auto dsn = testing::RequireServer("TEST_PG_DSN");
        auto sqs = testing::RequireServer("TEST_SQS_ENDPOINT");
        auto redis = testing::RequireServer("TEST_REDIS_URL");
        if (!dsn || !sqs || !redis) {
            return;
        }
        base_dsn_ = *dsn;
        schema_ = testing::UniqueName("e2e_");
        pqxx::connection admin(base_dsn_);
        pqxx::nontransaction(admin).exec("CREATE SCHEMA " + schema_);
        env_ = {{"SCS_DATA_DIR", (dir_.Path() / "data").string()},
                {"SCS_HTTP_ADDR", "127.0.0.1:" + std::to_string(port_)},
                {"SCS_API_TOKEN", "servers-admin-token-0123456789"},
                {"SCS_DATABASE_URL", base_dsn_ + "?options=-csearch_path%3D" + schema_},
                // With PostgreSQL the queues are SQS (the SQLite queue lives in the SQLite file).
                {"SCS_QUEUE_BACKEND", "sqs"},
                {"SCS_SQS_ENDPOINT", *sqs},
                {"SCS_QUEUE_NAME_PREFIX", schema_ + "-"},
                // With PostgreSQL the sync state lives in Redis.
                {"SCS_REDIS_URL", *redis},
                {"AWS_ACCESS_KEY_ID", "test"},
                {"AWS_SECRET_ACCESS_KEY", "test"}};
    }

    void TearDown() override {
        if (!schema_.empty()) {
            pqxx::connection admin(base_dsn_);
            pqxx::nontransaction(admin).exec("DROP SCHEMA " + schema_ + " CASCADE");
        }
    }

    boost::json::value Health() {
        auto r = HttpCall(port_, "GET", "/health");
        last_health_status_ = r.status;
        return boost::json::parse(r.body);
    }

    testing::TempDir dir_;
    int port_ = testing::FreePort();
    std::string base_dsn_;
    std::string schema_;
    std::map<std::string, std::string> env_;
    int last_health_status_ = 0;
};

TEST_F(ServersE2E, PostgresNeedsMigrateThenServes) {
    if (schema_.empty()) {
        return;
    }
    auto [refused, refused_out] = testing::RunScs({"serve"}, env_, dir_.Path());
    EXPECT_EQ(refused, 1);
    EXPECT_NE(refused_out.find("scs migrate up"), std::string::npos) << refused_out;
    EXPECT_EQ(refused_out.find("password"), std::string::npos);

    auto [up, up_out] = testing::RunScs({"migrate", "up"}, env_, dir_.Path());
    ASSERT_EQ(up, 0) << up_out;
    EXPECT_NE(up_out.find("(postgres)"), std::string::npos) << up_out;

    testing::ChildProcess scs(testing::ScsBinary(), {"all"}, env_, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    const auto health = Health();
    EXPECT_EQ(last_health_status_, 200);
    EXPECT_TRUE(health.at("checks").at("database").at("ok").as_bool());
    EXPECT_EQ(scs.Stop(SIGTERM), 0);

    auto [down, down_out] = testing::RunScs({"migrate", "down", "1"}, env_, dir_.Path());
    EXPECT_EQ(down, 0) << down_out;
    auto [again, again_out] = testing::RunScs({"migrate", "up"}, env_, dir_.Path());
    EXPECT_EQ(again, 0) << again_out;
}

TEST_F(ServersE2E, MigrateOnPostgresNeedsNoRedis) {
    if (schema_.empty()) {
        return;
    }
    // Migration touches only the database (and the queues it creates); serving still needs Redis.
    env_.erase("SCS_REDIS_URL");
    auto [up, up_out] = testing::RunScs({"migrate", "up"}, env_, dir_.Path());
    EXPECT_EQ(up, 0) << up_out;
    EXPECT_NE(up_out.find("(postgres)"), std::string::npos) << up_out;
    auto [serve, serve_out] = testing::RunScs({"serve"}, env_, dir_.Path());
    EXPECT_EQ(serve, 2) << serve_out;
    EXPECT_NE(serve_out.find("redis.url"), std::string::npos) << serve_out;
}

TEST_F(ServersE2E, HealthChecksRedisAndSqsForReal) {
    if (schema_.empty()) {
        return;
    }
    auto redis = testing::RequireServer("TEST_REDIS_URL");
    if (!redis) {
        return;
    }
    env_["SCS_DATABASE_AUTO_MIGRATE"] = "true";
    env_["SCS_REDIS_URL"] = *redis;
    {
        testing::ChildProcess scs(testing::ScsBinary(), {"serve"}, env_, dir_.Path());
        ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
        const auto health = Health();
        EXPECT_EQ(last_health_status_, 200) << boost::json::serialize(health);
        EXPECT_TRUE(health.at("checks").at("redis").at("ok").as_bool());
        EXPECT_TRUE(health.at("checks").at("queue").at("ok").as_bool());
        EXPECT_EQ(scs.Stop(SIGTERM), 0);
    }
    // Redis on a port where nothing listens: /health says so with 503, naming the check but
    // not where it points (the answer is unauthenticated); the log has the details.
    const std::string redis_port = std::to_string(testing::FreePort());
    env_["SCS_REDIS_URL"] = "redis://127.0.0.1:" + redis_port + "/0";
    testing::ChildProcess scs(testing::ScsBinary(), {"serve"}, env_, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    const auto health = Health();
    EXPECT_EQ(last_health_status_, 503);
    EXPECT_FALSE(health.at("checks").at("redis").at("ok").as_bool());
    EXPECT_EQ(health.at("checks").at("redis").at("message").as_string(), "unavailable");
    EXPECT_EQ(boost::json::serialize(health).find(redis_port), std::string::npos);
    EXPECT_TRUE(health.at("checks").at("database").at("ok").as_bool());
    EXPECT_EQ(scs.Stop(SIGTERM), 0);
    EXPECT_NE(scs.Stderr().find(redis_port), std::string::npos) << scs.Stderr();
}

TEST_F(ServersE2E, SqsQueueThatCannotBeReachedIs503) {
    if (schema_.empty()) {
        return;
    }
    env_["SCS_DATABASE_AUTO_MIGRATE"] = "true";
    const std::string sqs_port = std::to_string(testing::FreePort());
    env_["SCS_SQS_ENDPOINT"] = "http://127.0.0.1:" + sqs_port;
    testing::ChildProcess scs(testing::ScsBinary(), {"serve"}, env_, dir_.Path());
    ASSERT_TRUE(testing::WaitForHttp(port_)) << scs.Stderr();
    const auto health = Health();
    EXPECT_EQ(last_health_status_, 503);
    EXPECT_FALSE(health.at("checks").at("queue").at("ok").as_bool());
    EXPECT_EQ(health.at("checks").at("queue").at("message").as_string(), "unavailable");
    EXPECT_EQ(boost::json::serialize(health).find(sqs_port), std::string::npos);
    EXPECT_EQ(scs.Stop(SIGTERM), 0);
}

}  // namespace
}  // namespace scs
