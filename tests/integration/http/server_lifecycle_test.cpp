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

// A server with one /slow request held in its handler until the test opens the gate.
class HeldRequestTest : public ::testing::Test {
protected:
    void HoldOneRequest(const HttpServerConfig& config = TestConfig()) {
        server_ = StartServer(SlowRouter(gate_), config);
        ASSERT_TRUE(server_);
        in_flight_ = std::make_unique<TestHttpConnection>(server_->Port());
        ASSERT_TRUE(in_flight_->Send(MakeRequest("GET", "/slow")));
        ASSERT_TRUE(gate_.WaitForArrivals(1));
    }

    // A failed assertion must not leave the handler, and so Shutdown, blocked.
    void TearDown() override { gate_.Open(); }

    void ShutdownInBackground() {
        shutdown_ = std::async(std::launch::async, [this] { server_->Shutdown(); });
    }

    bool ShutdownFinishes() { return shutdown_.wait_for(5s) == std::future_status::ready; }

    bool ShutdownStillRunning() { return shutdown_.wait_for(0s) == std::future_status::timeout; }

    Gate gate_;
    std::unique_ptr<HttpServer> server_;
    std::unique_ptr<TestHttpConnection> in_flight_;
    std::future<void> shutdown_;
};

TEST_F(HeldRequestTest, ShutdownRefusesNewConnectionsButLetsTheInFlightRequestFinish) {
    ASSERT_NO_FATAL_FAILURE(HoldOneRequest());
    ShutdownInBackground();
    EXPECT_TRUE(BecomesUnreachable(server_->Port()));
    EXPECT_TRUE(ShutdownStillRunning());

    gate_.Open();
    const auto response = in_flight_->ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, R"("done")");
    EXPECT_EQ(response->Header("Connection"), "close");
    EXPECT_TRUE(ShutdownFinishes());
}

TEST_F(HeldRequestTest, ShutdownClosesIdleKeepAliveConnectionsAtOnce) {
    ASSERT_NO_FATAL_FAILURE(HoldOneRequest());
    TestHttpConnection idle(server_->Port());
    ASSERT_TRUE(idle.Send(MakeRequest("GET", "/ping")));
    ASSERT_TRUE(idle.ReadResponse());

    ShutdownInBackground();
    // Closed while the other request is still held, so not merely by the end of Shutdown.
    EXPECT_TRUE(idle.WaitForClose(3s));
    gate_.Open();
    EXPECT_TRUE(ShutdownFinishes());
}

TEST_F(HeldRequestTest, ShutdownClosesRequestsStillRunningAfterTheGrace) {
    HttpServerConfig config = TestConfig();
    config.shutdown_grace = 100ms;
    ASSERT_NO_FATAL_FAILURE(HoldOneRequest(config));
    ShutdownInBackground();
    // The connection is closed without an answer; Shutdown still waits for the handler thread.
    EXPECT_TRUE(in_flight_->WaitForClose(3s));
    EXPECT_TRUE(ShutdownStillRunning());
    gate_.Open();
    EXPECT_TRUE(ShutdownFinishes());
}

TEST(HttpServerLifecycle, SecondShutdownIsANoOp) {
    Gate gate;
    auto server = StartServer(SlowRouter(gate));
    ASSERT_TRUE(server);
    server->Shutdown();
    const auto started = Clock::now();
    server->Shutdown();
    EXPECT_LT(Clock::now() - started, 100ms);
    EXPECT_FALSE(TestHttpConnection(server->Port()).IsConnected());
}

TEST(HttpServerLifecycle, StartOnATakenPortFails) {
    Gate gate;
    auto first = StartServer(SlowRouter(gate));
    ASSERT_TRUE(first);
    HttpServerConfig config = TestConfig();
    config.port = first->Port();
    HttpServer second(config, Router{}, nullptr);
    const Status started = second.Start();
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(started.error().message.find(std::to_string(first->Port())), std::string::npos);
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
    const uint16_t port = server->Port();
    TestHttpConnection idle(port);
    ASSERT_TRUE(idle.IsConnected());
    server.reset();
    EXPECT_TRUE(idle.WaitForClose(1s));
    EXPECT_FALSE(TestHttpConnection(port).IsConnected());
}

}  // namespace
}  // namespace scs::testing
