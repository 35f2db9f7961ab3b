#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "connectors/connector.hpp"
#include "core/result.hpp"
#include "jobs/worker/job_handlers.hpp"
#include "jobs/worker/job_outcome.hpp"  // DescribeError
#include "push/push_jobs.hpp"

// What the three push jobs share: their payload, opening the connection for a platform call,
// and the retry decisions. Internal to src/push.
namespace scs {

// {"connection_id":…,"push_id":…}
struct PushJobPayload {
    int64_t connection_id = 0;
    int64_t push_id = 0;
};

// kInvalidPayload, naming `job_type`, for a payload without both integers.
[[nodiscard]] Result<PushJobPayload> ParsePushJobPayload(std::string_view job_type,
                                                         const std::string& json);

// The connection's connector and session, ready for platform calls.
struct PushTarget {
    ConnectorPtr connector;
    ConnectorSession session;
};

// The target, or (as the variant's Error) why no push can run for the connection: it is gone
// (kNotFound), paused or disconnected (kConflict), needs re-authorisation or its credentials do
// not open (kInvalidCredentials), or its platform has no connector. The outer error is a storage
// failure worth a retry.
[[nodiscard]] Result<std::variant<PushTarget, Error>> OpenPushTarget(const PushJobDeps& deps,
                                                                     int64_t connection_id);

// Errors a later attempt can get past: rate limits, timeouts, an unreachable platform.
bool IsTransientPushError(ErrorCode code);

// Whether this delivery is the queue's last before the dead letters.
bool IsFinalReceive(const JobContext& context, int max_receives);

}  // namespace scs
