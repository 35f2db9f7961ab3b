#include <gtest/gtest.h>

#include "state/redis/redis_client.hpp"

namespace scs {
namespace {

TEST(ParseRedisUrl, ReadsHostPortPasswordAndDatabase) {
    const auto endpoint = ParseRedisUrl("redis://:s3cret@cache.internal:6380/2");
    ASSERT_TRUE(endpoint) << endpoint.error().message;
    EXPECT_EQ(endpoint->host, "cache.internal");
    EXPECT_EQ(endpoint->port, 6380);
    EXPECT_EQ(endpoint->password, "s3cret");
    EXPECT_EQ(endpoint->db, 2);
}

TEST(ParseRedisUrl, DefaultsPortAndDatabase) {
    const auto endpoint = ParseRedisUrl("redis://localhost");
    ASSERT_TRUE(endpoint) << endpoint.error().message;
    EXPECT_EQ(endpoint->port, 6379);
    EXPECT_EQ(endpoint->db, 0);
    EXPECT_EQ(endpoint->password, "");
}

TEST(ParseRedisUrl, RejectsOtherSchemesAndBadDatabases) {
    EXPECT_EQ(ParseRedisUrl("http://localhost").error().field, "redis.url");
    EXPECT_EQ(ParseRedisUrl("redis://localhost/zero").error().code, ErrorCode::kBadRequest);
    EXPECT_FALSE(ParseRedisUrl("not a url"));
}

}  // namespace
}  // namespace scs
