#include "integration/http/server_harness.hpp"

#include <gtest/gtest.h>

namespace scs::testing {

void Gate::Pass() {
    std::unique_lock lock(mutex_);
    ++arrivals_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
}

void Gate::Open() {
    const std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
}

bool Gate::WaitForArrivals(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(
        lock, std::chrono::seconds(5), [this, count] { return arrivals_ >= count; });
}

void RecordingObserver::OnRequestDone(const HttpRequest& request,
                                      const HttpResponse& response,
                                      std::chrono::microseconds latency) {
    const std::lock_guard lock(mutex_);
    done_.push_back({request.method, request.route, request.request_id, response.status, latency});
}

void RecordingObserver::OnHandlerException(const HttpRequest& /*request*/, std::string_view what) {
    const std::lock_guard lock(mutex_);
    exceptions_.emplace_back(what);
}

std::vector<RecordingObserver::Done> RecordingObserver::DoneCalls() const {
    const std::lock_guard lock(mutex_);
    return done_;
}

std::vector<std::string> RecordingObserver::Exceptions() const {
    const std::lock_guard lock(mutex_);
    return exceptions_;
}

HttpServerConfig TestConfig() {
    HttpServerConfig config;
    config.host = "127.0.0.1";
    config.port = 0;
    config.io_threads = 1;
    config.handler_threads = 2;
    return config;
}

std::unique_ptr<HttpServer> StartServer(Router router,
                                        const HttpServerConfig& config,
                                        HttpObserver* observer) {
    auto server = std::make_unique<HttpServer>(config, std::move(router), observer);
    const Status started = server->Start();
    if (!started) {
        ADD_FAILURE() << "server did not start: " << started.error().message;
        return nullptr;
    }
    return server;
}

}  // namespace scs::testing
