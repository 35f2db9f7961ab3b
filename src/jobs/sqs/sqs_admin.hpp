#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "jobs/sqs/sqs_client.hpp"

namespace scs {

// Creates each queue in `names` (full names, prefix included) and its dead-letter queue
// (DeadLetterQueueName) when missing: FIFO queues (names ending in ".fifo") with
// FifoQueue=true and ContentBasedDeduplication=false, dead-letter queues keeping messages for
// 14 days, and each queue's RedrivePolicy {deadLetterTargetArn, maxReceiveCount=max_receives}.
// Idempotent: an existing queue keeps its attributes except the RedrivePolicy, which is set to
// the one given. For `scs migrate up` and `scs queues create`. Errors as SqsClient::Call.
[[nodiscard]] Status EnsureSqsQueues(const SqsClient& client,
                                     const std::vector<std::string>& names,
                                     int max_receives);

}  // namespace scs
