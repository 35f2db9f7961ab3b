#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <boost/asio/thread_pool.hpp>

#include "http/server.hpp"

namespace scs::http_internal {

class HttpSession;

// What an HttpServer shares with its connections: config, router, observer, the handler pool
// and the set of open connections (for shutdown). Created by HttpServer::Start and owned jointly
// (shared_ptr) by the server and every session, so it outlives the last connection.
// Thread-safe; the handler pool it refers to is owned by the server and outlives the sessions.
class ServerContext {
public:
    ServerContext(HttpServerConfig config,
                  Router router,
                  HttpObserver* observer,
                  boost::asio::thread_pool& handlers);

    const HttpServerConfig& Config() const { return config_; }

    boost::asio::thread_pool& Handlers() const { return handlers_; }

    // Runs the router on the calling handler thread. This is the HTTP request boundary: any
    // exception becomes a 500 INTERNAL and is reported to the observer.
    HttpResponse Handle(HttpRequest& request) const;

    void ReportDone(const HttpRequest& request,
                    const HttpResponse& response,
                    std::chrono::microseconds latency) const;

    // False once the server is stopping: the session must then close instead of serving.
    bool TryRegister(const std::shared_ptr<HttpSession>& session);
    void Unregister(const HttpSession* session);

    bool IsStopping() const { return stopping_.load(); }

    // Sessions registered before BeginStopping are all in the returned list; later ones are
    // refused by TryRegister.
    std::vector<std::shared_ptr<HttpSession>> BeginStopping();
    std::vector<std::shared_ptr<HttpSession>> LiveSessions() const;

    // True when every session closed before the deadline.
    bool WaitUntilNoSessions(std::chrono::steady_clock::time_point deadline);

private:
    HttpResponse ReportException(const HttpRequest& request, std::string_view what) const;

    const HttpServerConfig config_;
    const Router router_;
    HttpObserver* const observer_;
    boost::asio::thread_pool& handlers_;

    mutable std::mutex mutex_;
    std::condition_variable all_closed_;
    std::atomic<bool> stopping_{false};  // written under mutex_, read lock-free
    std::unordered_map<const HttpSession*, std::weak_ptr<HttpSession>> sessions_;
};

}  // namespace scs::http_internal
