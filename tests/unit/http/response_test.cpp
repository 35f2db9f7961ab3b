#include "http/response.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace scs {
namespace {

boost::json::value Body(const HttpResponse& response) {
    return boost::json::parse(response.body);
}

struct StatusCase {
    ErrorCode code;
    int status;
};

// Every ErrorCode, in declaration order; the size check catches a code added without a status.
constexpr StatusCase kStatusCases[] = {
    {ErrorCode::kBadRequest, 400},
    {ErrorCode::kAuthentication, 401},
    {ErrorCode::kAuthorization, 403},
    {ErrorCode::kInvalidCredentials, 422},
    {ErrorCode::kRateLimited, 429},
    {ErrorCode::kWebhookSignature, 401},
    {ErrorCode::kSyncInProgress, 409},
    {ErrorCode::kHubMappingNotFound, 422},
    {ErrorCode::kOAuth, 400},
    {ErrorCode::kInvalidPayload, 400},
    {ErrorCode::kNotFound, 404},
    {ErrorCode::kMethodNotAllowed, 405},
    {ErrorCode::kConflict, 409},
    {ErrorCode::kPayloadTooLarge, 413},
    {ErrorCode::kNotImplemented, 501},
    {ErrorCode::kUnavailable, 503},
    {ErrorCode::kTimeout, 504},
    {ErrorCode::kInternal, 500},
};

TEST(HttpStatusFor, MapsEveryErrorCode) {
    static_assert(std::size(kStatusCases) == static_cast<size_t>(ErrorCode::kInternal) + 1);
    for (size_t i = 0; i < std::size(kStatusCases); ++i) {
        const auto& [code, status] = kStatusCases[i];
        EXPECT_EQ(static_cast<size_t>(code), i) << "keep kStatusCases in declaration order";
        EXPECT_EQ(HttpStatusFor(code), status) << ErrorCodeName(code);
    }
}

TEST(ErrorResponse, UsesTheApiShapeAndStatusForEveryCode) {
    for (const auto& [code, status] : kStatusCases) {
        const HttpResponse response = ErrorResponse(code, "went wrong");
        EXPECT_EQ(response.status, status);
        EXPECT_EQ(response.content_type, "application/json");
        EXPECT_EQ(
            Body(response),
            boost::json::parse(R"({"status":"error","code":")" + std::string(ErrorCodeName(code)) +
                               R"(","message":"went wrong"})"));
        EXPECT_TRUE(response.headers.empty());
    }
}

TEST(ErrorResponse, IncludesTheFieldWhenSet) {
    const Result<int> failed = FailField("entity", "entity: must be orders or products");
    const HttpResponse response = ErrorResponse(failed.error());
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(Body(response), boost::json::parse(R"({"status":"error","code":"BAD_REQUEST",
        "message":"entity: must be orders or products","field":"entity"})"));
}

TEST(ErrorResponse, AddsRetryAfterInWholeSeconds) {
    const Result<int> failed =
        FailRetryAfter(ErrorCode::kRateLimited, "slow down", std::chrono::seconds(30));
    const HttpResponse response = ErrorResponse(failed.error());
    EXPECT_EQ(response.status, 429);
    EXPECT_EQ(Body(response).at("code"), "RATE_LIMIT_EXCEEDED");
    ASSERT_EQ(response.headers.size(), 1U);
    EXPECT_EQ(response.headers[0].first, "Retry-After");
    EXPECT_EQ(response.headers[0].second, "30");
}

TEST(ErrorResponse, ClampsANegativeRetryAfterToZero) {
    const Result<int> failed =
        FailRetryAfter(ErrorCode::kUnavailable, "later", std::chrono::seconds(-5));
    const HttpResponse response = ErrorResponse(failed.error());
    ASSERT_EQ(response.headers.size(), 1U);
    EXPECT_EQ(response.headers[0].second, "0");
}

TEST(ErrorResponse, EscapesTheMessage) {
    const HttpResponse response = ErrorResponse(ErrorCode::kNotFound, "no \"x\"\n");
    EXPECT_EQ(Body(response).at("message"), "no \"x\"\n");
}

TEST(JsonResponse, SerialisesTheBody) {
    const HttpResponse response = JsonResponse(201, {{"id", 5}, {"ok", true}});
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.content_type, "application/json");
    EXPECT_EQ(Body(response), boost::json::parse(R"({"id":5,"ok":true})"));
}

}  // namespace
}  // namespace scs
