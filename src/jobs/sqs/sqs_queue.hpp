#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "jobs/queue.hpp"
#include "jobs/sqs/follower_buffer.hpp"
#include "jobs/sqs/in_flight_messages.hpp"
#include "jobs/sqs/recent_dedup_ids.hpp"
#include "jobs/sqs/sqs_client.hpp"
#include "jobs/sqs/sqs_codec.hpp"

namespace scs {

// A Queue on Amazon SQS (the production backend), over the JSON protocol. The queue and its
// dead-letter queue must exist (EnsureSqsQueues); their URLs are resolved by name on first use
// and cached. Names ending in ".fifo" are FIFO queues; others are standard queues, where SQS
// neither orders nor deduplicates (this object still drops repeats it sent itself). Extra
// messages of a group in one batch are held back until the earlier one is done
// (FollowerBuffer). DeadLetterNow needs the message, so it must be called on the object that
// received it. See sqs/README.md for the limits of the dead-letter operations. The clock must
// outlive the queue. Thread-safe; the destructor returns held-back messages to SQS.
class SqsQueue final : public Queue {
public:
    SqsQueue(SqsClient client, const TimeSource& clock, QueueOptions options);
    ~SqsQueue() override;
    SqsQueue(const SqsQueue&) = delete;
    SqsQueue& operator=(const SqsQueue&) = delete;
    SqsQueue(SqsQueue&&) = delete;
    SqsQueue& operator=(SqsQueue&&) = delete;

    const std::string& Name() const override { return options_.name; }

    [[nodiscard]] Result<SendResult> Send(const OutgoingMessage& message) override;

    [[nodiscard]] Result<std::vector<ReceivedMessage>> Receive(
        int max_messages,
        std::chrono::milliseconds wait,
        std::chrono::milliseconds visibility_timeout) override;

    [[nodiscard]] Status Delete(const std::string& receipt) override;

    [[nodiscard]] Status ChangeVisibility(const std::string& receipt,
                                          std::chrono::milliseconds timeout) override;

    [[nodiscard]] Status RetryLater(const std::string& receipt,
                                    std::chrono::milliseconds delay,
                                    std::string error) override;

    [[nodiscard]] Status DeadLetterNow(const std::string& receipt, std::string reason) override;

    [[nodiscard]] Result<QueueStats> Stats() override;

    [[nodiscard]] Result<std::vector<DeadLetter>> ListDeadLetters(int limit) override;

    [[nodiscard]] Status RetryDeadLetter(const std::string& id) override;

private:
    // Decides, for each dead letter scanned so far, whether the scan may stop.
    using ScanStop = std::function<bool(const sqs::Message&)>;

    Result<std::string> QueueUrl();
    Result<std::string> DeadLetterUrl();
    Result<std::string> ResolveUrl(const std::string& name, std::string& cache);
    Result<SendResult> SendTo(const std::string& url,
                              const OutgoingMessage& message,
                              bool fifo,
                              const sqs::Attributes& attributes);
    std::vector<ReceivedMessage> TakeHeld(const std::string& url,
                                          int max_messages,
                                          std::chrono::milliseconds visibility_timeout);
    Result<std::vector<ReceivedMessage>> ReceiveFresh(const std::string& url,
                                                      int max_messages,
                                                      std::chrono::milliseconds wait,
                                                      std::chrono::milliseconds visibility_timeout);
    void Track(const std::vector<ReceivedMessage>& messages, TimePoint visible_until);
    Status SetVisibility(const std::string& url, const std::string& receipt, int seconds);
    // Makes `receipts` visible again at once; best effort (a stale receipt needs nothing).
    void Release(const std::string& url, const std::vector<std::string>& receipts);
    // Returns the followers of a head that goes back to the queue.
    void ReleaseFollowers(const std::string& url, const std::string& receipt);
    // Receives up to `limit` dead letters, holding them invisible, until `stop` says so.
    Result<std::vector<sqs::Message>> ScanDeadLetters(const std::string& url,
                                                      int limit,
                                                      const ScanStop& stop);
    // Moves the new letters of `batch` into `scanned` until `stop` says so; true when it did.
    // Second copies and what follows the stop go to `unwanted`, to be let go.
    static bool TakeUntil(std::vector<sqs::Message>&& batch,
                          const ScanStop& stop,
                          std::set<std::string>& seen,
                          std::vector<sqs::Message>& scanned,
                          std::vector<std::string>& unwanted);
    DeadLetter ToDeadLetter(const sqs::Message& scanned) const;
    sqs::Attributes DeadLetterAttributes(const ReceivedMessage& message, std::string reason) const;
    // ApproximateNumberOfMessages and ...NotVisible of a queue, as visible and in_flight.
    Result<QueueStats> ApproximateCounts(const std::string& url);

    SqsClient client_;
    const TimeSource& clock_;
    const QueueOptions options_;
    const std::string dead_letter_name_;
    const bool fifo_;
    std::mutex mutex_;
    std::string url_;              // guarded by mutex_; empty until resolved
    std::string dead_letter_url_;  // guarded by mutex_
    FollowerBuffer held_;          // guarded by mutex_
    InFlightMessages in_flight_;   // guarded by mutex_
    RecentDedupIds sent_;          // guarded by mutex_
};

}  // namespace scs
