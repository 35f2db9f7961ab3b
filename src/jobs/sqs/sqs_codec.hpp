#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "jobs/queue.hpp"

// Pure request builders and response parsers for the SQS JSON protocol actions SqsQueue uses.
// Requests are JSON text; responses are checked, and a malformed one is kUnavailable (the
// service or an emulator answered something unexpected).
namespace scs::sqs {

// Message attributes this service sets (String values).
inline constexpr std::string_view kGroupAttribute = "scs_group_id";  // group on standard queues
inline constexpr std::string_view kReasonAttribute = "scs_reason";   // DeadLetterNow's reason
inline constexpr std::string_view kSourceAttribute = "scs_source_queue";
inline constexpr std::string_view kSentAtAttribute = "scs_sent_at";  // unix ms, original send
inline constexpr std::string_view kDeadAtAttribute = "scs_dead_at";  // unix ms
inline constexpr std::string_view kReceivesAttribute = "scs_receive_count";

using Attributes = std::map<std::string, std::string, std::less<>>;

// A received message with its message attributes.
struct Message {
    ReceivedMessage message;
    Attributes attributes;
};

// Whole seconds, rounded up: SQS takes waits and visibility timeouts in seconds.
int CeilSeconds(std::chrono::milliseconds duration);

std::string EncodeGetQueueUrl(std::string_view queue_name);
[[nodiscard]] Result<std::string> DecodeQueueUrl(std::string_view response);

// SendMessage. FIFO queues get MessageGroupId and MessageDeduplicationId; standard queues carry
// the group in kGroupAttribute instead. `attributes` become String message attributes.
std::string EncodeSendMessage(std::string_view queue_url,
                              const OutgoingMessage& message,
                              bool fifo,
                              const Attributes& attributes);
[[nodiscard]] Result<std::string> DecodeMessageId(std::string_view response);

// ReceiveMessage asking for ApproximateReceiveCount, SentTimestamp, MessageGroupId and every
// message attribute.
std::string EncodeReceiveMessage(std::string_view queue_url,
                                 int max_messages,
                                 int wait_seconds,
                                 int visibility_seconds);
[[nodiscard]] Result<std::vector<Message>> DecodeReceiveMessage(std::string_view response);

std::string EncodeDeleteMessage(std::string_view queue_url, std::string_view receipt);
std::string EncodeChangeVisibility(std::string_view queue_url,
                                   std::string_view receipt,
                                   int visibility_seconds);
// ChangeMessageVisibilityBatch for up to 10 receipts (entry ids are their indexes).
std::string EncodeChangeVisibilityBatch(std::string_view queue_url,
                                        const std::vector<std::string>& receipts,
                                        int visibility_seconds);

std::string EncodeGetQueueAttributes(std::string_view queue_url,
                                     const std::vector<std::string>& names);
[[nodiscard]] Result<Attributes> DecodeQueueAttributes(std::string_view response);

// An attribute's value as an integer; nullopt when absent or not an integer.
std::optional<int64_t> IntAttribute(const Attributes& attributes, std::string_view name);

std::string EncodeCreateQueue(std::string_view queue_name, const Attributes& attributes);
std::string EncodeSetQueueAttributes(std::string_view queue_url, const Attributes& attributes);

// The RedrivePolicy attribute value: {"deadLetterTargetArn":"…","maxReceiveCount":"N"}.
std::string RedrivePolicy(std::string_view dead_letter_arn, int max_receives);

}  // namespace scs::sqs
