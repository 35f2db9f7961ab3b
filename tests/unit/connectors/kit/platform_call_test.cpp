#include "connectors/kit/platform_call.hpp"

#include <array>
#include <deque>

#include <gtest/gtest.h>

namespace scs::kit {
namespace {

using std::chrono::milliseconds;

OutboundResponse Answer(int status, HeaderList headers = {}) {
    OutboundResponse response;
    response.status = status;
    response.headers = std::move(headers);
    response.body = "ok";
    return response;
}

// A call whose budget and answers are scripted, recording every sleep.
class ScriptedCall {
public:
    explicit ScriptedCall(int max_attempts = 4, milliseconds max_wait = milliseconds(30000)) {
        policy_.max_attempts = max_attempts;
        policy_.max_wait = max_wait;
        policy_.sleep = [this](milliseconds wait) {
            slept.push_back(wait);
        };
        policy_.budget_spent = "budget spent";
        policy_.kept_waiting = [](int status) {
            return "kept answering " + std::to_string(status);
        };
    }

    Result<std::string> Run() {
        return RunPlatformCall<std::string>(
            policy_,
            [this]() -> Result<milliseconds> {
                if (draws.empty()) {
                    return milliseconds(0);
                }
                const milliseconds wait = draws.front();
                draws.pop_front();
                return wait;
            },
            [this]() -> Result<OutboundResponse> {
                ++sent;
                OutboundResponse next = answers.front();
                answers.pop_front();
                return next;
            },
            [](OutboundResponse&& response, int attempt) {
                if (response.status == 429) {
                    return Attempt<std::string>{
                        "",
                        RetryAfterOr(response,
                                     Backoff(attempt, milliseconds(1000), milliseconds(4000)))};
                }
                return Attempt<std::string>{response.body};
            });
    }

    std::deque<milliseconds> draws;
    std::deque<OutboundResponse> answers;
    std::vector<milliseconds> slept;
    int sent = 0;

private:
    CallPolicy policy_;
};

TEST(KitPlatformCall, WaitsOutTheBudgetThenSends) {
    ScriptedCall call;
    call.draws = {milliseconds(300), milliseconds(200)};
    call.answers = {Answer(200)};
    EXPECT_EQ(call.Run().value(), "ok");
    EXPECT_EQ(call.slept, (std::vector<milliseconds>{milliseconds(300), milliseconds(200)}));
}

TEST(KitPlatformCall, GivesUpOnABudgetThatWouldPassMaxWait) {
    ScriptedCall call(4, milliseconds(1000));
    call.draws = {milliseconds(1500)};
    const auto result = call.Run();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(result.error().message, "budget spent");
    EXPECT_EQ(result.error().retry_after, std::chrono::seconds(2));
    EXPECT_EQ(call.sent, 0);
}

TEST(KitPlatformCall, WaitsOutRetryAfterAndBacksOffWithoutOne) {
    ScriptedCall call;
    call.answers = {Answer(429, {{"Retry-After", "3"}}), Answer(429), Answer(429), Answer(200)};
    EXPECT_EQ(call.Run().value(), "ok");
    EXPECT_EQ(
        call.slept,
        (std::vector<milliseconds>{milliseconds(3000), milliseconds(2000), milliseconds(4000)}));
}

TEST(KitPlatformCall, GivesUpAfterTheLastAttemptWithoutSleeping) {
    ScriptedCall call(2);
    call.answers = {Answer(429), Answer(429, {{"Retry-After", "5"}})};
    const auto result = call.Run();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kRateLimited);
    EXPECT_EQ(result.error().message, "kept answering 429");
    EXPECT_EQ(result.error().retry_after, std::chrono::seconds(5));
    EXPECT_EQ(call.slept, (std::vector<milliseconds>{milliseconds(1000)}));
}

TEST(KitPlatformCall, GivesUpWhenAWaitWouldPassMaxWait) {
    ScriptedCall call(8, milliseconds(2500));
    call.answers = {Answer(429), Answer(429)};
    const auto result = call.Run();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().retry_after, std::chrono::seconds(2));  // the second backoff
    EXPECT_EQ(call.slept, (std::vector<milliseconds>{milliseconds(1000)}));
    EXPECT_EQ(call.sent, 2);
}

TEST(KitPlatformCall, MapsStatusesByThePlatformsTable) {
    constexpr std::array<StatusErrorRow, 2> kTable{
        {{401, ErrorCode::kAuthentication}, {404, ErrorCode::kNotFound}}};
    EXPECT_EQ(ErrorCodeOfStatus(401, kTable, ErrorCode::kBadRequest), ErrorCode::kAuthentication);
    EXPECT_EQ(ErrorCodeOfStatus(404, kTable, ErrorCode::kBadRequest), ErrorCode::kNotFound);
    EXPECT_EQ(ErrorCodeOfStatus(502, kTable, ErrorCode::kBadRequest), ErrorCode::kUnavailable);
    EXPECT_EQ(ErrorCodeOfStatus(422, kTable, ErrorCode::kInvalidPayload),
              ErrorCode::kInvalidPayload);
}

TEST(KitPlatformCall, BackoffDoublesUpToItsCap) {
    EXPECT_EQ(Backoff(0, milliseconds(1000), milliseconds(16000)), milliseconds(1000));
    EXPECT_EQ(Backoff(3, milliseconds(1000), milliseconds(16000)), milliseconds(8000));
    EXPECT_EQ(Backoff(40, milliseconds(1000), milliseconds(16000)), milliseconds(16000));
}

}  // namespace
}  // namespace scs::kit
