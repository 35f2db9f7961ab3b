#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace scs {

struct SqsSettings {
    std::string endpoint;  // empty: https://sqs.<region>.amazonaws.com; or an emulator
    std::string region = "us-east-1";
    std::string access_key_id;
    std::string secret_access_key;
    std::chrono::milliseconds timeout{5000};
};

// Amazon SQS over its JSON protocol (POST with X-Amz-Target: AmazonSQS.<Action>), signed with
// SigV4 by libcurl. Keeps idle curl handles (and so their keep-alive connections) for reuse;
// copies share them. Thread-safe: each call uses its own handle.
class SqsClient {
public:
    explicit SqsClient(SqsSettings settings);

    // One API call; returns the JSON response body. Service errors carry SQS's error type and
    // message, with kNotFound for a missing queue or an invalid receipt handle, kConflict for a
    // message not in flight, kRateLimited for throttling, kUnavailable for 5xx, kBadRequest for
    // other 4xx; transport failures are kUnavailable or kTimeout.
    [[nodiscard]] Result<std::string> Call(std::string_view action,
                                           std::string_view json_body) const;

    // As above with its own transfer timeout (a long poll needs its wait on top of the usual).
    [[nodiscard]] Result<std::string> Call(std::string_view action,
                                           std::string_view json_body,
                                           std::chrono::milliseconds timeout) const;

    // A cheap authenticated round trip (ListQueues with MaxResults 1), for /health.
    [[nodiscard]] Status Ping() const;

    const SqsSettings& Settings() const { return settings_; }

private:
    class HandlePool;

    SqsSettings settings_;
    std::shared_ptr<HandlePool> handles_;
};

}  // namespace scs
