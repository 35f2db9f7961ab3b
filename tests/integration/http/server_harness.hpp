#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/server.hpp"

namespace scs::testing {

// A gate that handlers wait at until the test opens it, so a test can hold a request in flight
// without sleeping. Thread-safe.
class Gate {
public:
    // Handler side: counts the arrival, then blocks until Open.
    void Pass();
    void Open();
    // Test side: false when `count` handlers have not arrived within 5 s.
    bool WaitForArrivals(int count);

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
    int arrivals_ = 0;
};

// Opens a gate when it goes out of scope, so a failed assertion cannot leave a handler blocked
// (and the server's destructor waiting for it). Declare it after the server.
class OpenOnExit {
public:
    explicit OpenOnExit(Gate& gate) : gate_(gate) {}

    ~OpenOnExit() { gate_.Open(); }

    OpenOnExit(const OpenOnExit&) = delete;
    OpenOnExit& operator=(const OpenOnExit&) = delete;
    OpenOnExit(OpenOnExit&&) = delete;
    OpenOnExit& operator=(OpenOnExit&&) = delete;

private:
    Gate& gate_;
};

// Records what the server reports. Thread-safe.
class RecordingObserver : public HttpObserver {
public:
    struct Done {
        std::string method;
        std::string route;
        std::string request_id;
        int status = 0;
        std::chrono::microseconds latency{0};
    };

    void OnRequestDone(const HttpRequest& request,
                       const HttpResponse& response,
                       std::chrono::microseconds latency) override;
    void OnHandlerException(const HttpRequest& request, std::string_view what) override;

    std::vector<Done> DoneCalls() const;
    std::vector<std::string> Exceptions() const;

private:
    mutable std::mutex mutex_;
    std::vector<Done> done_;
    std::vector<std::string> exceptions_;
};

// 127.0.0.1, port 0, one I/O thread and two handler threads; timeouts stay at their defaults.
HttpServerConfig TestConfig();

// Starts a server; on failure records a test failure and returns nullptr.
std::unique_ptr<HttpServer> StartServer(Router router,
                                        const HttpServerConfig& config = TestConfig(),
                                        HttpObserver* observer = nullptr);

}  // namespace scs::testing
