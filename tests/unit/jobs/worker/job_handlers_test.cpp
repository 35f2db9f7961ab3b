#include "jobs/worker/job_handlers.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace scs {
namespace {

JobHandler Returning(const Status& status) {
    return [status](const Job&, JobContext&) {
        return status;
    };
}

JobContext Context(const std::atomic<bool>& stop, JobContext::HeartbeatFn beat = {}) {
    ReceivedMessage message;
    message.id = "m-1";
    message.group_id = "conn-7";
    message.receive_count = 2;
    return {"fetch-orders.fifo", message, stop, std::move(beat)};
}

TEST(JobHandlers, FindsTheHandlerAddedForAType) {
    JobHandlers handlers;
    handlers.Add("sync_orders", Returning({}));
    handlers.Add("push_inventory", Returning(Fail(ErrorCode::kTimeout, "slow")));
    const std::atomic<bool> stop{false};
    JobContext context = Context(stop);
    const JobHandler* push = handlers.Find("push_inventory");
    ASSERT_NE(push, nullptr);
    const Status status = (*push)(Job{"push_inventory", "{}"}, context);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kTimeout);
    ASSERT_NE(handlers.Find("sync_orders"), nullptr);
    EXPECT_TRUE((*handlers.Find("sync_orders"))(Job{"sync_orders", "{}"}, context));
}

TEST(JobHandlers, UnknownTypeHasNoHandler) {
    JobHandlers handlers;
    handlers.Add("sync_orders", Returning({}));
    EXPECT_EQ(handlers.Find("sync_order"), nullptr);
    EXPECT_EQ(handlers.Find(""), nullptr);
}

TEST(JobHandlers, ListsTypesSorted) {
    JobHandlers handlers;
    EXPECT_TRUE(handlers.Types().empty());
    handlers.Add("sync_orders", Returning({}));
    handlers.Add("push_inventory", Returning({}));
    EXPECT_EQ(handlers.Types(), (std::vector<std::string>{"push_inventory", "sync_orders"}));
}

TEST(JobHandlers, AddingATypeTwiceIsAProgrammingError) {
    JobHandlers handlers;
    handlers.Add("sync_orders", Returning({}));
    EXPECT_THROW(handlers.Add("sync_orders", Returning({})), std::logic_error);
    EXPECT_EQ(handlers.Types().size(), 1U);
}

TEST(JobHandlers, EmptyTypeOrHandlerIsAProgrammingError) {
    JobHandlers handlers;
    EXPECT_THROW(handlers.Add("", Returning({})), std::logic_error);
    EXPECT_THROW(handlers.Add("sync_orders", JobHandler{}), std::logic_error);
    EXPECT_TRUE(handlers.Types().empty());
}

TEST(JobContext, ExposesTheDelivery) {
    const std::atomic<bool> stop{false};
    const JobContext context = Context(stop);
    EXPECT_EQ(context.Queue(), "fetch-orders.fifo");
    EXPECT_EQ(context.Message().id, "m-1");
    EXPECT_EQ(context.Message().group_id, "conn-7");
    EXPECT_EQ(context.Message().receive_count, 2);
}

TEST(JobContext, StopRequestedFollowsTheFlag) {
    std::atomic<bool> stop{false};
    const JobContext context = Context(stop);
    EXPECT_FALSE(context.StopRequested());
    stop = true;
    EXPECT_TRUE(context.StopRequested());
}

TEST(JobContext, HeartbeatCallsTheWorkerAndPassesItsError) {
    const std::atomic<bool> stop{false};
    int beats = 0;
    const JobContext context = Context(stop, [&beats]() -> Status {
        ++beats;
        return beats == 1 ? Status{} : Fail(ErrorCode::kConflict, "lost");
    });
    EXPECT_TRUE(context.Heartbeat());
    const Status second = context.Heartbeat();
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::kConflict);
    EXPECT_EQ(beats, 2);
}

TEST(JobContext, HeartbeatWithoutAWorkerSucceeds) {
    const std::atomic<bool> stop{false};
    EXPECT_TRUE(Context(stop).Heartbeat());
}

}  // namespace
}  // namespace scs
