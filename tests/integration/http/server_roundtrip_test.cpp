#include <mutex>
#include <stdexcept>
#include <thread>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "integration/http/server_harness.hpp"
#include "integration/http/test_http_client.hpp"

namespace scs::testing {
namespace {

using namespace std::chrono_literals;

boost::json::value Json(const ClientResponse& response) {
    return boost::json::parse(response.body);
}

int StatusOf(uint16_t port, const std::string& request) {
    const auto response = RoundTrip(port, request);
    return response ? response->status : -1;
}

Router EchoRouter() {
    Router router;
    router.Add("GET", "/sellers/{seller_id}", [](HttpRequest& request) {
        return JsonResponse(200,
                            {{"seller", request.path_params.at("seller_id")},
                             {"q", request.Query("q").value_or("")}});
    });
    router.Add("POST", "/echo", [](HttpRequest& request) {
        HttpResponse response;
        response.content_type = "text/plain";
        response.body = request.body;
        return response;
    });
    return router;
}

TEST(HttpServerRoundTrip, ServesTwoRequestsOnOneKeepAliveConnection) {
    RecordingObserver observer;
    auto server = StartServer(EchoRouter(), TestConfig(), &observer);
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send(MakeRequest("GET", "/sellers/s%201?q=a+b")));
    const auto first = connection.ReadResponse();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(Json(*first), boost::json::parse(R"({"seller":"s 1","q":"a b"})"));
    EXPECT_EQ(first->Header("Content-Type"), "application/json");
    EXPECT_EQ(first->Header("Content-Length"), std::to_string(first->body.size()));
    EXPECT_EQ(first->Header("Server"), "scs");
    EXPECT_FALSE(first->Header("Connection"));

    ASSERT_TRUE(connection.Send(MakeRequest("POST", "/echo", {}, "hello")));
    const auto second = connection.ReadResponse();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 200);
    EXPECT_EQ(second->body, "hello");
    EXPECT_EQ(second->Header("Content-Type"), "text/plain");

    const auto done = observer.DoneCalls();
    ASSERT_EQ(done.size(), 2U);
    EXPECT_EQ(done[0].route, "/sellers/{seller_id}");
    EXPECT_EQ(done[0].status, 200);
    EXPECT_EQ(done[1].method, "POST");
}

TEST(HttpServerRoundTrip, UnknownPathIs404AndWrongMethodIs405WithAllow) {
    auto server = StartServer(EchoRouter());
    ASSERT_TRUE(server);
    const auto missing = RoundTrip(server->Port(), MakeRequest("GET", "/nowhere"));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(Json(*missing).at("code"), "NOT_FOUND");
    EXPECT_EQ(Json(*missing).at("status"), "error");
    EXPECT_TRUE(missing->Header("X-Request-Id"));

    const auto wrong = RoundTrip(server->Port(), MakeRequest("DELETE", "/echo"));
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 405);
    EXPECT_EQ(Json(*wrong).at("code"), "METHOD_NOT_ALLOWED");
    EXPECT_EQ(wrong->Header("Allow"), "POST");
    EXPECT_TRUE(wrong->Header("X-Request-Id"));
}

TEST(HttpServerRoundTrip, HeadGetsTheGetHeadersWithoutABody) {
    auto server = StartServer(EchoRouter());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send(MakeRequest("HEAD", "/sellers/7")));
    const auto head = connection.ReadResponse(/*head_request=*/true);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->Header("Content-Length"),
              std::to_string(std::string(R"({"seller":"7","q":""})").size()));
    // The connection is still in sync: the next response starts right after the HEAD headers.
    ASSERT_TRUE(connection.Send(MakeRequest("GET", "/sellers/8")));
    const auto next = connection.ReadResponse();
    ASSERT_TRUE(next);
    EXPECT_EQ(Json(*next).at("seller"), "8");
}

TEST(HttpServerRoundTrip, EchoesAValidRequestIdAndGeneratesOtherwise) {
    RecordingObserver observer;
    auto server = StartServer(EchoRouter(), TestConfig(), &observer);
    ASSERT_TRUE(server);
    const auto echoed =
        RoundTrip(server->Port(), MakeRequest("GET", "/sellers/1", {"X-Request-Id: abc-123.x:y"}));
    ASSERT_TRUE(echoed);
    EXPECT_EQ(echoed->Header("X-Request-Id"), "abc-123.x:y");

    const auto generated = RoundTrip(server->Port(), MakeRequest("GET", "/nowhere"));
    const auto replaced =
        RoundTrip(server->Port(), MakeRequest("GET", "/sellers/1", {"X-Request-Id: bad id!"}));
    ASSERT_TRUE(generated && replaced);
    const auto generated_id = generated->Header("X-Request-Id").value_or("");
    const auto replaced_id = replaced->Header("X-Request-Id").value_or("");
    EXPECT_EQ(generated_id.size(), 36U);
    EXPECT_EQ(replaced_id.size(), 36U);
    EXPECT_NE(generated_id, replaced_id);

    const auto done = observer.DoneCalls();
    ASSERT_EQ(done.size(), 3U);
    EXPECT_EQ(done[0].request_id, "abc-123.x:y");
    EXPECT_EQ(done[1].request_id, generated_id);
}

Router ThrowingRouter() {
    Router router;
    router.Add("GET", "/boom", [](HttpRequest&) -> HttpResponse {
        throw std::runtime_error("secret database password in message");
    });
    return router;
}

TEST(HttpServerRoundTrip, HandlerExceptionBecomesA500WithoutItsText) {
    RecordingObserver observer;
    auto server = StartServer(ThrowingRouter(), TestConfig(), &observer);
    ASSERT_TRUE(server);
    const auto response =
        RoundTrip(server->Port(), MakeRequest("GET", "/boom", {"X-Request-Id: r1"}));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 500);
    EXPECT_EQ(
        Json(*response),
        boost::json::parse(R"({"status":"error","code":"INTERNAL","message":"internal error"})"));
    EXPECT_EQ(response->Header("X-Request-Id"), "r1");
    EXPECT_EQ(observer.Exceptions(),
              std::vector<std::string>{"secret database password in message"});
}

TEST(HttpServerRoundTrip, ConnectionSurvivesAHandlerException) {
    auto server = StartServer(ThrowingRouter());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(connection.Send(MakeRequest("GET", "/boom")));
        const auto response = connection.ReadResponse();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 500);
    }
}

// Routes /slow (waits at the gate) and /fast, recording the thread each handler ran on.
class ThreadRecordingRoutes {
public:
    Router MakeRouter() {
        Router router;
        router.Add("GET", "/slow", [this](HttpRequest&) {
            Record();
            gate_.Pass();
            return JsonResponse(200, "slow");
        });
        router.Add("GET", "/fast", [this](HttpRequest&) {
            Record();
            return JsonResponse(200, "fast");
        });
        return router;
    }

    Gate& SlowGate() { return gate_; }

    std::vector<std::thread::id> Threads() {
        const std::lock_guard lock(mutex_);
        return threads_;
    }

private:
    void Record() {
        const std::lock_guard lock(mutex_);
        threads_.push_back(std::this_thread::get_id());
    }

    Gate gate_;
    std::mutex mutex_;
    std::vector<std::thread::id> threads_;
};

TEST(HttpServerRoundTrip, HandlersRunOffTheIoThread) {
    // One I/O thread: if handlers ran on it, a blocked handler would stop every other connection.
    ThreadRecordingRoutes routes;
    auto server = StartServer(routes.MakeRouter());
    ASSERT_TRUE(server);
    const OpenOnExit release(routes.SlowGate());
    TestHttpConnection slow(server->Port());
    ASSERT_TRUE(slow.Send(MakeRequest("GET", "/slow")));
    ASSERT_TRUE(routes.SlowGate().WaitForArrivals(1));

    const auto fast = RoundTrip(server->Port(), MakeRequest("GET", "/fast"));
    ASSERT_TRUE(fast);
    EXPECT_EQ(fast->body, R"("fast")");
    routes.SlowGate().Open();
    const auto slow_response = slow.ReadResponse();
    ASSERT_TRUE(slow_response);
    EXPECT_EQ(slow_response->body, R"("slow")");
    const auto threads = routes.Threads();
    ASSERT_EQ(threads.size(), 2U);
    EXPECT_NE(threads[0], threads[1]);
    EXPECT_NE(threads[0], std::this_thread::get_id());
}

TEST(HttpServerRoundTrip, ConnectionCloseIsHonoured) {
    auto server = StartServer(EchoRouter());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send(MakeRequest("GET", "/sellers/1", {"Connection: close"})));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->Header("Connection"), "close");
    EXPECT_TRUE(connection.WaitForClose(2s));
}

TEST(HttpServerRoundTrip, Http10ClosesUnlessKeepAliveIsAsked) {
    auto server = StartServer(EchoRouter());
    ASSERT_TRUE(server);
    TestHttpConnection plain(server->Port());
    ASSERT_TRUE(plain.Send("GET /sellers/1 HTTP/1.0\r\n\r\n"));
    ASSERT_TRUE(plain.ReadResponse());
    EXPECT_TRUE(plain.WaitForClose(2s));

    TestHttpConnection kept(server->Port());
    ASSERT_TRUE(kept.Send("GET /sellers/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    const auto first = kept.ReadResponse();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->Header("Connection"), "keep-alive");
    ASSERT_TRUE(kept.Send("GET /sellers/2 HTTP/1.0\r\n\r\n"));
    EXPECT_TRUE(kept.ReadResponse());
}

TEST(HttpServerRoundTrip, AnswersExpectContinueBeforeTheBody) {
    auto server = StartServer(EchoRouter());
    ASSERT_TRUE(server);
    TestHttpConnection connection(server->Port());
    ASSERT_TRUE(connection.Send(
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"));
    const auto interim = connection.ReadResponse();
    ASSERT_TRUE(interim);
    EXPECT_EQ(interim->status, 100);
    ASSERT_TRUE(connection.Send("data"));
    const auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "data");
}

TEST(HttpServerRoundTrip, TwoServersRunSideBySide) {
    Router other;
    other.Add("GET", "/who", [](HttpRequest&) { return JsonResponse(200, "b"); });
    auto a = StartServer(EchoRouter());
    auto b = StartServer(std::move(other));
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->Port(), b->Port());
    EXPECT_EQ(StatusOf(a->Port(), MakeRequest("GET", "/who")), 404);
    EXPECT_EQ(StatusOf(b->Port(), MakeRequest("GET", "/who")), 200);
    a->Shutdown();
    EXPECT_EQ(StatusOf(b->Port(), MakeRequest("GET", "/who")), 200);
}

}  // namespace
}  // namespace scs::testing
