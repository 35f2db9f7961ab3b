#include "jobs/sqs/recent_dedup_ids.hpp"

namespace scs {

std::optional<std::string> RecentDedupIds::Find(const std::string& dedup_id, TimePoint now) const {
    const auto entry = entries_.find(dedup_id);
    if (entry == entries_.end() || entry->second.sent_at + window_ <= now) {
        return std::nullopt;
    }
    return entry->second.message_id;
}

void RecentDedupIds::Remember(const std::string& dedup_id,
                              std::string message_id,
                              TimePoint sent_at) {
    while (!order_.empty()) {
        const auto oldest = entries_.find(order_.front());
        const bool expired =
            oldest == entries_.end() || oldest->second.sent_at + window_ <= sent_at;
        if (!expired && entries_.size() < capacity_) {
            break;
        }
        if (oldest != entries_.end()) {
            entries_.erase(oldest);
        }
        order_.pop_front();
    }
    if (entries_.insert_or_assign(dedup_id, Entry{std::move(message_id), sent_at}).second) {
        order_.push_back(dedup_id);
    }
}

}  // namespace scs
