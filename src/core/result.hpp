#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace scs {

// The canonical error codes of the service. Each maps to one API error code string (DESIGN §7)
// in ErrorCodeName(), to one HTTP status in http/, and to retry/no-retry in jobs/.
enum class ErrorCode {
    kBadRequest,          // client input is malformed or fails validation
    kAuthentication,      // no or wrong API token
    kAuthorization,       // authenticated, but not allowed
    kInvalidCredentials,  // platform credentials were rejected by the platform
    kRateLimited,         // a rate limit or freeze time; Error::retry_after says when
    kWebhookSignature,    // a webhook's signature did not verify
    kSyncInProgress,      // a sync of that entity is already running
    kHubMappingNotFound,  // a hub code has no location on the platform
    kOAuth,               // an OAuth flow step failed
    kInvalidPayload,      // a platform or client payload cannot be understood
    kNotFound,            // the resource does not exist (or is not the caller's)
    kMethodNotAllowed,    // the route exists, the method does not
    kConflict,            // the request conflicts with existing state
    kPayloadTooLarge,     // the body is over the configured limit
    kNotImplemented,      // the capability is not available yet (e.g. no connector)
    kUnavailable,         // a dependency is down; retrying later can succeed
    kTimeout,             // a dependency did not answer in time; retrying can succeed
    kInternal,            // a bug or an unexpected failure
};

// The API spelling of a code, e.g. "SYNC_IN_PROGRESS".
std::string_view ErrorCodeName(ErrorCode code);

// A failure that callers are expected to handle. Small and copyable.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message;                              // for a person; never holds a secret
    std::string field;                                // the input field at fault, if any
    std::optional<std::chrono::seconds> retry_after;  // when a retry may succeed, if known
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = Result<void>;

[[nodiscard]] inline tl::unexpected<Error> Fail(ErrorCode code, std::string message) {
    return tl::unexpected<Error>(Error{code, std::move(message), {}, std::nullopt});
}

// A validation failure that names the offending input field.
[[nodiscard]] inline tl::unexpected<Error> FailField(std::string field, std::string message) {
    return tl::unexpected<Error>(
        Error{ErrorCode::kBadRequest, std::move(message), std::move(field), std::nullopt});
}

[[nodiscard]] inline tl::unexpected<Error> FailRetryAfter(ErrorCode code,
                                                          std::string message,
                                                          std::chrono::seconds retry_after) {
    return tl::unexpected<Error>(Error{code, std::move(message), {}, retry_after});
}

}  // namespace scs
