#include <sstream>

#include <gtest/gtest.h>

#include "state/redis/redis_client.hpp"
#include "state/redis/redis_state_store.hpp"
#include "state_backend.hpp"

namespace scs::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr milliseconds kLongTtl{30'000};

// A RedisStateStore on TEST_REDIS_URL under a unique prefix, plus a plain connection to inspect
// what it wrote; the prefix's keys are deleted afterwards.
class RedisStateStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto url = RequireServer("TEST_REDIS_URL");
        if (!url) {
            GTEST_SKIP();
        }
        url_ = *url;
        auto store = RedisStateStore::Open(RedisStateConfig{url_, prefix_});
        ASSERT_TRUE(store) << store.error().message;
        store_ = std::move(*store);
        auto admin = RedisClient::Connect(*ParseRedisUrl(url_), seconds(2));
        ASSERT_TRUE(admin) << admin.error().message;
        admin_.emplace(std::move(*admin));
    }

    void TearDown() override {
        if (!url_.empty()) {
            DeleteRedisKeys(url_, prefix_);
        }
    }

    RedisReply Admin(const std::vector<std::string>& args) {
        auto reply = admin_->Command(args);
        EXPECT_TRUE(reply) << reply.error().message;
        return reply ? *reply : RedisReply{};
    }

    std::string url_;
    std::string prefix_ = UniqueName("scs_test_") + ":";
    std::unique_ptr<RedisStateStore> store_;
    std::optional<RedisClient> admin_;
};

TEST_F(RedisStateStoreTest, FallsBackToEvalWhenTheServerForgotTheScripts) {
    ASSERT_TRUE(Value(store_->TryAcquireLease("k", "a", kLongTtl)));
    ASSERT_EQ(Admin({"SCRIPT", "FLUSH"}).type, RedisReply::Type::kStatus);
    EXPECT_TRUE(Value(store_->TryAcquireLease("k", "a", kLongTtl)));
    ASSERT_EQ(Admin({"SCRIPT", "FLUSH"}).type, RedisReply::Type::kStatus);
    EXPECT_TRUE(Value(store_->TryTake("b", 10, 1, 1)).granted);
    ASSERT_EQ(Admin({"SCRIPT", "FLUSH"}).type, RedisReply::Type::kStatus);
    EXPECT_EQ(Value(store_->GetLease("k")).value_or(LeaseInfo{}).owner, "a");
}

TEST_F(RedisStateStoreTest, KeysLiveUnderThePrefix) {
    ASSERT_TRUE(Value(store_->TryAcquireLease("k", "a", kLongTtl)));
    ASSERT_TRUE(Value(store_->TryLock("k", "b", kLongTtl)));
    ASSERT_TRUE(store_->SetLastSync(7, "orders", FromUnixMillis(1234)));
    ASSERT_TRUE(Value(store_->TryTake("b", 10, 1, 1)).granted);
    EXPECT_EQ(Admin({"GET", prefix_ + "lease:k"}).text, "a");
    EXPECT_EQ(Admin({"GET", prefix_ + "lock:k"}).text, "b");
    EXPECT_EQ(Admin({"GET", prefix_ + "last_sync:7:orders"}).text, "1234");
    EXPECT_EQ(Admin({"TYPE", prefix_ + "bucket:b"}).text, "hash");
}

TEST_F(RedisStateStoreTest, StoresWithOtherPrefixesDoNotShareState) {
    const std::string other_prefix = UniqueName("scs_test_") + ":";
    auto other = RedisStateStore::Open(RedisStateConfig{url_, other_prefix});
    ASSERT_TRUE(other) << other.error().message;
    ASSERT_TRUE(Value(store_->TryAcquireLease("k", "a", kLongTtl)));
    EXPECT_TRUE(Value((*other)->TryAcquireLease("k", "b", kLongTtl)));
    DeleteRedisKeys(url_, other_prefix);
}

TEST_F(RedisStateStoreTest, LeaseKeyCarriesTheTtl) {
    ASSERT_TRUE(Value(store_->TryAcquireLease("k", "a", milliseconds(5000))));
    const int64_t ttl = Admin({"PTTL", prefix_ + "lease:k"}).integer;
    EXPECT_GT(ttl, 4000);
    EXPECT_LE(ttl, 5000);
}

TEST_F(RedisStateStoreTest, BucketKeyExpiresOnceTheBucketWouldBeFullAgain) {
    // 4 tokens short at 2 per second: full again in 2 s; the key outlives that by a second.
    ASSERT_TRUE(Value(store_->TryTake("b", 10, 2, 4)).granted);
    const int64_t ttl = Admin({"PTTL", prefix_ + "bucket:b"}).integer;
    EXPECT_GT(ttl, 2500);
    EXPECT_LE(ttl, 3000);
}

TEST_F(RedisStateStoreTest, RefusedReleaseNamesTheHolder) {
    ASSERT_TRUE(Value(store_->TryAcquireLease("k", "worker-a", kLongTtl)));
    const auto refused = store_->ReleaseLease("k", "worker-b");
    ASSERT_TRUE(FailedWith(refused, ErrorCode::kConflict));
    EXPECT_NE(refused.error().message.find("worker-a"), std::string::npos);
}

// Kills, on the server side, every connection named `name`; returns how many.
int KillClientsNamed(RedisClient& admin, const std::string& name) {
    auto list = admin.Command({"CLIENT", "LIST"});
    EXPECT_TRUE(list) << list.error().message;
    std::istringstream lines(list ? list->text : "");
    int killed = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.find(" name=" + name + " ") == std::string::npos) {
            continue;
        }
        const std::string id = line.substr(3, line.find(' ') - 3);  // "id=17 addr=..."
        auto kill = admin.Command({"CLIENT", "KILL", "ID", id});
        killed += kill && kill->integer == 1 ? 1 : 0;
    }
    return killed;
}

class RedisReconnectTest : public RedisStateStoreTest {
protected:
    void SetUp() override {
        RedisStateStoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        RedisStateConfig config;
        config.url = url_;
        config.key_prefix = prefix_;
        config.client_name = name_;
        auto named = RedisStateStore::Open(config);
        ASSERT_TRUE(named) << named.error().message;
        store_ = std::move(*named);
    }

    std::string name_ = UniqueName("scs-test-");
};

TEST_F(RedisReconnectTest, IdempotentCallsRetryOnAFreshConnection) {
    ASSERT_TRUE(Value(store_->TryAcquireLease("k", "a", kLongTtl)));
    ASSERT_EQ(KillClientsNamed(*admin_, name_), 1);
    EXPECT_TRUE(Value(store_->RenewLease("k", "a", kLongTtl)));
    ASSERT_EQ(KillClientsNamed(*admin_, name_), 1);
    EXPECT_EQ(Value(store_->GetLease("k")).value_or(LeaseInfo{}).owner, "a");
}

TEST_F(RedisReconnectTest, DrawOnADroppedConnectionFailsOnceAndIsNotResent) {
    ASSERT_TRUE(Value(store_->TryTake("b", 10, 1, 4)).granted);
    ASSERT_EQ(KillClientsNamed(*admin_, name_), 1);
    EXPECT_TRUE(FailedWith(store_->TryTake("b", 10, 1, 4), ErrorCode::kUnavailable));
    const auto next = Value(store_->TryTake("b", 10, 1, 4));
    EXPECT_TRUE(next.granted);
    EXPECT_NEAR(next.remaining, 2, 0.5);  // the failed draw took nothing
}

TEST(RedisStateStoreDown, EveryCallIsUnavailable) {
    RedisEndpoint endpoint;
    endpoint.port = FreePort();
    RedisStateConfig config;
    config.timeout = milliseconds(500);
    RedisStateStore dead(endpoint, config);
    EXPECT_TRUE(FailedWith(dead.TryAcquireLease("k", "a", kLongTtl), ErrorCode::kUnavailable));
    EXPECT_TRUE(FailedWith(dead.TryTake("b", 1, 1, 1), ErrorCode::kUnavailable));
    EXPECT_TRUE(FailedWith(dead.GetLastSync(1, "orders"), ErrorCode::kUnavailable));
    EXPECT_TRUE(FailedWith(dead.Unlock("k", "a"), ErrorCode::kUnavailable));
}

TEST(RedisStateStoreOpen, BadUrlIsABadRequest) {
    EXPECT_TRUE(FailedWith(RedisStateStore::Open(RedisStateConfig{"http://localhost"}),
                           ErrorCode::kBadRequest));
}

TEST(RedisStateStoreOpen, UnreachableServerIsUnavailable) {
    const std::string url = "redis://127.0.0.1:" + std::to_string(FreePort()) + "/0";
    EXPECT_TRUE(FailedWith(RedisStateStore::Open(RedisStateConfig{url}), ErrorCode::kUnavailable));
}

}  // namespace
}  // namespace scs::testing
