// What the worker writes to the log: delivery fields, never message bodies. One binary of its
// own because it installs the process-wide log sink. SQLite only: logging does not depend on
// the backend.
#include <mutex>

#include <gtest/gtest.h>

#include "jobs/worker/queue_stats_sampler.hpp"
#include "observability/log.hpp"
#include "worker_fixture.hpp"

namespace scs::testing {
namespace {

class WorkerLogTest : public WorkerTest {
protected:
    void SetUp() override {
        log::Init(log::LogConfig{log::Level::kDebug}, nullptr, [this](std::string_view line) {
            std::lock_guard lock(mutex_);
            lines_.emplace_back(line);
        });
        WorkerTest::SetUp();
    }

    void TearDown() override {
        WorkerTest::TearDown();
        log::Init(log::LogConfig{}, nullptr);
    }

    std::vector<std::string> Lines() const {
        std::lock_guard lock(mutex_);
        return lines_;
    }

    // The first line containing every one of `parts`; "" when there is none.
    std::string LineWith(std::initializer_list<std::string> parts) const {
        for (const std::string& line : Lines()) {
            bool all = true;
            for (const std::string& part : parts) {
                all = all && line.find(part) != std::string::npos;
            }
            if (all) {
                return line;
            }
        }
        return "";
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;
};

constexpr char kPersonal[] = "Jane Doe, 1 Main Street";

TEST_P(WorkerLogTest, LogsTheDeliveryButNeverTheBody) {
    Queue& queue = OpenQueue();
    handlers_.Add("work", [](const Job& job, JobContext&) -> Status {
        if (job.payload_json.find("fail") != std::string::npos) {
            return Fail(ErrorCode::kInvalidPayload, "bad address");
        }
        log::Logger("test").Info("inside the handler");
        return {};
    });
    SendJob(queue, "work", std::string(R"({"name":")") + kPersonal + R"("})", "conn-1");
    SendJob(queue, "work", std::string(R"({"fail":")") + kPersonal + R"("})", "conn-2");
    SendBody(queue, std::string("not json ") + kPersonal, "conn-3");
    StartPool({Consumer(queue, 2)});
    ASSERT_TRUE(WaitForMetric(R"(scs_jobs_processed_total{queue="jobs.fifo",type="work"})", 1));
    ASSERT_TRUE(WaitForMetric(
        R"(scs_jobs_dead_lettered_total{queue="jobs.fifo",reason="permanent_error"})", 1));
    ASSERT_TRUE(WaitForMetric(
        R"(scs_jobs_dead_lettered_total{queue="jobs.fifo",reason="unparseable"})", 1));
    pool_->Stop();

    for (const std::string& line : Lines()) {
        EXPECT_EQ(line.find("Jane Doe"), std::string::npos) << line;
    }
    const std::string done = LineWith({R"("msg":"job done")", R"("group":"conn-1")"});
    ASSERT_FALSE(done.empty());
    for (const char* key : {R"("queue":"jobs.fifo")",
                            R"("message_id":")",
                            R"("attempt":1)",
                            R"("type":"work")",
                            R"("duration_ms":)"}) {
        EXPECT_NE(done.find(key), std::string::npos) << key << " in " << done;
    }
    EXPECT_FALSE(LineWith({R"("msg":"message dead-lettered")",
                           R"("group":"conn-2")",
                           R"("reason":"permanent error: INVALID_PAYLOAD: bad address")"})
                     .empty());
    EXPECT_FALSE(
        LineWith({R"("msg":"message dead-lettered")", R"("group":"conn-3")", "unparseable: "})
            .empty());
    // Lines a handler writes carry the message id, like the worker's own lines.
    EXPECT_FALSE(LineWith({R"("msg":"inside the handler")", R"("request_id":")"}).empty());
}

TEST_P(WorkerLogTest, TheSamplerWarnsWhenAQueueCannotBeRead) {
    Queue& real = OpenQueue();
    HookedQueue failing(real);
    failing.before_stats = []() -> Status {
        return Fail(ErrorCode::kUnavailable, "disk gone");
    };
    QueueStatsSampler sampler({{kLabel, &failing}}, job_metrics_, std::chrono::hours(1));
    sampler.SampleOnce();
    EXPECT_FALSE(LineWith({R"("level":"warn")",
                           R"("queue":"jobs.fifo")",
                           R"("code":"UNAVAILABLE")",
                           R"("error":"disk gone")"})
                     .empty());
}

INSTANTIATE_TEST_SUITE_P(Backends,
                         WorkerLogTest,
                         ::testing::Values(QueueBackend::kSqlite),
                         QueueBackendName);

}  // namespace
}  // namespace scs::testing
