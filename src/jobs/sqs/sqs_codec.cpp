#include "jobs/sqs/sqs_codec.hpp"

#include <charconv>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace scs::sqs {
namespace {

namespace json = boost::json;

tl::unexpected<Error> Malformed(std::string_view what) {
    return Fail(ErrorCode::kUnavailable, "sqs: malformed response: " + std::string(what));
}

Result<json::object> ParseObject(std::string_view response) {
    boost::system::error_code ec;
    json::value parsed = json::parse(response, ec);
    if (ec || !parsed.is_object()) {
        return Malformed("not a JSON object");
    }
    return std::move(parsed.as_object());
}

std::string StringField(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_string()) {
        return {};
    }
    return std::string(value->as_string());
}

int64_t IntOr(std::string_view text, int64_t fallback) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && ptr == text.data() + text.size() ? value : fallback;
}

json::array StringArray(const std::vector<std::string>& values) {
    json::array array;
    for (const std::string& value : values) {
        array.emplace_back(value);
    }
    return array;
}

json::object StringAttributes(const Attributes& attributes) {
    json::object encoded;
    for (const auto& [name, value] : attributes) {
        encoded[name] = json::object{{"DataType", "String"}, {"StringValue", value}};
    }
    return encoded;
}

json::object PlainAttributes(const Attributes& attributes) {
    json::object encoded;
    for (const auto& [name, value] : attributes) {
        encoded[name] = value;
    }
    return encoded;
}

// {"name":{"DataType":"String","StringValue":"…"}} -> name -> value; other types are skipped.
Attributes DecodeMessageAttributes(const json::object& message) {
    Attributes attributes;
    const json::value* encoded = message.if_contains("MessageAttributes");
    if (encoded == nullptr || !encoded->is_object()) {
        return attributes;
    }
    for (const auto& [name, value] : encoded->as_object()) {
        if (value.is_object()) {
            const std::string text = StringField(value.as_object(), "StringValue");
            if (!text.empty()) {
                attributes.emplace(std::string(name), text);
            }
        }
    }
    return attributes;
}

Result<Message> DecodeMessage(const json::value& value) {
    if (!value.is_object()) {
        return Malformed("a message is not an object");
    }
    const json::object& object = value.as_object();
    Message decoded;
    ReceivedMessage& message = decoded.message;
    message.id = StringField(object, "MessageId");
    message.receipt = StringField(object, "ReceiptHandle");
    message.body = StringField(object, "Body");
    if (message.id.empty() || message.receipt.empty()) {
        return Malformed("a message lacks MessageId or ReceiptHandle");
    }
    decoded.attributes = DecodeMessageAttributes(object);
    json::object system;
    if (const json::value* attrs = object.if_contains("Attributes");
        attrs != nullptr && attrs->is_object()) {
        system = attrs->as_object();
    }
    message.receive_count =
        static_cast<int>(IntOr(StringField(system, "ApproximateReceiveCount"), 1));
    message.sent_at = FromUnixMillis(IntOr(StringField(system, "SentTimestamp"), 0));
    message.group_id = StringField(system, "MessageGroupId");
    if (message.group_id.empty()) {
        if (const auto group = decoded.attributes.find(kGroupAttribute);
            group != decoded.attributes.end()) {
            message.group_id = group->second;
        }
    }
    return decoded;
}

}  // namespace

int CeilSeconds(std::chrono::milliseconds duration) {
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(duration).count());
}

std::string EncodeGetQueueUrl(std::string_view queue_name) {
    return json::serialize(json::object{{"QueueName", queue_name}});
}

Result<std::string> DecodeQueueUrl(std::string_view response) {
    auto object = ParseObject(response);
    if (!object) {
        return tl::unexpected(std::move(object.error()));
    }
    std::string url = StringField(*object, "QueueUrl");
    if (url.empty()) {
        return Malformed("no QueueUrl");
    }
    return url;
}

std::string EncodeSendMessage(std::string_view queue_url,
                              const OutgoingMessage& message,
                              bool fifo,
                              const Attributes& attributes) {
    json::object request{{"QueueUrl", queue_url}, {"MessageBody", message.body}};
    Attributes all = attributes;
    if (fifo) {
        request["MessageGroupId"] = message.group_id;
        request["MessageDeduplicationId"] = message.dedup_id;
    } else {
        all.insert_or_assign(std::string(kGroupAttribute), message.group_id);
    }
    if (!all.empty()) {
        request["MessageAttributes"] = StringAttributes(all);
    }
    return json::serialize(request);
}

Result<std::string> DecodeMessageId(std::string_view response) {
    auto object = ParseObject(response);
    if (!object) {
        return tl::unexpected(std::move(object.error()));
    }
    std::string id = StringField(*object, "MessageId");
    if (id.empty()) {
        return Malformed("no MessageId");
    }
    return id;
}

std::string EncodeReceiveMessage(std::string_view queue_url,
                                 int max_messages,
                                 int wait_seconds,
                                 int visibility_seconds) {
    return json::serialize(json::object{
        {"QueueUrl", queue_url},
        {"AttributeNames",
         StringArray({"ApproximateReceiveCount", "SentTimestamp", "MessageGroupId"})},
        {"MessageAttributeNames", StringArray({"All"})},
        {"MaxNumberOfMessages", max_messages},
        {"WaitTimeSeconds", wait_seconds},
        {"VisibilityTimeout", visibility_seconds},
    });
}

Result<std::vector<Message>> DecodeReceiveMessage(std::string_view response) {
    auto object = ParseObject(response);
    if (!object) {
        return tl::unexpected(std::move(object.error()));
    }
    std::vector<Message> messages;
    const json::value* list = object->if_contains("Messages");
    if (list == nullptr || list->is_null()) {
        return messages;
    }
    if (!list->is_array()) {
        return Malformed("Messages is not an array");
    }
    for (const json::value& value : list->as_array()) {
        auto message = DecodeMessage(value);
        if (!message) {
            return tl::unexpected(std::move(message.error()));
        }
        messages.push_back(std::move(*message));
    }
    return messages;
}

std::string EncodeDeleteMessage(std::string_view queue_url, std::string_view receipt) {
    return json::serialize(json::object{{"QueueUrl", queue_url}, {"ReceiptHandle", receipt}});
}

std::string EncodeChangeVisibility(std::string_view queue_url,
                                   std::string_view receipt,
                                   int visibility_seconds) {
    return json::serialize(json::object{{"QueueUrl", queue_url},
                                        {"ReceiptHandle", receipt},
                                        {"VisibilityTimeout", visibility_seconds}});
}

std::string EncodeChangeVisibilityBatch(std::string_view queue_url,
                                        const std::vector<std::string>& receipts,
                                        int visibility_seconds) {
    json::array entries;
    for (size_t i = 0; i < receipts.size(); ++i) {
        entries.emplace_back(json::object{{"Id", "m" + std::to_string(i)},
                                          {"ReceiptHandle", receipts[i]},
                                          {"VisibilityTimeout", visibility_seconds}});
    }
    return json::serialize(json::object{{"QueueUrl", queue_url}, {"Entries", entries}});
}

std::string EncodeGetQueueAttributes(std::string_view queue_url,
                                     const std::vector<std::string>& names) {
    return json::serialize(
        json::object{{"QueueUrl", queue_url}, {"AttributeNames", StringArray(names)}});
}

Result<Attributes> DecodeQueueAttributes(std::string_view response) {
    auto object = ParseObject(response);
    if (!object) {
        return tl::unexpected(std::move(object.error()));
    }
    Attributes attributes;
    const json::value* encoded = object->if_contains("Attributes");
    if (encoded == nullptr || !encoded->is_object()) {
        return attributes;
    }
    for (const auto& [name, value] : encoded->as_object()) {
        if (value.is_string()) {
            attributes.emplace(std::string(name), std::string(value.as_string()));
        }
    }
    return attributes;
}

std::optional<int64_t> IntAttribute(const Attributes& attributes, std::string_view name) {
    const auto found = attributes.find(name);
    if (found == attributes.end()) {
        return std::nullopt;
    }
    int64_t value = 0;
    const std::string& text = found->second;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::string EncodeCreateQueue(std::string_view queue_name, const Attributes& attributes) {
    return json::serialize(
        json::object{{"QueueName", queue_name}, {"Attributes", PlainAttributes(attributes)}});
}

std::string EncodeSetQueueAttributes(std::string_view queue_url, const Attributes& attributes) {
    return json::serialize(
        json::object{{"QueueUrl", queue_url}, {"Attributes", PlainAttributes(attributes)}});
}

std::string RedrivePolicy(std::string_view dead_letter_arn, int max_receives) {
    return json::serialize(json::object{{"deadLetterTargetArn", dead_letter_arn},
                                        {"maxReceiveCount", std::to_string(max_receives)}});
}

}  // namespace scs::sqs
