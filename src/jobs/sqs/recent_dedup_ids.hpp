#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/time.hpp"

namespace scs {

// Deduplication ids this process sent recently, with the message id each got. SQS drops a
// repeat silently, so this is how SqsQueue can still report SendResult::duplicate (for sends
// through the same object), and how it deduplicates on standard queues, which have no
// deduplication of their own. Keeps at most `capacity` ids, each for `window`. Pure logic;
// SqsQueue serialises access (not thread-safe on its own).
class RecentDedupIds {
public:
    RecentDedupIds(std::chrono::milliseconds window, size_t capacity)
        : window_(window), capacity_(capacity) {}

    // The message id sent with `dedup_id` less than `window` before `now`, if any.
    std::optional<std::string> Find(const std::string& dedup_id, TimePoint now) const;

    // Records a send that started at `sent_at` (the start, so the window never outlasts SQS's).
    void Remember(const std::string& dedup_id, std::string message_id, TimePoint sent_at);

    size_t Size() const { return entries_.size(); }

private:
    struct Entry {
        std::string message_id;
        TimePoint sent_at;
    };

    std::chrono::milliseconds window_;
    size_t capacity_;
    std::unordered_map<std::string, Entry> entries_;
    std::deque<std::string> order_;  // dedup ids, oldest first
};

}  // namespace scs
