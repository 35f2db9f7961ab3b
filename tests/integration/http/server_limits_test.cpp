#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "integration/http/server_harness.hpp"
#include "integration/http/test_http_client.hpp"

namespace scs::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr size_t kBodyLimit = 1024;

Router EchoRouter() {
    Router router;
    router.Add("POST", "/echo", [](HttpRequest& request) {
        return JsonResponse(200, boost::json::value(request.body.size()));
    });
    router.Add("GET", "/ping", [](HttpRequest&) { return JsonResponse(200, "pong"); });
    return router;
}

HttpServerConfig LimitedConfig() {
    HttpServerConfig config = TestConfig();
    config.body_limit_bytes = kBodyLimit;
    config.header_timeout = 200ms;
    config.body_timeout = 200ms;
    config.idle_timeout = 200ms;
    return config;
}

std::string CodeOf(const ClientResponse& response) {
    return std::string(boost::json::parse(response.body).at("code").as_string());
}

std::string Chunked(const std::string& data, size_t chunk_size) {
    std::string out;
    for (size_t at = 0; at < data.size(); at += chunk_size) {
        const std::string chunk = data.substr(at, chunk_size);
        char size_hex[16];
        std::snprintf(size_hex, sizeof(size_hex), "%zx", chunk.size());
        out += std::string(size_hex) + "\r\n" + chunk + "\r\n";
    }
    return out + "0\r\n\r\n";
}

TEST(HttpServerLimits, BodyAtTheLimitIsAccepted) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    const auto response =
        RoundTrip(server->Port(), MakeRequest("POST", "/echo", {}, std::string(kBodyLimit, 'x')));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, std::to_string(kBodyLimit));
}

TEST(HttpServerLimits, ContentLengthOverTheLimitIs413BeforeTheBodyIsSent) {
    RecordingObserver observer;
    auto server = StartServer(EchoRouter(), LimitedConfig(), &observer);
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    // Only the header: the server must judge by Content-Length without waiting for the body.
    ASSERT_TRUE(
        connection.Send("POST /echo HTTP/1.1\r\nHost: t\r\nX-Request-Id: big-1\r\n"
                        "Content-Length: 1025\r\n\r\n"));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(CodeOf(*response), "PAYLOAD_TOO_LARGE");
    EXPECT_EQ(response->Header("X-Request-Id"), "big-1");
    EXPECT_EQ(response->Header("Connection"), "close");
    EXPECT_TRUE(connection.WaitForClose(3s));
    const auto done = observer.DoneCalls();
    ASSERT_EQ(done.size(), 1U);
    EXPECT_EQ(done[0].status, 413);
    EXPECT_EQ(done[0].method, "POST");
}

TEST(HttpServerLimits, ChunkedBodyOverTheLimitIs413) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(
        connection.Send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" +
                        Chunked(std::string(3 * kBodyLimit, 'y'), 100)));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(CodeOf(*response), "PAYLOAD_TOO_LARGE");
    EXPECT_TRUE(response->Header("X-Request-Id"));
    EXPECT_TRUE(connection.WaitForClose(3s));
}

TEST(HttpServerLimits, ChunkedBodyUnderTheLimitIsReassembled) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    const auto response =
        RoundTrip(server->Port(),
                  "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      Chunked(std::string(500, 'z'), 64));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "500");
}

void ExpectRejectedAs400(uint16_t port, const std::string& garbage) {
    SCOPED_TRACE(garbage);
    TestHttpConnection connection(port);
    ASSERT_TRUE(connection.Send(garbage));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400);
    EXPECT_EQ(CodeOf(*response), "BAD_REQUEST");
    EXPECT_TRUE(response->Header("X-Request-Id"));
    EXPECT_TRUE(connection.WaitForClose(3s));
}

TEST(HttpServerLimits, MalformedRequestIs400AndClosed) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    ExpectRejectedAs400(server->Port(), "GET /ping HTTP/9.9x\r\n\r\n");
    ExpectRejectedAs400(server->Port(), "GET /ping HTTP/1.1\r\nBad Header\r\n\r\n");
    ExpectRejectedAs400(server->Port(), "GET ping HTTP/1.1\r\nHost: t\r\n\r\n");
}

TEST(HttpServerLimits, SilentClientIsDisconnectedAfterTheHeaderTimeout) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    const auto started = Clock::now();
    EXPECT_TRUE(connection.WaitForClose(3s));
    EXPECT_GE(Clock::now() - started, 150ms);
}

TEST(HttpServerLimits, HalfAHeaderIsDisconnectedAfterTheHeaderTimeout) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send("GET /ping HTTP/1.1\r\nHost: t\r\n"));
    EXPECT_TRUE(connection.WaitForClose(3s));
}

TEST(HttpServerLimits, SlowBodyIsDisconnectedAfterTheBodyTimeout) {
    auto server = StartServer(EchoRouter(), LimitedConfig());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"));
    EXPECT_TRUE(connection.WaitForClose(3s));
}

TEST(HttpServerLimits, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
    HttpServerConfig config = LimitedConfig();
    config.header_timeout = 100ms;
    config.idle_timeout = 500ms;
    auto server = StartServer(EchoRouter(), config);
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send(MakeRequest("GET", "/ping")));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    // Between requests the idle timeout applies, not the shorter header timeout.
    const auto started = Clock::now();
    EXPECT_TRUE(connection.WaitForClose(3s));
    EXPECT_GE(Clock::now() - started, 400ms);
}

}  // namespace
}  // namespace scs::testing
