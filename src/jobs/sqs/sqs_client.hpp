#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace scs {

struct SqsSettings {
    std::string endpoint;  // https://sqs.<region>.amazonaws.com, or an emulator on loopback
    std::string region = "us-east-1";
    std::string access_key_id;
    std::string secret_access_key;
    std::chrono::milliseconds timeout{5000};
};

// Amazon SQS over its JSON protocol (POST with X-Amz-Target: AmazonSQS.<Action>), signed with
// SigV4 by libcurl. Stateless apart from its settings: thread-safe, each call has its own handle.
class SqsClient {
public:
    explicit SqsClient(SqsSettings settings) : settings_(std::move(settings)) {}

    // One API call; returns the JSON response body. Service errors carry SQS's error type and
    // message; transport failures are kUnavailable or kTimeout.
    [[nodiscard]] Result<std::string> Call(std::string_view action,
                                           std::string_view json_body) const;

    // A cheap authenticated round trip (ListQueues with MaxResults 1), for /health.
    [[nodiscard]] Status Ping() const;

private:
    SqsSettings settings_;
};

}  // namespace scs
