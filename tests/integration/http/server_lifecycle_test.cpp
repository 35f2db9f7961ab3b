#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "integration/http/server_harness.hpp"
#include "integration/http/test_http_client.hpp"

namespace scs::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

Router SlowRouter(Gate& gate) {
    Router router;
    router.Add("GET", "/slow", [&gate](HttpRequest&) {
        gate.Pass();
        return JsonResponse(200, "done");
    });
    router.Add("GET", "/ping", [](HttpRequest&) { return JsonResponse(200, "pong"); });
    return router;
}

// Connecting is refused once the listener is closed; until then connections may still succeed.
bool BecomesUnreachable(uint16_t port) {
    const auto deadline = Clock::now() + 5s;
    while (Clock::now() < deadline) {
        const TestHttpConnection probe(port);
        if (!probe.IsConnected()) {
            return true;
        }
        std::this_thread::yield();
    }
    return false;
}

TEST(HttpServerLifecycle, ShutdownLetsAnInFlightRequestFinish) {
    Gate gate;
    auto server = StartServer(SlowRouter(gate));
    ASSERT_TRUE(server);
    const uint16_t port = server->port();
    TestHttpConnection in_flight(port);
    ASSERT_TRUE(in_flight.Send(MakeRequest("GET", "/slow")));
    ASSERT_TRUE(gate.WaitForArrivals(1));

    auto shutdown = std::async(std::launch::async, [&server] { server->Shutdown(); });
    EXPECT_TRUE(BecomesUnreachable(port));
    EXPECT_EQ(shutdown.wait_for(0s), std::future_status::timeout);

    gate.Open();
    const auto response = in_flight.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"("done")");
    EXPECT_EQ(response->Header("Connection"), "close");
    EXPECT_EQ(shutdown.wait_for(5s), std::future_status::ready);
}

TEST(HttpServerLifecycle, ShutdownClosesIdleKeepAliveConnectionsAtOnce) {
    Gate gate;
    auto server = StartServer(SlowRouter(gate));
    ASSERT_TRUE(server);
    TestHttpConnection idle(server->port());
    ASSERT_TRUE(idle.Send(MakeRequest("GET", "/ping")));
    ASSERT_TRUE(idle.ReadResponse());
    TestHttpConnection in_flight(server->port());
    ASSERT_TRUE(in_flight.Send(MakeRequest("GET", "/slow")));
    ASSERT_TRUE(gate.WaitForArrivals(1));

    auto shutdown = std::async(std::launch::async, [&server] { server->Shutdown(); });
    // Closed while another request is still held, so not by the end of Shutdown.
    EXPECT_TRUE(idle.WaitForClose(3s));
    gate.Open();
    EXPECT_EQ(shutdown.wait_for(5s), std::future_status::ready);
    EXPECT_TRUE(in_flight.ReadResponse());
}

TEST(HttpServerLifecycle, ShutdownClosesRequestsStillRunningAfterTheGrace) {
    Gate gate;
    HttpServerConfig config = TestConfig();
    config.shutdown_grace = 100ms;
    auto server = StartServer(SlowRouter(gate), config);
    ASSERT_TRUE(server);
    TestHttpConnection in_flight(server->port());
    ASSERT_TRUE(in_flight.Send(MakeRequest("GET", "/slow")));
    ASSERT_TRUE(gate.WaitForArrivals(1));

    auto shutdown = std::async(std::launch::async, [&server] { server->Shutdown(); });
    // The connection is closed without an answer; Shutdown still waits for the handler thread.
    EXPECT_TRUE(in_flight.WaitForClose(3s));
    EXPECT_EQ(shutdown.wait_for(0s), std::future_status::timeout);
    gate.Open();
    EXPECT_EQ(shutdown.wait_for(5s), std::future_status::ready);
}

TEST(HttpServerLifecycle, SecondShutdownIsANoOp) {
    Gate gate;
    auto server = StartServer(SlowRouter(gate));
    ASSERT_TRUE(server);
    server->Shutdown();
    const auto started = Clock::now();
    server->Shutdown();
    EXPECT_LT(Clock::now() - started, 100ms);
    EXPECT_FALSE(TestHttpConnection(server->port()).IsConnected());
}

TEST(HttpServerLifecycle, StartOnATakenPortFails) {
    Gate gate;
    auto first = StartServer(SlowRouter(gate));
    ASSERT_TRUE(first);
    HttpServerConfig config = TestConfig();
    config.port = first->port();
    HttpServer second(config, Router{}, nullptr);
    const Status started = second.Start();
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(started.error().message.find(std::to_string(first->port())), std::string::npos);
    EXPECT_NE(started.error().message.find("in use"), std::string::npos);
    second.Shutdown();  // never started: nothing to do
}

TEST(HttpServerLifecycle, StartsOnlyOnceAndRejectsBadConfig) {
    Gate gate;
    auto server = StartServer(SlowRouter(gate));
    ASSERT_TRUE(server);
    EXPECT_FALSE(server->Start());

    HttpServerConfig config = TestConfig();
    config.handler_threads = 0;
    HttpServer bad(config, Router{}, nullptr);
    const Status started = bad.Start();
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, ErrorCode::kBadRequest);
}

TEST(HttpServerLifecycle, DestructorShutsDownARunningServer) {
    Gate gate;
    auto server = StartServer(SlowRouter(gate));
    ASSERT_TRUE(server);
    const uint16_t port = server->port();
    TestHttpConnection idle(port);
    ASSERT_TRUE(idle.IsConnected());
    server.reset();
    EXPECT_TRUE(idle.WaitForClose(1s));
    EXPECT_FALSE(TestHttpConnection(port).IsConnected());
}

}  // namespace
}  // namespace scs::testing
