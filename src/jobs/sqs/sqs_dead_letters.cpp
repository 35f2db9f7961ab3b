// SqsQueue's dead-letter operations. SQS has no "move this message" call: DeadLetterNow copies
// the message to the DLQ and deletes the original; listing and retrying receive from the DLQ,
// holding what they saw invisible for a moment, and then let it go again.
#include <set>

#include "jobs/queue_limits.hpp"
#include "jobs/queue_names.hpp"
#include "jobs/sqs/sqs_queue.hpp"

namespace scs {
namespace {

constexpr int kMaxDeadLetterPage = 1000;
// How long a scan keeps the dead letters it saw invisible: longer than a scan of 1000 takes.
constexpr int kScanHoldSeconds = 30;
constexpr size_t kMaxReasonBytes = 1024;
constexpr std::string_view kRedriveReason = "received more than max_receives times (SQS redrive)";
// A retried message needs a group even if its dead letter lost it.
constexpr std::string_view kFallbackGroup = "dead-letter-retry";

std::string Truncated(std::string text) {
    if (text.size() > kMaxReasonBytes) {
        text.resize(kMaxReasonBytes);
    }
    return text;
}

std::string AttributeOr(const sqs::Attributes& attributes,
                        std::string_view name,
                        std::string_view fallback) {
    const auto found = attributes.find(name);
    return found == attributes.end() ? std::string(fallback) : found->second;
}

std::vector<std::string> Receipts(const std::vector<sqs::Message>& messages) {
    std::vector<std::string> receipts;
    receipts.reserve(messages.size());
    for (const sqs::Message& message : messages) {
        receipts.push_back(message.message.receipt);
    }
    return receipts;
}

}  // namespace

Status SqsQueue::DeadLetterNow(const std::string& receipt, std::string reason) {
    std::optional<ReceivedMessage> message;
    {
        std::lock_guard lock(mutex_);
        message = in_flight_.Find(receipt);
    }
    if (!message) {
        return Fail(ErrorCode::kNotFound,
                    "receipt is not one this process holds for " + options_.name +
                        ": it was finished, expired long ago, or received elsewhere");
    }
    auto url = QueueUrl();
    auto dead_url = DeadLetterUrl();
    if (!url || !dead_url) {
        return tl::unexpected(std::move(!url ? url.error() : dead_url.error()));
    }
    // The message id as dedup id: a retry after a failed delete does not copy it twice.
    const OutgoingMessage copy{message->body, message->group_id, message->id};
    auto sent = SendTo(*dead_url,
                       copy,
                       IsFifoQueueName(dead_letter_name_),
                       DeadLetterAttributes(*message, reason));
    if (!sent) {
        return tl::unexpected(std::move(sent.error()));
    }
    auto deleted = client_.Call("DeleteMessage", sqs::EncodeDeleteMessage(*url, receipt));
    if (!deleted) {
        return tl::unexpected(std::move(deleted.error()));
    }
    std::lock_guard lock(mutex_);
    in_flight_.Forget(receipt);
    held_.Finished(receipt);
    return {};
}

sqs::Attributes SqsQueue::DeadLetterAttributes(const ReceivedMessage& message,
                                               std::string reason) const {
    return {
        {std::string(sqs::kReasonAttribute), Truncated(std::move(reason))},
        {std::string(sqs::kSourceAttribute), options_.name},
        {std::string(sqs::kSentAtAttribute), std::to_string(ToUnixMillis(message.sent_at))},
        {std::string(sqs::kDeadAtAttribute), std::to_string(ToUnixMillis(clock_.Now()))},
        {std::string(sqs::kReceivesAttribute), std::to_string(message.receive_count)},
    };
}

Result<std::vector<DeadLetter>> SqsQueue::ListDeadLetters(int limit) {
    if (limit < 1 || limit > kMaxDeadLetterPage) {
        return FailField("limit", "the dead-letter limit must be 1-1000");
    }
    auto url = DeadLetterUrl();
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    auto scanned = ScanDeadLetters(*url, limit, [](const sqs::Message&) { return false; });
    if (!scanned) {
        return tl::unexpected(std::move(scanned.error()));
    }
    Release(*url, Receipts(*scanned));
    std::vector<DeadLetter> letters;
    letters.reserve(scanned->size());
    for (const sqs::Message& message : *scanned) {
        letters.push_back(ToDeadLetter(message));
    }
    return letters;
}

Status SqsQueue::RetryDeadLetter(const std::string& id) {
    auto url = QueueUrl();
    auto dead_url = DeadLetterUrl();
    if (!url || !dead_url) {
        return tl::unexpected(std::move(!url ? url.error() : dead_url.error()));
    }
    auto scanned = ScanDeadLetters(
        *dead_url, kMaxDeadLetterPage, [&](const sqs::Message& m) { return m.message.id == id; });
    if (!scanned) {
        return tl::unexpected(std::move(scanned.error()));
    }
    std::optional<sqs::Message> found;
    if (!scanned->empty() && scanned->back().message.id == id) {
        found = std::move(scanned->back());
        scanned->pop_back();
    }
    Release(*dead_url, Receipts(*scanned));
    if (!found) {
        return Fail(
            ErrorCode::kNotFound,
            "dead letter " + id + " is not among the visible messages of " + dead_letter_name_);
    }
    const std::string& group = found->message.group_id;
    const OutgoingMessage retry{
        found->message.body, group.empty() ? std::string(kFallbackGroup) : group, "retry-" + id};
    if (auto sent = SendTo(*url, retry, fifo_, {}); !sent) {
        Release(*dead_url, {found->message.receipt});
        return tl::unexpected(std::move(sent.error()));
    }
    auto deleted =
        client_.Call("DeleteMessage", sqs::EncodeDeleteMessage(*dead_url, found->message.receipt));
    if (!deleted) {
        return tl::unexpected(std::move(deleted.error()));
    }
    return {};
}

Result<std::vector<sqs::Message>> SqsQueue::ScanDeadLetters(const std::string& url,
                                                            int limit,
                                                            const ScanStop& stop) {
    std::vector<sqs::Message> scanned;
    std::set<std::string> seen;
    // Received but not handed back: second copies of a letter and what follows the one `stop`
    // chose. Held for kScanHoldSeconds unless let go, so every return lets them go.
    std::vector<std::string> unwanted;
    const auto finish = [&]() {
        Release(url, unwanted);
    };
    while (static_cast<int>(scanned.size()) < limit) {
        const int wanted = std::min(kMaxReceiveBatch, limit - static_cast<int>(scanned.size()));
        auto response = client_.Call("ReceiveMessage",
                                     sqs::EncodeReceiveMessage(url, wanted, 0, kScanHoldSeconds));
        if (!response) {
            finish();
            Release(url, Receipts(scanned));
            return tl::unexpected(std::move(response.error()));
        }
        auto batch = sqs::DecodeReceiveMessage(*response);
        if (!batch) {
            finish();
            Release(url, Receipts(scanned));
            return tl::unexpected(std::move(batch.error()));
        }
        if (batch->empty()) {
            break;
        }
        if (TakeUntil(std::move(*batch), stop, seen, scanned, unwanted)) {
            break;
        }
    }
    finish();
    return scanned;
}

bool SqsQueue::TakeUntil(std::vector<sqs::Message>&& batch,
                         const ScanStop& stop,
                         std::set<std::string>& seen,
                         std::vector<sqs::Message>& scanned,
                         std::vector<std::string>& unwanted) {
    bool done = false;
    for (sqs::Message& message : batch) {
        if (done || !seen.insert(message.message.id).second) {
            unwanted.push_back(message.message.receipt);
            continue;
        }
        done = stop(message);
        scanned.push_back(std::move(message));
    }
    return done;
}

DeadLetter SqsQueue::ToDeadLetter(const sqs::Message& scanned) const {
    const ReceivedMessage& message = scanned.message;
    const sqs::Attributes& attributes = scanned.attributes;
    DeadLetter letter;
    letter.id = message.id;
    letter.body = message.body;
    letter.group_id = message.group_id;
    letter.source_queue = AttributeOr(attributes, sqs::kSourceAttribute, options_.name);
    letter.reason = AttributeOr(attributes, sqs::kReasonAttribute, kRedriveReason);
    letter.receive_count = static_cast<int>(
        sqs::IntAttribute(attributes, sqs::kReceivesAttribute).value_or(message.receive_count));
    const auto sent_at = sqs::IntAttribute(attributes, sqs::kSentAtAttribute);
    letter.sent_at = sent_at ? FromUnixMillis(*sent_at) : message.sent_at;
    if (const auto dead_at = sqs::IntAttribute(attributes, sqs::kDeadAtAttribute)) {
        letter.dead_at = FromUnixMillis(*dead_at);
    }
    return letter;
}

}  // namespace scs
