#include "jobs/queue_names.hpp"

#include <gtest/gtest.h>

namespace scs {
namespace {

TEST(QueueNames, ListsTheServiceQueuesWithThePrefix) {
    EXPECT_EQ(ServiceQueueNames("prod-"),
              (std::vector<std::string>{"prod-fetch-orders.fifo",
                                        "prod-fetch-products.fifo",
                                        "prod-inventory-updates.fifo",
                                        "prod-order-updates.fifo",
                                        "prod-webhooks",
                                        "prod-oms-orders"}));
    EXPECT_EQ(ServiceQueueNames("").front(), "fetch-orders.fifo");
}

TEST(QueueNames, TellsFifoQueuesByTheirSuffix) {
    EXPECT_TRUE(IsFifoQueueName("fetch-orders.fifo"));
    EXPECT_FALSE(IsFifoQueueName("webhooks"));
    EXPECT_FALSE(IsFifoQueueName("fifo"));
}

TEST(QueueNames, NamesDeadLetterQueuesSoSqsAcceptsThem) {
    EXPECT_EQ(DeadLetterQueueName("prod-fetch-orders.fifo"), "prod-fetch-orders-dlq.fifo");
    EXPECT_EQ(DeadLetterQueueName("webhooks"), "webhooks-dlq");
}

}  // namespace
}  // namespace scs
