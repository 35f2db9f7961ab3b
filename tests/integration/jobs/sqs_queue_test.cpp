// The SQS backend beyond the shared contract: queue creation (EnsureSqsQueues), error mapping
// and the client's health ping, against TEST_SQS_ENDPOINT (fauxqs in CI).
#include "jobs/sqs/sqs_queue.hpp"

#include <gtest/gtest.h>

#include "jobs/queue_names.hpp"
#include "jobs/sqs/sqs_admin.hpp"
#include "jobs/sqs/sqs_codec.hpp"
#include "queue_backend.hpp"

namespace scs::testing {
namespace {

class SqsQueueTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto endpoint = RequireServer("TEST_SQS_ENDPOINT");
        if (!endpoint) {
            if (!IsSkipped()) {
                FAIL() << "TEST_SQS_ENDPOINT is required";
            }
            return;
        }
        client_.emplace(TestSqsSettings(*endpoint));
    }

    void TearDown() override {
        for (const std::string& name : created_) {
            auto url = Url(name);
            if (url) {
                EXPECT_TRUE(client_->Call("DeleteQueue", R"({"QueueUrl":")" + *url + R"("})"));
            }
        }
    }

    std::string Track(std::string name) {
        created_.push_back(name);
        created_.push_back(DeadLetterQueueName(name));
        return name;
    }

    Result<std::string> Url(const std::string& name) {
        auto response = client_->Call("GetQueueUrl", sqs::EncodeGetQueueUrl(name));
        if (!response) {
            return tl::unexpected(response.error());
        }
        return sqs::DecodeQueueUrl(*response);
    }

    sqs::Attributes Attributes(const std::string& name) {
        auto url = Url(name);
        EXPECT_TRUE(url) << url.error().message;
        if (!url) {
            return {};
        }
        auto response =
            client_->Call("GetQueueAttributes", sqs::EncodeGetQueueAttributes(*url, {"All"}));
        EXPECT_TRUE(response) << response.error().message;
        auto attributes = sqs::DecodeQueueAttributes(response ? *response : "{}");
        return attributes ? *attributes : sqs::Attributes{};
    }

    std::optional<SqsClient> client_;
    SystemTimeSource clock_;
    std::vector<std::string> created_;
};

TEST_F(SqsQueueTest, EnsureQueuesCreatesFifoQueuesWithARedrivePolicy) {
    const std::string name = Track(TestQueues::UniqueQueueName());
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 4)));

    auto attributes = Attributes(name);
    EXPECT_EQ(attributes["FifoQueue"], "true");
    EXPECT_EQ(attributes["ContentBasedDeduplication"], "false");
    const std::string dead_letters = DeadLetterQueueName(name);
    EXPECT_TRUE(dead_letters.ends_with("-dlq.fifo"));
    auto dead_attributes = Attributes(dead_letters);
    EXPECT_EQ(dead_attributes["FifoQueue"], "true");
    EXPECT_EQ(dead_attributes["MessageRetentionPeriod"], "1209600");
    EXPECT_EQ(attributes["RedrivePolicy"], sqs::RedrivePolicy(dead_attributes["QueueArn"], 4));
}

TEST_F(SqsQueueTest, EnsureQueuesIsIdempotentAndUpdatesMaxReceives) {
    const std::string name = Track(TestQueues::UniqueQueueName());
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 4)));
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 4)));
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 9)));
    auto dead_attributes = Attributes(DeadLetterQueueName(name));
    EXPECT_EQ(Attributes(name)["RedrivePolicy"],
              sqs::RedrivePolicy(dead_attributes["QueueArn"], 9));
}

TEST_F(SqsQueueTest, EnsureQueuesCreatesStandardQueuesForNamesWithoutFifo) {
    const std::string name = Track(TestQueues::UniqueQueueName(/*fifo=*/false));
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 5)));
    EXPECT_EQ(Attributes(name)["FifoQueue"], "");
    EXPECT_TRUE(Url(name + "-dlq")) << "the standard queue's DLQ is <name>-dlq";
}

TEST_F(SqsQueueTest, AQueueThatDoesNotExistIsNotFound) {
    SqsQueue queue(*client_, clock_, QueueOptions{TestQueues::UniqueQueueName(), 5});
    auto sent = queue.Send(OutgoingMessage{"body", "g", "d"});
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, ErrorCode::kNotFound);
    EXPECT_NE(sent.error().message.find(queue.Name()), std::string::npos);
}

TEST_F(SqsQueueTest, DeadLetterNowNeedsAReceiptThisObjectHolds) {
    const std::string name = Track(TestQueues::UniqueQueueName());
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 5)));
    SqsQueue queue(*client_, clock_, QueueOptions{name, 5});
    EXPECT_TRUE(FailedWith(queue.DeadLetterNow("unknown-receipt", "bad"), ErrorCode::kNotFound));
}

// A retry scans the dead letters in batches held for 30 s; the letters of a batch it did not
// retry must be let go at once, or the next retry cannot see them.
TEST_F(SqsQueueTest, RetriesEveryDeadLetterOfAQueueOneAfterAnother) {
    const std::string name = Track(TestQueues::UniqueQueueName());
    ASSERT_TRUE(Succeeded(EnsureSqsQueues(*client_, {name}, 5)));
    SqsQueue dead_letters(*client_, clock_, QueueOptions{DeadLetterQueueName(name), 5});
    constexpr int kLetters = 27;
    for (int i = 0; i < kLetters; ++i) {
        const std::string n = std::to_string(i);
        auto sent = dead_letters.Send(OutgoingMessage{"letter-" + n, "g" + n, "d" + n});
        ASSERT_TRUE(sent) << sent.error().message;
    }
    SqsQueue queue(*client_, clock_, QueueOptions{name, 5});
    auto letters = queue.ListDeadLetters(100);
    ASSERT_TRUE(letters) << letters.error().message;
    ASSERT_EQ(letters->size(), static_cast<size_t>(kLetters));

    for (const DeadLetter& letter : *letters) {
        auto retried = queue.RetryDeadLetter(letter.id);
        EXPECT_TRUE(retried) << letter.body << ": " << retried.error().message;
    }
    auto after = queue.ListDeadLetters(100);
    ASSERT_TRUE(after) << after.error().message;
    EXPECT_TRUE(after->empty());
}

TEST_F(SqsQueueTest, PingReachesTheService) {
    EXPECT_TRUE(Succeeded(client_->Ping()));
    SqsClient nowhere(SqsSettings{"http://127.0.0.1:" + std::to_string(FreePort()),
                                  "us-east-1",
                                  "test",
                                  "test",
                                  std::chrono::seconds(2)});
    EXPECT_TRUE(FailedWith(nowhere.Ping(), ErrorCode::kUnavailable));
}

}  // namespace
}  // namespace scs::testing
