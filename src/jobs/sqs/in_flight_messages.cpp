#include "jobs/sqs/in_flight_messages.hpp"

namespace scs {

void InFlightMessages::Add(const ReceivedMessage& message, TimePoint visible_until) {
    messages_.insert_or_assign(message.receipt, Entry{message, visible_until});
}

void InFlightMessages::Extend(const std::string& receipt, TimePoint visible_until) {
    if (const auto entry = messages_.find(receipt); entry != messages_.end()) {
        entry->second.visible_until = visible_until;
    }
}

std::optional<ReceivedMessage> InFlightMessages::Find(const std::string& receipt) const {
    const auto entry = messages_.find(receipt);
    if (entry == messages_.end()) {
        return std::nullopt;
    }
    return entry->second.message;
}

void InFlightMessages::Forget(const std::string& receipt) {
    messages_.erase(receipt);
}

void InFlightMessages::Prune(TimePoint now) {
    std::erase_if(messages_,
                  [&](const auto& entry) { return entry.second.visible_until + grace_ < now; });
}

}  // namespace scs
