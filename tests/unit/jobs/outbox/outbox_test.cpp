#include "jobs/outbox/outbox.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "jobs/queue_names.hpp"

namespace scs {
namespace {

// A session that records statements instead of running them.
class RecordingSession final : public SqlSession {
public:
    Result<SqlRows> Exec(std::string_view sql, const SqlParams& params) override {
        statements.emplace_back(sql);
        last_params = params;
        return SqlRows{};
    }

    Status ExecScript(std::string_view sql) override {
        statements.emplace_back(sql);
        return {};
    }

    std::vector<std::string> statements;
    SqlParams last_params;
};

OutboxMessage ValidMessage() {
    return OutboxMessage{"oms-orders", "conn-7", "order-1:3", R"({"id":"order-1"})"};
}

TEST(OrderOutboxMessageTest, TargetsTheOmsQueueWithIdAndVersionAsDedupId) {
    const OutboxMessage message = OrderOutboxMessage("ord-42", 7, "conn-3", "{}");
    EXPECT_EQ(message.queue, kOmsOrdersQueue);
    EXPECT_EQ(message.dedup_id, "ord-42:7");
    EXPECT_EQ(message.group_id, "conn-3");
    EXPECT_EQ(message.body, "{}");
}

TEST(OrderOutboxMessageTest, EveryVersionGetsItsOwnDedupId) {
    EXPECT_NE(OrderOutboxMessage("ord-42", 1, "c", "{}").dedup_id,
              OrderOutboxMessage("ord-42", 2, "c", "{}").dedup_id);
}

TEST(AppendToOutboxTest, InsertsOneRowWithTheMessageAndTime) {
    RecordingSession session;
    ASSERT_TRUE(AppendToOutbox(session, ValidMessage(), FromUnixMillis(1234)));
    ASSERT_EQ(session.statements.size(), 1U);
    EXPECT_NE(session.statements[0].find("INSERT INTO outbox"), std::string::npos);
    const SqlParams expected{std::string("oms-orders"),
                             std::string("conn-7"),
                             std::string("order-1:3"),
                             std::string(R"({"id":"order-1"})"),
                             int64_t{1234}};
    EXPECT_EQ(session.last_params, expected);
}

struct InvalidCase {
    std::string name;
    OutboxMessage message;
    std::string field;
};

class AppendToOutboxInvalidTest : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(AppendToOutboxInvalidTest, RefusesWithoutTouchingTheDatabase) {
    RecordingSession session;
    auto status = AppendToOutbox(session, GetParam().message, FromUnixMillis(0));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::kBadRequest);
    EXPECT_EQ(status.error().field, GetParam().field);
    EXPECT_TRUE(session.statements.empty());
}

OutboxMessage With(void (*change)(OutboxMessage&)) {
    OutboxMessage message = ValidMessage();
    change(message);
    return message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases,
    AppendToOutboxInvalidTest,
    ::testing::Values(
        InvalidCase{"no_queue", With([](OutboxMessage& m) { m.queue.clear(); }), "queue"},
        InvalidCase{"no_group", With([](OutboxMessage& m) { m.group_id.clear(); }), "group_id"},
        InvalidCase{"no_dedup", With([](OutboxMessage& m) { m.dedup_id.clear(); }), "dedup_id"},
        InvalidCase{"spaced_dedup", With([](OutboxMessage& m) { m.dedup_id = "a b"; }), "dedup_id"},
        InvalidCase{"empty_body", With([](OutboxMessage& m) { m.body.clear(); }), "body"},
        InvalidCase{"huge_body",
                    With([](OutboxMessage& m) { m.body.assign(256 * 1024 + 1, 'x'); }),
                    "body"}),
    [](const ::testing::TestParamInfo<InvalidCase>& param) { return param.param.name; });

}  // namespace
}  // namespace scs
