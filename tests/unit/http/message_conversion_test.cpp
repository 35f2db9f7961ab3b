#include "http/internal/message_conversion.hpp"

#include <gtest/gtest.h>

namespace scs::http_internal {
namespace {

namespace beast_http = boost::beast::http;

HttpResponse TextResponse(int status, std::string body) {
    HttpResponse response;
    response.status = status;
    response.content_type = "text/plain";
    response.body = std::move(body);
    return response;
}

TEST(CopyRequestHeader, CopiesMethodTargetHeadersAndRequestId) {
    BeastRequestHeader header;
    header.method(beast_http::verb::post);
    header.target("/a%2Fb/c?x=1");
    header.insert("X-Request-Id", "rid-1");
    header.insert("X-Custom", "v");
    HttpRequest request;
    ASSERT_TRUE(CopyRequestHeader(header, request));
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.target, "/a%2Fb/c?x=1");
    EXPECT_EQ(request.path, "/a/b/c");
    EXPECT_EQ(request.Query("x"), "1");
    EXPECT_EQ(request.Header("x-custom"), "v");
    EXPECT_EQ(request.request_id, "rid-1");
}

TEST(CopyRequestHeader, KeepsTheHeadersWhenTheTargetIsMalformed) {
    BeastRequestHeader header;
    header.method_string("BREW");
    header.target("/bad%zz");
    header.insert("X-Request-Id", "bad id");
    HttpRequest request;
    EXPECT_FALSE(CopyRequestHeader(header, request));
    EXPECT_EQ(request.method, "BREW");
    EXPECT_EQ(request.target, "/bad%zz");
    EXPECT_EQ(request.request_id.size(), 36U);
}

TEST(ToBeastResponse, AddsFramingHeaders) {
    const BeastResponse out =
        ToBeastResponse(TextResponse(201, "hello"), ResponseFraming{"rid", 11, true, false});
    EXPECT_EQ(out.result_int(), 201U);
    EXPECT_EQ(out[beast_http::field::content_length], "5");
    EXPECT_EQ(out[beast_http::field::content_type], "text/plain");
    EXPECT_EQ(out[beast_http::field::server], "scs");
    EXPECT_EQ(out["X-Request-Id"], "rid");
    EXPECT_FALSE(out[beast_http::field::date].empty());
    EXPECT_TRUE(out.keep_alive());
    EXPECT_EQ(out.body(), "hello");
}

TEST(ToBeastResponse, SaysCloseWhenNotKeptAlive) {
    const BeastResponse out =
        ToBeastResponse(TextResponse(200, "x"), ResponseFraming{"rid", 11, false, false});
    EXPECT_EQ(out[beast_http::field::connection], "close");
}

TEST(ToBeastResponse, HeadKeepsTheLengthButDropsTheBody) {
    const BeastResponse out =
        ToBeastResponse(TextResponse(200, "twelve bytes"), ResponseFraming{"rid", 11, true, true});
    EXPECT_EQ(out[beast_http::field::content_length], "12");
    EXPECT_TRUE(out.body().empty());
}

TEST(ToBeastResponse, NoContentHasNoBodyOrLength) {
    const BeastResponse out =
        ToBeastResponse(TextResponse(204, "ignored"), ResponseFraming{"rid", 11, true, false});
    EXPECT_EQ(out.count(beast_http::field::content_length), 0U);
    EXPECT_EQ(out.count(beast_http::field::content_type), 0U);
    EXPECT_TRUE(out.body().empty());
}

TEST(ToBeastResponse, EmptyBodyHasZeroLengthAndNoType) {
    const BeastResponse out =
        ToBeastResponse(TextResponse(202, ""), ResponseFraming{"rid", 11, true, false});
    EXPECT_EQ(out[beast_http::field::content_length], "0");
    EXPECT_EQ(out.count(beast_http::field::content_type), 0U);
}

TEST(ToBeastResponse, HandlerCannotOverrideFramingOrInjectHeaders) {
    HttpResponse response = TextResponse(200, "abc");
    response.headers = {{"Content-Length", "999"},
                        {"X-Request-Id", "forged"},
                        {"Connection", "keep-alive"},
                        {"Location", "/x\r\nSet-Cookie: a=b"},
                        {"Bad Name", "v"},
                        {"Retry-After", "5"}};
    const BeastResponse out =
        ToBeastResponse(std::move(response), ResponseFraming{"rid", 11, false, false});
    EXPECT_EQ(out[beast_http::field::content_length], "3");
    EXPECT_EQ(out["X-Request-Id"], "rid");
    EXPECT_EQ(out[beast_http::field::connection], "close");
    EXPECT_EQ(out.count(beast_http::field::location), 0U);
    EXPECT_EQ(out.count("Bad Name"), 0U);
    EXPECT_EQ(out[beast_http::field::retry_after], "5");
}

TEST(HttpDate, FormatsImfFixdate) {
    const auto time = std::chrono::system_clock::from_time_t(784111777);
    EXPECT_EQ(HttpDate(time), "Sun, 06 Nov 1994 08:49:37 GMT");
}

}  // namespace
}  // namespace scs::http_internal
