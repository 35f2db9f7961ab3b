#include "jobs/sqs/sqs_admin.hpp"

#include "jobs/queue_names.hpp"
#include "jobs/sqs/sqs_codec.hpp"

namespace scs {
namespace {

// SQS's maximum: dead letters wait for an operator as long as SQS allows.
constexpr std::string_view kDeadLetterRetention = "1209600";

sqs::Attributes BaseAttributes(std::string_view name) {
    sqs::Attributes attributes;
    if (IsFifoQueueName(name)) {
        attributes.emplace("FifoQueue", "true");
        attributes.emplace("ContentBasedDeduplication", "false");
    }
    return attributes;
}

Result<std::string> QueueUrl(const SqsClient& client, const std::string& name) {
    auto response = client.Call("GetQueueUrl", sqs::EncodeGetQueueUrl(name));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    return sqs::DecodeQueueUrl(*response);
}

// Creates `name`, or finds it when it exists; `update` is then applied to the existing queue
// (CreateQueue refuses an existing queue whose attributes differ).
Result<std::string> CreateOrUpdate(const SqsClient& client,
                                   const std::string& name,
                                   const sqs::Attributes& attributes,
                                   const sqs::Attributes& update) {
    auto created = client.Call("CreateQueue", sqs::EncodeCreateQueue(name, attributes));
    if (created) {
        return sqs::DecodeQueueUrl(*created);
    }
    if (created.error().code != ErrorCode::kConflict) {
        return tl::unexpected(std::move(created.error()));
    }
    auto url = QueueUrl(client, name);
    if (!url || update.empty()) {
        return url;
    }
    auto updated = client.Call("SetQueueAttributes", sqs::EncodeSetQueueAttributes(*url, update));
    if (!updated) {
        return tl::unexpected(std::move(updated.error()));
    }
    return url;
}

Result<std::string> QueueArn(const SqsClient& client, const std::string& url) {
    auto response =
        client.Call("GetQueueAttributes", sqs::EncodeGetQueueAttributes(url, {"QueueArn"}));
    if (!response) {
        return tl::unexpected(std::move(response.error()));
    }
    auto attributes = sqs::DecodeQueueAttributes(*response);
    if (!attributes) {
        return tl::unexpected(std::move(attributes.error()));
    }
    const auto arn = attributes->find("QueueArn");
    if (arn == attributes->end() || arn->second.empty()) {
        return Fail(ErrorCode::kUnavailable, "sqs: no QueueArn for " + url);
    }
    return arn->second;
}

Status EnsureQueue(const SqsClient& client, const std::string& name, int max_receives) {
    const std::string dead_name = DeadLetterQueueName(name);
    sqs::Attributes dead_attributes = BaseAttributes(dead_name);
    dead_attributes.emplace("MessageRetentionPeriod", kDeadLetterRetention);
    auto dead_url = CreateOrUpdate(client, dead_name, dead_attributes, {});
    if (!dead_url) {
        return tl::unexpected(std::move(dead_url.error()));
    }
    auto arn = QueueArn(client, *dead_url);
    if (!arn) {
        return tl::unexpected(std::move(arn.error()));
    }
    const sqs::Attributes redrive{{"RedrivePolicy", sqs::RedrivePolicy(*arn, max_receives)}};
    sqs::Attributes attributes = BaseAttributes(name);
    attributes.insert(redrive.begin(), redrive.end());
    auto url = CreateOrUpdate(client, name, attributes, redrive);
    if (!url) {
        return tl::unexpected(std::move(url.error()));
    }
    return {};
}

}  // namespace

Status EnsureSqsQueues(const SqsClient& client,
                       const std::vector<std::string>& names,
                       int max_receives) {
    for (const std::string& name : names) {
        if (auto ensured = EnsureQueue(client, name, max_receives); !ensured) {
            Error error = std::move(ensured.error());
            error.message = "creating sqs queue " + name + ": " + error.message;
            return tl::unexpected(std::move(error));
        }
    }
    return {};
}

}  // namespace scs
