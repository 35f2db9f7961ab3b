#include "connectors/kit/subscription_diff.hpp"

#include <array>

#include <gtest/gtest.h>

namespace scs::kit {
namespace {

using Kind = SubscriptionStep::Kind;

constexpr std::string_view kHook = "https://scs.test/hooks/7";
constexpr std::array<std::string_view, 3> kTopics{"order.created", "order.updated", "app.gone"};

// "create order.created" / "reactivate 2" for readable expectations.
std::vector<std::string> Describe(const std::vector<SubscriptionStep>& steps) {
    std::vector<std::string> out;
    out.reserve(steps.size());
    for (const auto& step : steps) {
        out.push_back(step.kind == Kind::kCreate
                          ? "create " + std::string(step.topic)
                          : "reactivate " + std::to_string(step.existing_index));
    }
    return out;
}

TEST(KitSubscriptionDiff, CreatesEveryTopicOfAnEmptyStoreInOrder) {
    EXPECT_EQ(Describe(PlanSubscriptions(kTopics, {}, kHook)),
              (std::vector<std::string>{
                  "create order.created", "create order.updated", "create app.gone"}));
}

TEST(KitSubscriptionDiff, KeepsActiveOnesAndIgnoresOtherAddresses) {
    const std::vector<Subscription> existing{{"order.created", std::string(kHook), true},
                                             {"order.updated", "https://other.test/", true},
                                             {"app.gone", std::string(kHook), true}};
    EXPECT_EQ(Describe(PlanSubscriptions(kTopics, existing, kHook)),
              (std::vector<std::string>{"create order.updated"}));
}

TEST(KitSubscriptionDiff, ReactivatesTheFirstWhenNoneIsActive) {
    const std::vector<Subscription> existing{{"order.created", std::string(kHook), false},
                                             {"order.created", std::string(kHook), false},
                                             {"order.updated", std::string(kHook), false},
                                             {"order.updated", std::string(kHook), true},
                                             {"app.gone", std::string(kHook), true}};
    EXPECT_EQ(Describe(PlanSubscriptions(kTopics, existing, kHook)),
              (std::vector<std::string>{"reactivate 0"}));
}

TEST(KitSubscriptionDiff, ResetAllReactivatesEveryMatchAndStillCreatesMissingTopics) {
    const std::vector<Subscription> existing{{"order.created", std::string(kHook), true},
                                             {"order.created", std::string(kHook), false},
                                             {"app.gone", std::string(kHook), true}};
    EXPECT_EQ(Describe(PlanSubscriptions(kTopics, existing, kHook, true)),
              (std::vector<std::string>{
                  "reactivate 0", "reactivate 1", "create order.updated", "reactivate 2"}));
}

}  // namespace
}  // namespace scs::kit
