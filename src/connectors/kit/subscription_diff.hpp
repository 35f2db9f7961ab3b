#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// What a connector must do so a store delivers each wanted webhook topic to the service: the
// diff between the topics wanted and the subscriptions the platform lists. Pure, thread-safe.
namespace scs::kit {

// A subscription as the platform lists it.
struct Subscription {
    std::string topic;
    std::string address;  // where it delivers
    bool active = true;   // false: the platform disabled or paused it
};

// One call to make: create `topic`, or reactivate existing[existing_index].
struct SubscriptionStep {
    enum class Kind { kCreate, kReactivate };
    Kind kind = Kind::kCreate;
    std::string_view topic;
    std::size_t existing_index = 0;
};

// The steps, topic by topic in the order of `topics`: a topic with no subscription to `address`
// is created; one with an active subscription is kept; one whose subscriptions are all inactive
// has its first reactivated. With `reset_all` (a new signing secret, say) every subscription to
// `address` of a wanted topic is reactivated, so it carries what the reactivation sends.
std::vector<SubscriptionStep> PlanSubscriptions(std::span<const std::string_view> topics,
                                                const std::vector<Subscription>& existing,
                                                std::string_view address,
                                                bool reset_all = false);

}  // namespace scs::kit
