#include "jobs/worker/job.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace scs {
namespace {

// The error of a body ParseJob must reject; fails the test when it was accepted.
Error Rejected(std::string_view body) {
    auto job = ParseJob(body);
    EXPECT_FALSE(job) << "accepted: " << body;
    return job ? Error{} : job.error();
}

TEST(EncodeJob, WritesTypeAndPayload) {
    EXPECT_EQ(EncodeJob("sync_orders", R"({"connection_id":"c1","window":3})"),
              R"({"type":"sync_orders","payload":{"connection_id":"c1","window":3}})");
}

TEST(EncodeJob, EmptyPayloadIsAnEmptyObject) {
    EXPECT_EQ(EncodeJob("ping", ""), R"({"type":"ping","payload":{}})");
}

TEST(EncodeJob, EscapesTheType) {
    const std::string body = EncodeJob("a\"b\\c", "{}");
    auto job = ParseJob(body);
    ASSERT_TRUE(job) << job.error().message;
    EXPECT_EQ(job->type, "a\"b\\c");
}

TEST(EncodeJob, ThrowsForAPayloadThatIsNotAnObject) {
    EXPECT_THROW(EncodeJob("t", "[1,2]"), std::invalid_argument);
    EXPECT_THROW(EncodeJob("t", "not json"), std::invalid_argument);
    EXPECT_THROW(EncodeJob("t", R"({"a":1}, "type":"x")"), std::invalid_argument);
}

TEST(ParseJob, RoundTripsEncodeJob) {
    auto job = ParseJob(EncodeJob("push_inventory", R"({"sku":"A-1","levels":[1,2]})"));
    ASSERT_TRUE(job) << job.error().message;
    EXPECT_EQ(job->type, "push_inventory");
    EXPECT_EQ(job->payload_json, R"({"sku":"A-1","levels":[1,2]})");
}

TEST(ParseJob, MissingPayloadIsAnEmptyObject) {
    auto job = ParseJob(R"({"type":"ping"})");
    ASSERT_TRUE(job) << job.error().message;
    EXPECT_EQ(job->type, "ping");
    EXPECT_EQ(job->payload_json, "{}");
}

TEST(ParseJob, IgnoresOtherKeys) {
    auto job = ParseJob(R"({"version":2,"type":"ping","payload":{}})");
    ASSERT_TRUE(job) << job.error().message;
    EXPECT_EQ(job->type, "ping");
}

TEST(ParseJob, RejectsABodyThatIsNotJson) {
    const Error error = Rejected("{\"type\": ");
    EXPECT_EQ(error.code, ErrorCode::kInvalidPayload);
    EXPECT_NE(error.message.find("not valid JSON"), std::string::npos) << error.message;
    EXPECT_NE(Rejected("").message.find("not valid JSON"), std::string::npos);
}

TEST(ParseJob, RejectsABodyThatIsNotAnObject) {
    for (std::string_view body : {"[]", "\"ping\"", "42", "null"}) {
        const Error error = Rejected(body);
        EXPECT_EQ(error.code, ErrorCode::kInvalidPayload);
        EXPECT_NE(error.message.find("must be a JSON object"), std::string::npos) << error.message;
    }
}

TEST(ParseJob, RejectsAMissingType) {
    const Error error = Rejected(R"({"payload":{}})");
    EXPECT_EQ(error.code, ErrorCode::kInvalidPayload);
    EXPECT_NE(error.message.find(R"(no "type")"), std::string::npos) << error.message;
}

TEST(ParseJob, RejectsATypeThatIsNotAString) {
    for (std::string_view body : {R"({"type":1})", R"({"type":null})", R"({"type":["a"]})"}) {
        const Error error = Rejected(body);
        EXPECT_EQ(error.code, ErrorCode::kInvalidPayload);
        EXPECT_NE(error.message.find("must be a string"), std::string::npos) << error.message;
    }
}

TEST(ParseJob, RejectsAnEmptyType) {
    const Error error = Rejected(R"({"type":"","payload":{}})");
    EXPECT_EQ(error.code, ErrorCode::kInvalidPayload);
    EXPECT_NE(error.message.find("must not be empty"), std::string::npos) << error.message;
}

TEST(ParseJob, RejectsAPayloadThatIsNotAnObject) {
    for (std::string_view body : {R"({"type":"t","payload":[1]})",
                                  R"({"type":"t","payload":"x"})",
                                  R"({"type":"t","payload":null})"}) {
        const Error error = Rejected(body);
        EXPECT_EQ(error.code, ErrorCode::kInvalidPayload);
        EXPECT_NE(error.message.find(R"("payload" must be a JSON object)"), std::string::npos)
            << error.message;
    }
}

}  // namespace
}  // namespace scs
