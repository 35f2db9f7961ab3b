#include "storage/session_pool.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

using std::chrono::milliseconds;

// Stands in for a database connection; the serial tells connections apart.
struct FakeConnection {
    int serial = 0;
};

// A factory that numbers the connections it opens and can be told to fail.
struct CountingFactory {
    int opened = 0;
    bool fail = false;

    SessionPool<FakeConnection>::Factory Make() {
        return [this]() -> Result<std::unique_ptr<FakeConnection>> {
            if (fail) {
                return Fail(ErrorCode::kUnavailable, "server down");
            }
            return std::make_unique<FakeConnection>(FakeConnection{++opened});
        };
    }
};

TEST(SessionPoolTest, OpensLazilyUpToTheLimitThenTimesOut) {
    CountingFactory factory;
    SessionPool<FakeConnection> pool(2, milliseconds(20), factory.Make());
    EXPECT_EQ(factory.opened, 0);
    auto first = pool.Acquire();
    auto second = pool.Acquire();
    ASSERT_TRUE(first && second);
    EXPECT_EQ(factory.opened, 2);

    auto third = pool.Acquire();
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(third.error().message.find("all 2 database connections"), std::string::npos);
}

TEST(SessionPoolTest, ReturnedConnectionsAreReused) {
    CountingFactory factory;
    SessionPool<FakeConnection> pool(2, milliseconds(20), factory.Make());
    int serial = 0;
    {
        auto lease = pool.Acquire();
        ASSERT_TRUE(lease);
        serial = (*lease)->serial;
    }
    auto again = pool.Acquire();
    ASSERT_TRUE(again);
    EXPECT_EQ((*again)->serial, serial);
    EXPECT_EQ(factory.opened, 1);
}

TEST(SessionPoolTest, DiscardedAndFailedOpensFreeTheirSlot) {
    CountingFactory factory;
    SessionPool<FakeConnection> pool(1, milliseconds(20), factory.Make());
    {
        auto lease = pool.Acquire();
        ASSERT_TRUE(lease);
        lease->Discard();
    }
    factory.fail = true;
    auto failed = pool.Acquire();
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().message, "server down");
    factory.fail = false;
    auto fresh = pool.Acquire();
    ASSERT_TRUE(fresh);
    EXPECT_EQ((*fresh)->serial, 2);
}

TEST(SessionPoolTest, SeededConnectionIsUsedFirstAndCloseIdleDropsIt) {
    CountingFactory factory;
    SessionPool<FakeConnection> pool(1, milliseconds(20), factory.Make());
    pool.Seed(std::make_unique<FakeConnection>(FakeConnection{100}));
    {
        auto lease = pool.Acquire();
        ASSERT_TRUE(lease);
        EXPECT_EQ((*lease)->serial, 100);
    }
    pool.CloseIdle();
    auto fresh = pool.Acquire();
    ASSERT_TRUE(fresh);
    EXPECT_EQ((*fresh)->serial, 1);
}

TEST(SessionPoolTest, MovedLeaseReturnsOnce) {
    CountingFactory factory;
    SessionPool<FakeConnection> pool(1, milliseconds(20), factory.Make());
    {
        auto lease = pool.Acquire();
        ASSERT_TRUE(lease);
        auto moved = std::move(*lease);
    }
    auto first = pool.Acquire();
    ASSERT_TRUE(first);
    EXPECT_FALSE(pool.Acquire());  // still only one slot: the move did not free a second one
}

}  // namespace
}  // namespace scs
