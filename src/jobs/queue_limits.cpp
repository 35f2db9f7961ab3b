#include "jobs/queue_limits.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace scs {
namespace {

bool IsPrintableAscii(char c) {
    return c >= '!' && c <= '~';
}

// SQS refuses these (its allowed set is #x9 | #xA | #xD | #x20 and above).
bool IsForbiddenControl(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

Status ValidateId(std::string_view field, const std::string& value) {
    if (value.empty() || value.size() > kMaxIdLength) {
        return FailField(std::string(field), std::string(field) + " must be 1-128 characters");
    }
    if (!std::all_of(value.begin(), value.end(), IsPrintableAscii)) {
        return FailField(std::string(field),
                         std::string(field) + " must be printable ASCII without spaces");
    }
    return {};
}

}  // namespace

Status ValidateOutgoing(const OutgoingMessage& message) {
    if (message.body.empty() || message.body.size() > kMaxBodyBytes) {
        return FailField("body", "message body must be 1 byte to 256 KiB");
    }
    if (std::any_of(message.body.begin(), message.body.end(), IsForbiddenControl)) {
        return FailField("body", "message body holds control characters");
    }
    if (auto group = ValidateId("group_id", message.group_id); !group) {
        return group;
    }
    return ValidateId("dedup_id", message.dedup_id);
}

Status ValidateReceive(int max_messages,
                       std::chrono::milliseconds wait,
                       std::chrono::milliseconds visibility_timeout) {
    if (max_messages < 1 || max_messages > kMaxReceiveBatch) {
        return FailField("max_messages", "max_messages must be 1-10");
    }
    if (wait.count() < 0 || wait > kMaxReceiveWait) {
        return FailField("wait", "the receive wait must be 0-20 s");
    }
    return ValidateVisibility(visibility_timeout);
}

Status ValidateVisibility(std::chrono::milliseconds timeout) {
    if (timeout.count() < 0 || timeout > kMaxVisibility) {
        return FailField("visibility_timeout", "the visibility timeout must be 0-12 h");
    }
    return {};
}

}  // namespace scs
