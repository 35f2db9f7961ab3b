#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "jobs/queue.hpp"

namespace scs {

// Keeps SQS FIFO's batches one-at-a-time per group. SQS may return several messages of one
// group in one ReceiveMessage; all are in flight at once, so handing them out together would
// let two workers run one group's jobs in parallel. This holds the later ones ("followers")
// behind the first ("head") and releases the next only when the head is finished. Pure logic;
// SqsQueue makes the SQS calls and serialises access (not thread-safe on its own).
class FollowerBuffer {
public:
    // Returns the first message of each group in `batch` and holds the rest, in order, behind
    // it. `visible_until` is when the batch's visibility timeout ends. A held chain of a group
    // that SQS delivers again is stale (SQS only delivers a group when none of it is in flight)
    // and is dropped.
    std::vector<ReceivedMessage> Admit(std::vector<ReceivedMessage> batch, TimePoint visible_until);

    // The head with `receipt` is done (deleted or dead-lettered): its next follower is ready.
    void Finished(const std::string& receipt);

    // The head with `receipt` goes back to the queue, so its followers must too: forgets them
    // and returns their receipts, for the caller to make visible again.
    std::vector<std::string> Abandon(const std::string& receipt);

    // Up to `max` ready followers (each becomes its chain's head), skipping chains whose
    // visibility ends within `margin` of `now`: those are dropped, SQS will deliver them again.
    std::vector<ReceivedMessage> TakeReady(TimePoint now,
                                           std::chrono::milliseconds margin,
                                           int max);

    // Forgets every follower and returns their receipts (on shutdown).
    std::vector<std::string> DrainAll();

    size_t HeldCount() const;

private:
    struct Chain {
        std::string head_receipt;
        bool head_out = true;  // the head is with a receiver; false once it is finished
        TimePoint visible_until{};
        std::deque<ReceivedMessage> followers;
    };

    std::map<std::string, Chain>::iterator FindByHead(const std::string& receipt);

    std::map<std::string, Chain> chains_;  // by group id
};

}  // namespace scs
