#include "http/response.hpp"

#include <algorithm>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace scs {

HttpResponse JsonResponse(int status, const boost::json::value& body) {
    HttpResponse response;
    response.status = status;
    response.body = boost::json::serialize(body);
    return response;
}

HttpResponse ErrorResponse(const Error& error) {
    boost::json::object body;
    body["status"] = "error";
    body["code"] = ErrorCodeName(error.code);
    body["message"] = error.message;
    if (!error.field.empty()) {
        body["field"] = error.field;
    }
    HttpResponse response = JsonResponse(HttpStatusFor(error.code), body);
    if (error.retry_after) {
        const auto seconds = std::max<std::chrono::seconds::rep>(error.retry_after->count(), 0);
        response.headers.emplace_back("Retry-After", std::to_string(seconds));
    }
    return response;
}

HttpResponse ErrorResponse(ErrorCode code, std::string message) {
    return ErrorResponse(Fail(code, std::move(message)).value());
}

int HttpStatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kBadRequest:
        case ErrorCode::kInvalidPayload:
        case ErrorCode::kOAuth:
            return 400;
        case ErrorCode::kAuthentication:
        case ErrorCode::kWebhookSignature:
            return 401;
        case ErrorCode::kAuthorization:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kMethodNotAllowed:
            return 405;
        case ErrorCode::kConflict:
        case ErrorCode::kSyncInProgress:
            return 409;
        case ErrorCode::kPayloadTooLarge:
            return 413;
        case ErrorCode::kInvalidCredentials:
        case ErrorCode::kHubMappingNotFound:
            return 422;
        case ErrorCode::kRateLimited:
            return 429;
        case ErrorCode::kNotImplemented:
            return 501;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kTimeout:
            return 504;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

}  // namespace scs
