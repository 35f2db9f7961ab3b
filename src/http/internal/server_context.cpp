#include "http/internal/server_context.hpp"

#include <exception>

namespace scs::http_internal {

ServerContext::ServerContext(HttpServerConfig config,
                             Router router,
                             HttpObserver* observer,
                             boost::asio::thread_pool& handlers)
    : config_(std::move(config)),
      router_(std::move(router)),
      observer_(observer),
      handlers_(handlers) {}

HttpResponse ServerContext::Handle(HttpRequest& request) const {
    try {
        HttpResponse response = router_.Dispatch(request);
        if (response.status < 100 || response.status > 599) {
            return ReportException(
                request, "handler returned HTTP status " + std::to_string(response.status));
        }
        return response;
    } catch (const std::exception& e) {
        return ReportException(request, e.what());
    } catch (...) {
        return ReportException(request, "exception of a type not derived from std::exception");
    }
}

HttpResponse ServerContext::ReportException(const HttpRequest& request,
                                            std::string_view what) const {
    if (observer_ != nullptr) {
        // An observer must not throw; if it does, the client still gets its 500.
        try {
            observer_->OnHandlerException(request, what);
        } catch (...) {
        }
    }
    return ErrorResponse(ErrorCode::kInternal, "internal error");
}

void ServerContext::ReportDone(const HttpRequest& request,
                               const HttpResponse& response,
                               std::chrono::microseconds latency) const {
    if (observer_ == nullptr) {
        return;
    }
    // An exception here would escape into the thread pool and end the process.
    try {
        observer_->OnRequestDone(request, response, latency);
    } catch (...) {
    }
}

bool ServerContext::TryRegister(const std::shared_ptr<HttpSession>& session) {
    const std::lock_guard lock(mutex_);
    if (stopping_.load()) {
        return false;
    }
    sessions_.emplace(session.get(), session);
    return true;
}

void ServerContext::Unregister(const HttpSession* session) {
    const std::lock_guard lock(mutex_);
    if (sessions_.erase(session) > 0 && sessions_.empty()) {
        all_closed_.notify_all();
    }
}

std::vector<std::shared_ptr<HttpSession>> ServerContext::BeginStopping() {
    {
        const std::lock_guard lock(mutex_);
        stopping_.store(true);
    }
    return LiveSessions();
}

std::vector<std::shared_ptr<HttpSession>> ServerContext::LiveSessions() const {
    const std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<HttpSession>> live;
    live.reserve(sessions_.size());
    for (const auto& [key, weak] : sessions_) {
        if (auto session = weak.lock()) {
            live.push_back(std::move(session));
        }
    }
    return live;
}

bool ServerContext::WaitUntilNoSessions(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return all_closed_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
}

}  // namespace scs::http_internal
