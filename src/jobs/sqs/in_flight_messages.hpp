#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "core/time.hpp"
#include "jobs/queue.hpp"

namespace scs {

// The messages this process has handed out and not yet finished, by receipt. SQS cannot look a
// message up by receipt, so DeadLetterNow needs the body and group kept here. Entries whose
// visibility ended more than `grace` ago are pruned: their receipts are useless by then. Pure
// logic; SqsQueue serialises access (not thread-safe on its own).
class InFlightMessages {
public:
    explicit InFlightMessages(std::chrono::milliseconds grace) : grace_(grace) {}

    void Add(const ReceivedMessage& message, TimePoint visible_until);

    // Moves the visibility end of a known receipt (no-op for an unknown one).
    void Extend(const std::string& receipt, TimePoint visible_until);

    std::optional<ReceivedMessage> Find(const std::string& receipt) const;

    void Forget(const std::string& receipt);

    void Prune(TimePoint now);

    size_t Size() const { return messages_.size(); }

private:
    struct Entry {
        ReceivedMessage message;
        TimePoint visible_until;
    };

    std::chrono::milliseconds grace_;
    std::map<std::string, Entry> messages_;
};

}  // namespace scs
