#include "jobs/sqs/sqs_codec.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs::sqs {
namespace {

namespace json = boost::json;

json::value Parsed(const std::string& text) {
    return json::parse(text);
}

TEST(SqsCodec, RoundsDurationsUpToSeconds) {
    EXPECT_EQ(CeilSeconds(std::chrono::milliseconds(0)), 0);
    EXPECT_EQ(CeilSeconds(std::chrono::milliseconds(1)), 1);
    EXPECT_EQ(CeilSeconds(std::chrono::milliseconds(1000)), 1);
    EXPECT_EQ(CeilSeconds(std::chrono::milliseconds(1001)), 2);
}

TEST(SqsCodec, SendsFifoMessagesWithGroupAndDedupIds) {
    const auto request = Parsed(EncodeSendMessage(
        "http://q/1/orders.fifo", {"{\"a\":1}", "conn-1", "order-1-v2"}, true, {}));
    EXPECT_EQ(request, Parsed(R"({"QueueUrl":"http://q/1/orders.fifo","MessageBody":"{\"a\":1}",
        "MessageGroupId":"conn-1","MessageDeduplicationId":"order-1-v2"})"));
}

TEST(SqsCodec, SendsTheGroupAsAnAttributeOnStandardQueues) {
    const auto request = Parsed(
        EncodeSendMessage("http://q/1/webhooks", {"b", "conn-1", "d"}, false, {{"scs_x", "y"}}));
    EXPECT_EQ(request, Parsed(R"({"QueueUrl":"http://q/1/webhooks","MessageBody":"b",
        "MessageAttributes":{
          "scs_group_id":{"DataType":"String","StringValue":"conn-1"},
          "scs_x":{"DataType":"String","StringValue":"y"}}})"));
}

TEST(SqsCodec, AsksForTheAttributesAReceiverNeeds) {
    const auto request = Parsed(EncodeReceiveMessage("u", 10, 20, 30));
    EXPECT_EQ(request, Parsed(R"({"QueueUrl":"u",
        "AttributeNames":["ApproximateReceiveCount","SentTimestamp","MessageGroupId"],
        "MessageAttributeNames":["All"],"MaxNumberOfMessages":10,"WaitTimeSeconds":20,
        "VisibilityTimeout":30})"));
}

TEST(SqsCodec, DecodesReceivedMessages) {
    auto messages = DecodeReceiveMessage(R"({"Messages":[{"MessageId":"m1","ReceiptHandle":"r1",
        "MD5OfBody":"x","Body":"hello","Attributes":{"ApproximateReceiveCount":"3",
        "SentTimestamp":"1700000000123","MessageGroupId":"g1"},
        "MessageAttributes":{"scs_reason":{"DataType":"String","StringValue":"bad"},
                             "n":{"DataType":"Number","StringValue":"5"}}}]})");
    ASSERT_TRUE(messages) << messages.error().message;
    ASSERT_EQ(messages->size(), 1U);
    const Message& message = messages->front();
    EXPECT_EQ(message.message.id, "m1");
    EXPECT_EQ(message.message.receipt, "r1");
    EXPECT_EQ(message.message.body, "hello");
    EXPECT_EQ(message.message.group_id, "g1");
    EXPECT_EQ(message.message.receive_count, 3);
    EXPECT_EQ(message.message.sent_at, FromUnixMillis(1'700'000'000'123));
    EXPECT_EQ(message.attributes.at("scs_reason"), "bad");
    EXPECT_EQ(IntAttribute(message.attributes, "n"), 5);
}

TEST(SqsCodec, TakesTheGroupFromTheAttributeOnStandardQueues) {
    auto messages = DecodeReceiveMessage(R"({"Messages":[{"MessageId":"m","ReceiptHandle":"r",
        "Body":"b","MessageAttributes":{"scs_group_id":{"DataType":"String",
        "StringValue":"conn-9"}}}]})");
    ASSERT_TRUE(messages);
    EXPECT_EQ(messages->front().message.group_id, "conn-9");
}

TEST(SqsCodec, DecodesAnEmptyReceive) {
    auto none = DecodeReceiveMessage("{}");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

TEST(SqsCodec, RejectsMalformedResponses) {
    EXPECT_EQ(DecodeReceiveMessage("not json").error().code, ErrorCode::kUnavailable);
    EXPECT_FALSE(DecodeReceiveMessage(R"({"Messages":{}})"));
    EXPECT_FALSE(DecodeReceiveMessage(R"({"Messages":[{"Body":"no id"}]})"));
    EXPECT_FALSE(DecodeQueueUrl("{}"));
    EXPECT_FALSE(DecodeMessageId(R"({"MessageId":5})"));
}

TEST(SqsCodec, DecodesQueueUrlsIdsAndAttributes) {
    EXPECT_EQ(DecodeQueueUrl(R"({"QueueUrl":"http://x/q"})"), "http://x/q");
    EXPECT_EQ(DecodeMessageId(R"({"MessageId":"abc","SequenceNumber":"1"})"), "abc");
    auto attributes = DecodeQueueAttributes(
        R"({"Attributes":{"ApproximateNumberOfMessages":"7","QueueArn":"arn:q"}})");
    ASSERT_TRUE(attributes);
    EXPECT_EQ(IntAttribute(*attributes, "ApproximateNumberOfMessages"), 7);
    EXPECT_EQ(IntAttribute(*attributes, "QueueArn"), std::nullopt);
    EXPECT_EQ(IntAttribute(*attributes, "Missing"), std::nullopt);
}

TEST(SqsCodec, BatchesVisibilityChanges) {
    const auto request = Parsed(EncodeChangeVisibilityBatch("u", {"r1", "r2"}, 0));
    EXPECT_EQ(request, Parsed(R"({"QueueUrl":"u","Entries":[
        {"Id":"m0","ReceiptHandle":"r1","VisibilityTimeout":0},
        {"Id":"m1","ReceiptHandle":"r2","VisibilityTimeout":0}]})"));
}

TEST(SqsCodec, WritesTheRedrivePolicyAsSqsExpects) {
    EXPECT_EQ(Parsed(RedrivePolicy("arn:aws:sqs:us-east-1:1:q-dlq.fifo", 5)),
              Parsed(R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:1:q-dlq.fifo",
                         "maxReceiveCount":"5"})"));
    EXPECT_EQ(Parsed(EncodeCreateQueue("q.fifo", {{"FifoQueue", "true"}})),
              Parsed(R"({"QueueName":"q.fifo","Attributes":{"FifoQueue":"true"}})"));
}

}  // namespace
}  // namespace scs::sqs
