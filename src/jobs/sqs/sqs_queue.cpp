#include "jobs/sqs/sqs_queue.hpp"

#include <algorithm>

#include "jobs/queue_limits.hpp"
#include "jobs/queue_names.hpp"

namespace scs {
namespace {

// A held follower handed out needs this much visibility left to be extended safely.
constexpr std::chrono::milliseconds kHandOverMargin{2000};
// In-flight records outlive their visibility by this much, for a late DeadLetterNow.
constexpr std::chrono::milliseconds kInFlightGrace = std::chrono::minutes(10);
// The in-process memory claims a duplicate only well inside SQS's five-minute window.
constexpr std::chrono::milliseconds kDedupMemory = kDedupWindow - std::chrono::seconds(10);
constexpr size_t kDedupCapacity = 10000;
constexpr size_t kChangeBatch = 10;

}  // namespace

SqsQueue::SqsQueue(SqsClient client, const TimeSource& clock, QueueOptions options)
    : client_(std::move(client)),
      clock_(clock),
      options_(std::move(options)),
      dead_letter_name_(DeadLetterQueueName(options_.name)),
      fifo_(IsFifoQueueName(options_.name)),
      in_flight_(kInFlightGrace),
      sent_(kDedupMemory, kDedupCapacity) {}

SqsQueue::~SqsQueue() {
    std::vector<std::string> held;
    std::string url;
    {
        std::lock_guard lock(mutex_);
        held = held_.DrainAll();
        url = url_;
    }
    if (!held.empty() && !url.empty()) {
        Release(url, held);
    }
}

Result<SendResult> SqsQueue::Send(const OutgoingMessage& message) {
    if (auto valid = ValidateOutgoing(message); !valid) {
        return tl::unexpected(std::move(valid.error()));
    }
    auto url = QueueUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    return SendTo(*url, message, fifo_, {});
}

// FIFO queues deduplicate on SQS's side; the memory only tells the caller. A standard queue
// would deliver a repeat, so there the memory is the deduplication.
Result<SendResult> SqsQueue::SendTo(const std::string& url,
                                    const OutgoingMessage& message,
                                    bool fifo,
                                    const sqs::Attributes& attributes) {
    const TimePoint started = clock_.Now();
    std::optional<std::string> seen;
    {
        std::lock_guard lock(mutex_);
        seen = sent_.Find(message.dedup_id, started);
    }
    if (seen && !fifo) {
        return SendResult{*seen, true};
    }
    auto response =
        client_.Call("SendMessage", sqs::EncodeSendMessage(url, message, fifo, attributes));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    auto id = sqs::DecodeMessageId(*response);
    if (!id) {
        return tl::unexpected(std::move(id.error()));
    }
    if (seen) {
        return SendResult{*seen, true};
    }
    std::lock_guard lock(mutex_);
    sent_.Remember(message.dedup_id, *id, started);
    return SendResult{std::move(*id), false};
}

Result<std::vector<ReceivedMessage>> SqsQueue::Receive(
    int max_messages,
    std::chrono::milliseconds wait,
    std::chrono::milliseconds visibility_timeout) {
    if (auto valid = ValidateReceive(max_messages, wait, visibility_timeout); !valid) {
        return tl::unexpected(std::move(valid.error()));
    }
    auto url = QueueUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    std::vector<ReceivedMessage> received = TakeHeld(*url, max_messages, visibility_timeout);
    const int wanted = max_messages - static_cast<int>(received.size());
    if (wanted == 0) {
        return received;
    }
    // Held messages are already in hand: do not keep them waiting for a long poll.
    const auto poll = received.empty() ? wait : std::chrono::milliseconds(0);
    auto fresh = ReceiveFresh(*url, wanted, poll, visibility_timeout);
    if (!fresh) {
        // Held messages are in flight now and must reach the caller even if SQS failed.
        if (received.empty()) {
            return fresh;
        }
        return received;
    }
    received.insert(received.end(),
                    std::make_move_iterator(fresh->begin()),
                    std::make_move_iterator(fresh->end()));
    return received;
}

std::vector<ReceivedMessage> SqsQueue::TakeHeld(const std::string& url,
                                                int max_messages,
                                                std::chrono::milliseconds visibility_timeout) {
    std::vector<ReceivedMessage> ready;
    {
        std::lock_guard lock(mutex_);
        if (held_.HeldCount() == 0) {
            return ready;
        }
        ready = held_.TakeReady(clock_.Now(), kHandOverMargin, max_messages);
    }
    std::vector<ReceivedMessage> handed;
    const int seconds = sqs::CeilSeconds(visibility_timeout);
    for (ReceivedMessage& message : ready) {
        // The caller is promised visibility_timeout from now, not from the batch's receive.
        if (auto extended = SetVisibility(url, message.receipt, seconds); !extended) {
            ReleaseFollowers(url, message.receipt);
            continue;
        }
        handed.push_back(std::move(message));
    }
    Track(handed, clock_.Now() + std::chrono::seconds(seconds));
    return handed;
}

Result<std::vector<ReceivedMessage>> SqsQueue::ReceiveFresh(
    const std::string& url,
    int max_messages,
    std::chrono::milliseconds wait,
    std::chrono::milliseconds visibility_timeout) {
    const int visibility = sqs::CeilSeconds(visibility_timeout);
    const int wait_seconds = sqs::CeilSeconds(wait);
    const TimePoint started = clock_.Now();
    auto response =
        client_.Call("ReceiveMessage",
                     sqs::EncodeReceiveMessage(url, max_messages, wait_seconds, visibility),
                     client_.Settings().timeout + std::chrono::seconds(wait_seconds));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    auto decoded = sqs::DecodeReceiveMessage(*response);
    if (!decoded) {
        return tl::unexpected(std::move(decoded.error()));
    }
    std::vector<ReceivedMessage> batch;
    batch.reserve(decoded->size());
    for (sqs::Message& message : *decoded) {
        batch.push_back(std::move(message.message));
    }
    // The visibility clock started when SQS answered, which is no earlier than `started`.
    const TimePoint visible_until = started + std::chrono::seconds(visibility);
    if (fifo_) {
        std::lock_guard lock(mutex_);
        batch = held_.Admit(std::move(batch), visible_until);
    }
    Track(batch, visible_until);
    return batch;
}

void SqsQueue::Track(const std::vector<ReceivedMessage>& messages, TimePoint visible_until) {
    std::lock_guard lock(mutex_);
    in_flight_.Prune(clock_.Now());
    for (const ReceivedMessage& message : messages) {
        in_flight_.Add(message, visible_until);
    }
}

Status SqsQueue::Delete(const std::string& receipt) {
    auto url = QueueUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    auto response = client_.Call("DeleteMessage", sqs::EncodeDeleteMessage(*url, receipt));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    std::lock_guard lock(mutex_);
    in_flight_.Forget(receipt);
    held_.Finished(receipt);
    return {};
}

Status SqsQueue::ChangeVisibility(const std::string& receipt, std::chrono::milliseconds timeout) {
    if (auto valid = ValidateVisibility(timeout); !valid) {
        return valid;
    }
    auto url = QueueUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    const int seconds = sqs::CeilSeconds(timeout);
    if (auto changed = SetVisibility(*url, receipt, seconds); !changed) {
        return changed;
    }
    if (seconds == 0) {
        ReleaseFollowers(*url, receipt);
        std::lock_guard lock(mutex_);
        in_flight_.Forget(receipt);
        return {};
    }
    std::lock_guard lock(mutex_);
    in_flight_.Extend(receipt, clock_.Now() + std::chrono::seconds(seconds));
    return {};
}

Status SqsQueue::RetryLater(const std::string& receipt,
                            std::chrono::milliseconds delay,
                            std::string /*error*/) {
    if (auto valid = ValidateVisibility(delay); !valid) {
        return valid;
    }
    auto url = QueueUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    if (auto changed = SetVisibility(*url, receipt, sqs::CeilSeconds(delay)); !changed) {
        return changed;
    }
    // The failed message runs again before the rest of its group.
    ReleaseFollowers(*url, receipt);
    std::lock_guard lock(mutex_);
    in_flight_.Forget(receipt);
    return {};
}

Status SqsQueue::SetVisibility(const std::string& url, const std::string& receipt, int seconds) {
    auto response =
        client_.Call("ChangeMessageVisibility", sqs::EncodeChangeVisibility(url, receipt, seconds));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    return {};
}

void SqsQueue::ReleaseFollowers(const std::string& url, const std::string& receipt) {
    std::vector<std::string> followers;
    {
        std::lock_guard lock(mutex_);
        followers = held_.Abandon(receipt);
    }
    Release(url, followers);
}

void SqsQueue::Release(const std::string& url, const std::vector<std::string>& receipts) {
    for (size_t start = 0; start < receipts.size(); start += kChangeBatch) {
        const auto first = receipts.begin() + static_cast<std::ptrdiff_t>(start);
        const auto last =
            first + static_cast<std::ptrdiff_t>(std::min(kChangeBatch, receipts.size() - start));
        const std::vector<std::string> batch(first, last);
        // Best effort: a receipt that fails is no longer in flight, which is the goal anyway.
        (void)client_.Call("ChangeMessageVisibilityBatch",
                           sqs::EncodeChangeVisibilityBatch(url, batch, 0));
    }
}

Result<QueueStats> SqsQueue::Stats() {
    auto url = QueueUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    auto source = ApproximateCounts(*url);
    if (!source) {
        return tl::unexpected(std::move(source.error()));
    }
    auto dead_url = DeadLetterUrl();
    if (!dead_url) {
        return tl::unexpected(std::move(dead_url.error()));
    }
    auto dead = ApproximateCounts(*dead_url);
    if (!dead) {
        return tl::unexpected(std::move(dead.error()));
    }
    QueueStats stats;
    stats.visible = source->visible;
    stats.in_flight = source->in_flight;
    stats.dead_letters = dead->visible + dead->in_flight;
    return stats;
}

Result<QueueStats> SqsQueue::ApproximateCounts(const std::string& url) {
    auto response = client_.Call(
        "GetQueueAttributes",
        sqs::EncodeGetQueueAttributes(
            url, {"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"}));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    auto attributes = sqs::DecodeQueueAttributes(*response);
    if (!attributes) {
        return tl::unexpected(std::move(attributes.error()));
    }
    QueueStats counts;
    counts.visible = sqs::IntAttribute(*attributes, "ApproximateNumberOfMessages").value_or(0);
    counts.in_flight =
        sqs::IntAttribute(*attributes, "ApproximateNumberOfMessagesNotVisible").value_or(0);
    return counts;
}

Result<std::string> SqsQueue::QueueUrl() {
    return ResolveUrl(options_.name, url_);
}

Result<std::string> SqsQueue::DeadLetterUrl() {
    return ResolveUrl(dead_letter_name_, dead_letter_url_);
}

Result<std::string> SqsQueue::ResolveUrl(const std::string& name, std::string& cache) {
    {
        std::lock_guard lock(mutex_);
        if (!cache.empty()) {
            return cache;
        }
    }
    auto response = client_.Call("GetQueueUrl", sqs::EncodeGetQueueUrl(name));
    if (!response) {
        Error error = std::move(response.error());
        error.message = "sqs queue " + name + ": " + error.message;
        return tl::unexpected(std::move(error));
    }
    auto url = sqs::DecodeQueueUrl(*response);
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    std::lock_guard lock(mutex_);
    cache = *url;
    return cache;
}

}  // namespace scs
