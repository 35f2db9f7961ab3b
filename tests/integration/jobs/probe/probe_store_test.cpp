// ProbeStore on both dialects: the first recording keeps its order and worker, repeats count
// deliveries, runs are kept apart.
#include <gtest/gtest.h>

#include "../outbox/outbox_env.hpp"
#include "jobs/probe/probe_jobs.hpp"

namespace scs {
namespace {

using testing::OutboxDialect;
using testing::OutboxTestEnv;

class ProbeStoreTest : public ::testing::TestWithParam<OutboxDialect> {
protected:
    void SetUp() override {
        env_ = OutboxTestEnv::Create(GetParam());
        if (!env_) {
            GTEST_SKIP() << "no database for this dialect";
        }
        store_.emplace(env_->Executor(), env_->Clock());
    }

    static ReceivedMessage Message(const std::string& group, int receive_count) {
        ReceivedMessage message;
        message.id = "m";
        message.group_id = group;
        message.receive_count = receive_count;
        return message;
    }

    std::unique_ptr<OutboxTestEnv> env_;
    std::optional<ProbeStore> store_;
};

TEST_P(ProbeStoreTest, RecordsOnceAndCountsRedeliveries) {
    ASSERT_TRUE(store_->Record(ProbeJob{"run-a", 1, {}}, "webhooks", Message("g1", 1), "w1"));
    ASSERT_TRUE(store_->Record(ProbeJob{"run-a", 0, {}}, "webhooks", Message("g2", 1), "w1"));
    // The same probe again (its worker died before deleting the message): no new row.
    ASSERT_TRUE(store_->Record(ProbeJob{"run-a", 1, {}}, "webhooks", Message("g1", 2), "w2"));
    ASSERT_TRUE(store_->Record(ProbeJob{"run-b", 1, {}}, "webhooks", Message("g1", 1), "w3"));

    auto records = store_->List("run-a");
    ASSERT_TRUE(records) << records.error().message;
    ASSERT_EQ(records->size(), 2U);
    EXPECT_EQ((*records)[0].group_id, "g1");
    EXPECT_EQ((*records)[0].seq, 1);
    EXPECT_EQ((*records)[0].worker, "w1");
    EXPECT_EQ((*records)[0].receive_count, 1);
    EXPECT_EQ((*records)[0].deliveries, 2);
    EXPECT_EQ((*records)[0].queue, "webhooks");
    EXPECT_EQ((*records)[0].processed_at, env_->Clock().Now());
    EXPECT_EQ((*records)[1].group_id, "g2");
    EXPECT_EQ((*records)[1].deliveries, 1);
    EXPECT_LT((*records)[0].order, (*records)[1].order);
    auto other = store_->List("run-b");
    ASSERT_TRUE(other);
    EXPECT_EQ(other->size(), 1U);
    auto none = store_->List("run-c");
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
}

INSTANTIATE_TEST_SUITE_P(Dialects,
                         ProbeStoreTest,
                         ::testing::Values(OutboxDialect::kSqlite, OutboxDialect::kPostgres),
                         testing::OutboxDialectName);

}  // namespace
}  // namespace scs
