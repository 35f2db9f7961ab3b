#include "core/result.hpp"

namespace scs {

std::string_view ErrorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kBadRequest:
            return "BAD_REQUEST";
        case ErrorCode::kAuthentication:
            return "AUTHENTICATION_ERROR";
        case ErrorCode::kAuthorization:
            return "AUTHORIZATION_ERROR";
        case ErrorCode::kInvalidCredentials:
            return "INVALID_CREDENTIALS";
        case ErrorCode::kRateLimited:
            return "RATE_LIMIT_EXCEEDED";
        case ErrorCode::kWebhookSignature:
            return "WEBHOOK_SIGNATURE_ERROR";
        case ErrorCode::kSyncInProgress:
            return "SYNC_IN_PROGRESS";
        case ErrorCode::kHubMappingNotFound:
            return "HUB_MAPPING_NOT_FOUND";
        case ErrorCode::kOAuth:
            return "OAUTH_ERROR";
        case ErrorCode::kInvalidPayload:
            return "INVALID_PAYLOAD";
        case ErrorCode::kNotFound:
            return "NOT_FOUND";
        case ErrorCode::kMethodNotAllowed:
            return "METHOD_NOT_ALLOWED";
        case ErrorCode::kConflict:
            return "CONFLICT";
        case ErrorCode::kPayloadTooLarge:
            return "PAYLOAD_TOO_LARGE";
        case ErrorCode::kNotImplemented:
            return "NOT_IMPLEMENTED";
        case ErrorCode::kUnavailable:
            return "UNAVAILABLE";
        case ErrorCode::kTimeout:
            return "TIMEOUT";
        case ErrorCode::kInternal:
            return "INTERNAL";
    }
    return "INTERNAL";
}

}  // namespace scs
