#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "http/server.hpp"
#include "net/http_client.hpp"
#include "support/test_env.hpp"

namespace scs {
namespace {

using std::chrono::milliseconds;

// The curl client against an in-process HTTP server on a free port.
class CurlHttpClientTest : public ::testing::Test {
protected:
    void SetUp() override {
        Router router;
        router.Add("POST", "/echo", [](HttpRequest& request) {
            HttpResponse response;
            response.status = 201;
            response.body = request.method + ":" + request.body + ":" +
                            std::string(request.Header("X-Test").value_or(""));
            response.headers = {{"X-Reply", "yes"}};
            return response;
        });
        router.Add("GET", "/slow", [](HttpRequest&) {
            std::this_thread::sleep_for(milliseconds(600));
            return HttpResponse{};
        });
        router.Add("GET", "/missing-thing", [](HttpRequest&) {
            return ErrorResponse(ErrorCode::kNotFound, "no");
        });
        HttpServerConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        server_ = std::make_unique<HttpServer>(config, std::move(router), nullptr);
        ASSERT_TRUE(server_->Start());
        base_ = "http://127.0.0.1:" + std::to_string(server_->Port());
    }

    std::unique_ptr<HttpServer> server_;
    std::string base_;
    std::shared_ptr<HttpClient> client_ = MakeCurlHttpClient();
};

TEST_F(CurlHttpClientTest, SendsMethodHeadersAndBodyAndReadsTheAnswer) {
    OutboundRequest request{"POST", base_ + "/echo", {{"X-Test", "v1"}}, "payload"};
    auto response = client_->Send(request);
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 201);
    EXPECT_EQ(response->body, "POST:payload:v1");
    EXPECT_EQ(response->Header("x-reply"), "yes");
}

TEST_F(CurlHttpClientTest, ErrorStatusesAreAnswersNotFailures) {
    auto response = client_->Send(OutboundRequest{"GET", base_ + "/missing-thing", {}, {}});
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 404);
}

TEST_F(CurlHttpClientTest, TotalTimeoutIsKTimeout) {
    OutboundRequest request{"GET", base_ + "/slow", {}, {}};
    request.total_timeout = milliseconds(200);
    auto response = client_->Send(request);
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::kTimeout);
}

TEST_F(CurlHttpClientTest, RefusedConnectionIsKUnavailable) {
    const int port = testing::FreePort();
    auto response = client_->Send(
        OutboundRequest{"GET", "http://127.0.0.1:" + std::to_string(port) + "/", {}, {}});
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::kUnavailable);
}

TEST_F(CurlHttpClientTest, PublicOnlyRefusesALoopbackPeerBeforeSending) {
    OutboundRequest request{"POST", base_ + "/echo?consumer_secret=cs_hidden", {}, "payload"};
    request.public_only = true;
    auto refused = client_->Send(request);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(refused.error().message.find("private, loopback or link-local"), std::string::npos);
    // The query may carry credentials: messages never repeat it.
    EXPECT_EQ(refused.error().message.find("cs_hidden"), std::string::npos);
    request.public_only = false;
    auto allowed = client_->Send(request);
    ASSERT_TRUE(allowed) << allowed.error().message;
    EXPECT_EQ(allowed->status, 201);
}

TEST_F(CurlHttpClientTest, MalformedUrlIsKBadRequest) {
    auto response = client_->Send(OutboundRequest{"GET", "ftp://127.0.0.1/", {}, {}});
    ASSERT_FALSE(response);
    EXPECT_EQ(response.error().code, ErrorCode::kBadRequest);
}

TEST_F(CurlHttpClientTest, OneClientServesManyThreads) {
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    threads.reserve(8);
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            auto response = client_->Send(OutboundRequest{"POST", base_ + "/echo", {}, "x"});
            ok += response && response->status == 201 ? 1 : 0;
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(ok.load(), 8);
}

}  // namespace
}  // namespace scs
