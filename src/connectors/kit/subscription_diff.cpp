#include "connectors/kit/subscription_diff.hpp"

#include <algorithm>

namespace scs::kit {
namespace {

// The indexes of the subscriptions of `topic` to `address`.
std::vector<std::size_t> Matches(const std::vector<Subscription>& existing,
                                 std::string_view topic,
                                 std::string_view address) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < existing.size(); ++i) {
        if (existing[i].topic == topic && existing[i].address == address) {
            out.push_back(i);
        }
    }
    return out;
}

void PlanTopic(std::string_view topic,
               const std::vector<Subscription>& existing,
               const std::vector<std::size_t>& matches,
               bool reset_all,
               std::vector<SubscriptionStep>& steps) {
    using Kind = SubscriptionStep::Kind;
    if (matches.empty()) {
        steps.push_back({Kind::kCreate, topic, 0});
        return;
    }
    if (reset_all) {
        for (const std::size_t index : matches) {
            steps.push_back({Kind::kReactivate, topic, index});
        }
        return;
    }
    const bool any_active = std::any_of(
        matches.begin(), matches.end(), [&](std::size_t i) { return existing[i].active; });
    if (!any_active) {
        steps.push_back({Kind::kReactivate, topic, matches.front()});
    }
}

}  // namespace

std::vector<SubscriptionStep> PlanSubscriptions(std::span<const std::string_view> topics,
                                                const std::vector<Subscription>& existing,
                                                std::string_view address,
                                                bool reset_all) {
    std::vector<SubscriptionStep> steps;
    for (const std::string_view topic : topics) {
        PlanTopic(topic, existing, Matches(existing, topic, address), reset_all, steps);
    }
    return steps;
}

}  // namespace scs::kit
