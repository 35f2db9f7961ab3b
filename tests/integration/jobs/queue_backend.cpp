#include "queue_backend.hpp"

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "jobs/queue_names.hpp"
#include "jobs/sqlite/sqlite_queue.hpp"
#include "jobs/sqs/sqs_admin.hpp"
#include "jobs/sqs/sqs_codec.hpp"
#include "jobs/sqs/sqs_queue.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace scs::testing {
namespace {

std::string EnvOr(const char* name, const char* fallback) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): tests never set the environment
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : fallback;
}

void DeleteSqsQueue(const SqsClient& client, const std::string& name) {
    auto response = client.Call("GetQueueUrl", sqs::EncodeGetQueueUrl(name));
    if (!response) {
        return;
    }
    auto url = sqs::DecodeQueueUrl(*response);
    if (url) {
        EXPECT_TRUE(client.Call("DeleteQueue", R"({"QueueUrl":")" + *url + R"("})"));
    }
}

}  // namespace

std::string QueueBackendName(const ::testing::TestParamInfo<QueueBackend>& info) {
    return info.param == QueueBackend::kSqlite ? "sqlite" : "sqs";
}

std::unique_ptr<TestQueues> TestQueues::Create(QueueBackend backend) {
    std::unique_ptr<TestQueues> test(new TestQueues(backend));
    if (backend == QueueBackend::kSqlite) {
        test->dir_.emplace();
        auto database = OpenSqliteDatabase(test->dir_->Path() / "scs.db", {});
        if (!database) {
            ADD_FAILURE() << database.error().message;
            return nullptr;
        }
        if (auto migrated = (*database)->Migrations().Up(); !migrated) {
            ADD_FAILURE() << migrated.error().message;
            return nullptr;
        }
        test->database_ = std::move(*database);
        return test;
    }
    const auto endpoint = RequireServer("TEST_SQS_ENDPOINT");
    if (!endpoint) {
        return nullptr;
    }
    test->sqs_.emplace(TestSqsSettings(*endpoint));
    return test;
}

TestQueues::~TestQueues() {
    for (const std::string& name : created_) {
        DeleteSqsQueue(*sqs_, name);
    }
}

std::string TestQueues::UniqueQueueName(bool fifo) {
    return UniqueName("t-") + (fifo ? ".fifo" : "");
}

std::unique_ptr<Queue> TestQueues::Open(const std::string& name, int max_receives) {
    const QueueOptions options{name, max_receives};
    if (backend_ == QueueBackend::kSqlite) {
        return std::make_unique<SqliteQueue>(database_->Executor(), clock_, options);
    }
    if (std::find(created_.begin(), created_.end(), name) == created_.end()) {
        EXPECT_TRUE(Succeeded(EnsureSqsQueues(*sqs_, {name}, max_receives)));
        created_.push_back(name);
        created_.push_back(DeadLetterQueueName(name));
    }
    return std::make_unique<SqsQueue>(*sqs_, system_clock_, options);
}

void TestQueues::Advance(std::chrono::milliseconds duration) {
    if (backend_ == QueueBackend::kSqlite) {
        clock_.Advance(duration);
        return;
    }
    // SQS keeps its own time: the visibility timeout under test must really pass.
    std::this_thread::sleep_for(duration);
}

SqsSettings TestSqsSettings(const std::string& endpoint) {
    return SqsSettings{endpoint,
                       EnvOr("AWS_REGION", "us-east-1"),
                       EnvOr("AWS_ACCESS_KEY_ID", "test"),
                       EnvOr("AWS_SECRET_ACCESS_KEY", "test"),
                       std::chrono::seconds(5)};
}

std::vector<ReceivedMessage> ReceiveUntil(Queue& queue,
                                          size_t count,
                                          std::chrono::milliseconds timeout,
                                          std::chrono::milliseconds visibility) {
    std::vector<ReceivedMessage> received;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (received.size() < count) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            break;
        }
        const int wanted = static_cast<int>(std::min<size_t>(10, count - received.size()));
        auto batch =
            queue.Receive(wanted, std::min(left, std::chrono::milliseconds(2000)), visibility);
        if (!batch) {
            ADD_FAILURE() << batch.error().message;
            break;
        }
        received.insert(received.end(), batch->begin(), batch->end());
    }
    return received;
}

std::vector<std::string> SortedBodies(const std::vector<ReceivedMessage>& messages) {
    std::vector<std::string> bodies;
    bodies.reserve(messages.size());
    for (const ReceivedMessage& message : messages) {
        bodies.push_back(message.body);
    }
    std::sort(bodies.begin(), bodies.end());
    return bodies;
}

OutgoingMessage Message(std::string body, std::string group, std::string dedup) {
    return OutgoingMessage{std::move(body), std::move(group), std::move(dedup)};
}

::testing::AssertionResult Succeeded(const Status& status) {
    if (status) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << ErrorCodeName(status.error().code) << ": " << status.error().message;
}

::testing::AssertionResult FailedWith(const Status& status, ErrorCode code) {
    if (status) {
        return ::testing::AssertionFailure() << "succeeded";
    }
    if (status.error().code != code) {
        return ::testing::AssertionFailure()
               << ErrorCodeName(status.error().code) << ": " << status.error().message
               << " (wanted " << ErrorCodeName(code) << ")";
    }
    return ::testing::AssertionSuccess();
}

}  // namespace scs::testing
