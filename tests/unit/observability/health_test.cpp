#include "observability/health.hpp"

#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;

TEST(HealthChecker, AllOkIsOk) {
    HealthChecker checker;
    checker.Add("database", [] { return Status{}; });
    checker.Add("queue", [] { return Status{}; });
    const HealthReport report = checker.Run();
    EXPECT_TRUE(report.ok);
    ASSERT_EQ(report.components.size(), 2U);
    EXPECT_EQ(report.components[0].name, "database");
    EXPECT_EQ(report.components[1].name, "queue");
    EXPECT_TRUE(report.components[0].ok);
}

TEST(HealthChecker, NoChecksIsOk) {
    EXPECT_TRUE(HealthChecker().Run().ok);
}

TEST(HealthChecker, FailingCheckMakesReportNotOk) {
    HealthChecker checker;
    checker.Add("database", [] { return Status{}; });
    checker.Add("redis",
                []() -> Status { return Fail(ErrorCode::kUnavailable, "connection refused"); });
    const HealthReport report = checker.Run();
    EXPECT_FALSE(report.ok);
    EXPECT_TRUE(report.components[0].ok);
    EXPECT_FALSE(report.components[1].ok);
    EXPECT_EQ(report.components[1].message, "connection refused");
}

TEST(HealthChecker, ThrowingCheckIsNotOk) {
    HealthChecker checker;
    checker.Add("queue", []() -> Status { throw std::runtime_error("socket closed"); });
    checker.Add("other", []() -> Status { throw 42; });  // NOLINT(hicpp-exception-baseclass)
    const HealthReport report = checker.Run();
    EXPECT_FALSE(report.ok);
    EXPECT_FALSE(report.components[0].ok);
    EXPECT_NE(report.components[0].message.find("socket closed"), std::string::npos);
    EXPECT_FALSE(report.components[1].ok);
}

TEST(HealthChecker, RunsChecksConcurrently) {
    // Each check waits for the other to start: run one after the other, both would time out.
    std::mutex mutex;
    std::condition_variable cv;
    int started = 0;
    auto rendezvous = [&]() -> Status {
        std::unique_lock lock(mutex);
        ++started;
        cv.notify_all();
        if (!cv.wait_for(lock, std::chrono::seconds(10), [&] { return started == 2; })) {
            return Fail(ErrorCode::kTimeout, "the other check never started");
        }
        return {};
    };
    HealthChecker checker;
    checker.Add("a", rendezvous);
    checker.Add("b", rendezvous);
    EXPECT_TRUE(checker.Run().ok);
}

TEST(HealthChecker, MeasuresLatency) {
    HealthChecker checker;
    checker.Add("slow", [] {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
        while (std::chrono::steady_clock::now() < until) {
        }
        return Status{};
    });
    EXPECT_GE(checker.Run().components[0].latency, std::chrono::milliseconds(20));
}

TEST(HealthChecker, RejectsDuplicateNames) {
    const auto ok = [] {
        return Status{};
    };
    HealthChecker checker;
    checker.Add("database", ok);
    EXPECT_THROW(checker.Add("database", ok), std::logic_error);
}

TEST(HealthToJson, MatchesTheDocumentedShape) {
    const HealthReport ok{true, {{"database", true, "", std::chrono::milliseconds(1)}}};
    EXPECT_EQ(ToJson(ok),
              R"({"status":"ok","checks":{"database":{"ok":true,"latency_ms":1,"message":""}}})");
}

TEST(HealthToJson, ReportsFailuresWithoutTheirDetails) {
    // /health is unauthenticated: a check's error names users, hosts and ports, so it is logged
    // (HealthResponse) and the answer says only which check failed.
    const HealthReport bad{
        false,
        {{"database", false, "connection to db-user@10.0.0.5:5432 refused", milliseconds(2)},
         {"redis", false, "refused \"x\"\n", milliseconds(30)},
         {"queue", true, "", milliseconds(1)}}};
    const std::string text = ToJson(bad);
    EXPECT_EQ(text.find("db-user"), std::string::npos) << text;
    EXPECT_EQ(text.find("5432"), std::string::npos) << text;
    const auto json = boost::json::parse(text).as_object();
    EXPECT_EQ(json.at("status").as_string(), "unavailable");
    const auto& checks = json.at("checks").as_object();
    const auto& database = checks.at("database").as_object();
    EXPECT_FALSE(database.at("ok").as_bool());
    EXPECT_EQ(database.at("message").as_string(), "unavailable");
    const auto& redis = checks.at("redis").as_object();
    EXPECT_FALSE(redis.at("ok").as_bool());
    EXPECT_EQ(redis.at("latency_ms").as_int64(), 30);
    EXPECT_EQ(redis.at("message").as_string(), "unavailable");
    EXPECT_TRUE(checks.at("queue").as_object().at("ok").as_bool());
    EXPECT_EQ(checks.at("queue").as_object().at("message").as_string(), "");
}

TEST(HealthToJson, EmptyReport) {
    EXPECT_EQ(ToJson(HealthReport{true, {}}), R"({"status":"ok","checks":{}})");
}

}  // namespace
}  // namespace scs
