#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace scs {

// A job as carried in a queue message body: {"type":"sync_orders","payload":{...}}. The type
// picks the handler (JobHandlers); the payload is the handler's own JSON object.
struct Job {
    std::string type;
    std::string payload_json;  // the "payload" object re-serialized; "{}" when it was absent
};

// The message body for a job. `payload_json_object` must be a serialized JSON object (an empty
// string means {}); anything else is a programming error and throws std::invalid_argument.
std::string EncodeJob(std::string_view type, std::string_view payload_json_object);

// The job in a message body. kInvalidPayload, saying why, when the body is not JSON, not an
// object, has no non-empty string "type", or has a "payload" that is not an object.
[[nodiscard]] Result<Job> ParseJob(std::string_view body);

}  // namespace scs
