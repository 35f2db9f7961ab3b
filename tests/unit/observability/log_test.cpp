#include "observability/log.hpp"

#include <mutex>
#include <thread>
#include <vector>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include "security/redactor.hpp"

namespace scs::log {
namespace {

// Captures the lines of the process-wide logger for one test; restores stderr afterwards.
class LogTest : public ::testing::Test {
protected:
    void SetUp() override { Capture(Level::kDebug, nullptr); }

    void TearDown() override { Init(LogConfig{}, nullptr); }

    void Capture(Level level, std::shared_ptr<const Redactor> redactor) {
        Init(LogConfig{level}, std::move(redactor), [this](std::string_view line) {
            const std::lock_guard lock(mutex_);
            lines_.emplace_back(line);
        });
    }

    std::vector<std::string> Lines() {
        const std::lock_guard lock(mutex_);
        return lines_;
    }

    boost::json::object LastJson() {
        const auto lines = Lines();
        EXPECT_FALSE(lines.empty());
        return lines.empty() ? boost::json::object{} : boost::json::parse(lines.back()).as_object();
    }

private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
};

TEST(ParseLevel, KnowsTheFourLevels) {
    EXPECT_EQ(ParseLevel("debug"), Level::kDebug);
    EXPECT_EQ(ParseLevel("info"), Level::kInfo);
    EXPECT_EQ(ParseLevel("warn"), Level::kWarn);
    EXPECT_EQ(ParseLevel("error"), Level::kError);
    EXPECT_FALSE(ParseLevel("verbose"));
    EXPECT_FALSE(ParseLevel("INFO"));
}

TEST_F(LogTest, WritesOneJsonLinePerCall) {
    const Logger logger("worker.sync_orders");
    logger.Info("first\nsecond\nthird", {F("job_id", 17)});
    logger.Warn("next");
    const auto lines = Lines();
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0].find('\n'), std::string::npos);
    const auto json = boost::json::parse(lines[0]).as_object();
    EXPECT_EQ(json.at("logger").as_string(), "worker.sync_orders");
    EXPECT_EQ(json.at("level").as_string(), "info");
    EXPECT_EQ(json.at("msg").as_string(), "first\nsecond\nthird");
    EXPECT_EQ(json.at("job_id").as_int64(), 17);
    EXPECT_EQ(json.at("time").as_string().size(), 24U);
    EXPECT_EQ(boost::json::parse(lines[1]).as_object().at("level").as_string(), "warn");
}

TEST_F(LogTest, FiltersBelowConfiguredLevel) {
    Capture(Level::kWarn, nullptr);
    const Logger logger("http");
    logger.Debug("d");
    logger.Info("i");
    logger.Warn("w");
    logger.Error("e");
    const auto lines = Lines();
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_NE(lines[0].find(R"("msg":"w")"), std::string::npos);
    EXPECT_NE(lines[1].find(R"("msg":"e")"), std::string::npos);
    EXPECT_FALSE(Enabled(Level::kInfo));
    EXPECT_TRUE(Enabled(Level::kError));
}

TEST_F(LogTest, AddsRequestIdWhileInScope) {
    const Logger logger("http");
    logger.Info("before");
    EXPECT_FALSE(LastJson().contains("request_id"));
    {
        const ScopedRequestId outer("req-outer");
        logger.Info("outer");
        EXPECT_EQ(LastJson().at("request_id").as_string(), "req-outer");
        {
            const ScopedRequestId inner("req-inner");
            EXPECT_EQ(CurrentRequestId(), "req-inner");
            logger.Info("inner");
            EXPECT_EQ(LastJson().at("request_id").as_string(), "req-inner");
        }
        logger.Info("outer again");
        EXPECT_EQ(LastJson().at("request_id").as_string(), "req-outer");
    }
    logger.Info("after");
    EXPECT_FALSE(LastJson().contains("request_id"));
    EXPECT_EQ(CurrentRequestId(), "");
}

TEST_F(LogTest, RequestIdIsPerThread) {
    const ScopedRequestId id("req-main");
    std::thread([] {
        EXPECT_EQ(CurrentRequestId(), "");
        Logger("worker").Info("other thread");
    }).join();
    EXPECT_FALSE(LastJson().contains("request_id"));
    EXPECT_EQ(CurrentRequestId(), "req-main");
}

TEST_F(LogTest, RedactsSecretFieldNamesAndRegisteredValues) {
    auto redactor = std::make_shared<Redactor>();
    redactor->AddSecret("ck_live_secret_1");
    Capture(Level::kInfo, redactor);
    Logger("connector.woocommerce")
        .Error("auth failed for ck_live_secret_1",
               {F("consumer_secret", "anything"), F("detail", "key=ck_live_secret_1")});
    const auto lines = Lines();
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].find("ck_live_secret_1"), std::string::npos);
    EXPECT_EQ(lines[0].find("anything"), std::string::npos);
    const auto json = LastJson();
    EXPECT_EQ(json.at("msg").as_string(), "auth failed for [REDACTED]");
    EXPECT_EQ(json.at("consumer_secret").as_string(), "[REDACTED]");
    EXPECT_EQ(json.at("detail").as_string(), "key=[REDACTED]");
}

TEST_F(LogTest, RedactorAddedAfterInitIsHonoured) {
    auto redactor = std::make_shared<Redactor>();
    Capture(Level::kInfo, redactor);
    redactor->AddSecret("late-secret-value");
    Logger("http").Info("late-secret-value");
    EXPECT_EQ(LastJson().at("msg").as_string(), "[REDACTED]");
}

TEST_F(LogTest, ConcurrentCallsProduceWholeLines) {
    constexpr int kThreads = 4;
    constexpr int kPerThread = 200;
    std::vector<std::thread> threads;
    threads.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t] {
            const Logger logger("worker." + std::to_string(t));
            for (int i = 0; i < kPerThread; ++i) {
                logger.Info("tick", {F("i", i)});
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const auto lines = Lines();
    ASSERT_EQ(lines.size(), static_cast<size_t>(kThreads * kPerThread));
    for (const auto& line : lines) {
        EXPECT_EQ(boost::json::parse(line).as_object().at("msg").as_string(), "tick");
    }
}

}  // namespace
}  // namespace scs::log
