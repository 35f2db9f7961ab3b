#include "jobs/sqs/sqs_client.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(SqsClient, DefaultsToTheRegionsAwsEndpoint) {
    const SqsClient client(SqsSettings{"", "eu-west-1", "key", "secret"});
    EXPECT_EQ(client.Settings().endpoint, "https://sqs.eu-west-1.amazonaws.com");
}

TEST(SqsClient, KeepsAnExplicitEndpoint) {
    const SqsClient client(SqsSettings{"http://127.0.0.1:4566", "us-east-1", "test", "test"});
    EXPECT_EQ(client.Settings().endpoint, "http://127.0.0.1:4566");
}

}  // namespace
}  // namespace scs
