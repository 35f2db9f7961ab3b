#include "http/server.hpp"

#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include "http/internal/http_session.hpp"
#include "http/internal/server_context.hpp"

namespace scs {
namespace {

namespace asio = boost::asio;
using Tcp = asio::ip::tcp;
using boost::system::error_code;

// After a failed accept (for example out of file descriptors), wait before the next one rather
// than spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};
// Closing a connection takes one hop to its strand; I/O threads never block, so this is ample.
constexpr std::chrono::seconds kForceCloseWait{2};

Status ValidateConfig(const HttpServerConfig& config) {
    if (config.io_threads < 1 || config.handler_threads < 1) {
        return Fail(ErrorCode::kBadRequest,
                    "http: io_threads and handler_threads must be at least 1");
    }
    if (config.body_limit_bytes == 0) {
        return Fail(ErrorCode::kBadRequest, "http: body_limit_bytes must be positive");
    }
    return {};
}

std::string Where(const HttpServerConfig& config) {
    return config.host + ":" + std::to_string(config.port);
}

Result<Tcp::endpoint> ResolveListenEndpoint(asio::io_context& io, const HttpServerConfig& config) {
    Tcp::resolver resolver(io);
    error_code ec;
    const auto results = resolver.resolve(config.host,
                                          std::to_string(config.port),
                                          Tcp::resolver::passive | Tcp::resolver::numeric_service,
                                          ec);
    if (ec || results.empty()) {
        return Fail(ErrorCode::kBadRequest,
                    "http: cannot resolve listen address " + Where(config) + ": " + ec.message());
    }
    return results.begin()->endpoint();
}

}  // namespace

// Everything a server owns. Members are destroyed in reverse order: the io_context comes first so
// that it outlives the handler pool, whose queued tasks hold sessions and thus sockets.
struct HttpServer::Runtime {
    enum class State { kIdle, kRunning, kStopped };

    Runtime(HttpServerConfig server_config, Router server_router, HttpObserver* server_observer)
        : config(std::move(server_config)),
          router(std::move(server_router)),
          observer(server_observer) {}

    Status Listen();
    void Accept();
    void RetryAcceptLater();
    void StopAccepting();
    void CloseConnections();
    void StopThreads();

    asio::io_context io;
    asio::strand<asio::io_context::executor_type> accept_strand{asio::make_strand(io)};
    Tcp::acceptor acceptor{accept_strand};
    asio::steady_timer accept_retry{accept_strand};
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::unique_ptr<asio::thread_pool> handler_pool;
    HttpServerConfig config;
    Router router;
    HttpObserver* observer;
    std::shared_ptr<http_internal::ServerContext> context;
    std::vector<std::thread> io_threads;
    uint16_t port = 0;
    std::mutex lifecycle;  // serialises Start and Shutdown
    State state = State::kIdle;
};

Status HttpServer::Runtime::Listen() {
    const auto endpoint = ResolveListenEndpoint(io, config);
    if (!endpoint) {
        return tl::unexpected(endpoint.error());
    }
    error_code ec;
    acceptor.open(endpoint->protocol(), ec);
    if (!ec) {
        // Lets a restarted service bind while old connections sit in TIME_WAIT; on Linux it does
        // not allow two listeners on one port.
        acceptor.set_option(Tcp::acceptor::reuse_address(true), ec);
    }
    if (!ec) {
        acceptor.bind(*endpoint, ec);
    }
    if (!ec) {
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        error_code ignored;
        acceptor.close(ignored);
        return Fail(ErrorCode::kUnavailable,
                    "http: cannot listen on " + Where(config) + ": " + ec.message());
    }
    port = acceptor.local_endpoint(ec).port();
    return {};
}

void HttpServer::Runtime::Accept() {
    auto strand = asio::make_strand(io);
    acceptor.async_accept(strand, [this, strand](error_code ec, Tcp::socket socket) {
        if (!acceptor.is_open()) {
            return;  // closed by Shutdown
        }
        if (ec) {
            RetryAcceptLater();
            return;
        }
        std::make_shared<http_internal::HttpSession>(strand, std::move(socket), context)->Start();
        Accept();
    });
}

void HttpServer::Runtime::RetryAcceptLater() {
    accept_retry.expires_after(kAcceptRetryDelay);
    accept_retry.async_wait([this](error_code ec) {
        if (!ec && acceptor.is_open()) {
            Accept();
        }
    });
}

void HttpServer::Runtime::StopAccepting() {
    // The acceptor belongs to its strand; close it there and wait, so that no connection is
    // accepted once this returns.
    auto closed = std::make_shared<std::promise<void>>();
    auto done = closed->get_future();
    asio::post(accept_strand, [this, closed] {
        error_code ignored;
        acceptor.close(ignored);
        accept_retry.cancel();
        closed->set_value();
    });
    done.wait();
}

void HttpServer::Runtime::CloseConnections() {
    // Stopping is marked before the listener closes, so that any response written after a
    // client sees the port refused carries Connection: close. A connection accepted in between
    // is refused by ServerContext::TryRegister.
    {
        const auto live = context->BeginStopping();
        StopAccepting();
        for (const auto& session : live) {
            session->NotifyShutdown();
        }
    }
    const auto grace_end = std::chrono::steady_clock::now() + context->Config().shutdown_grace;
    if (context->WaitUntilNoSessions(grace_end)) {
        return;
    }
    for (const auto& session : context->LiveSessions()) {
        session->ForceClose();
    }
    static_cast<void>(
        context->WaitUntilNoSessions(std::chrono::steady_clock::now() + kForceCloseWait));
}

void HttpServer::Runtime::StopThreads() {
    work.reset();
    io.stop();
    for (auto& thread : io_threads) {
        thread.join();
    }
    io_threads.clear();
    // Handlers that have not started are dropped (their connections are closed); join waits for
    // the ones still running.
    handler_pool->stop();
    handler_pool->join();
}

HttpServer::HttpServer(HttpServerConfig config, Router router, HttpObserver* observer)
    : runtime_(std::make_unique<Runtime>(std::move(config), std::move(router), observer)) {}

HttpServer::~HttpServer() {
    // Shutdown throws only if the system cannot lock a mutex or join a thread; a destructor
    // has no one to report that to.
    try {
        Shutdown();
    } catch (...) {
    }
}

Status HttpServer::Start() {
    Runtime& rt = *runtime_;
    const std::lock_guard lock(rt.lifecycle);
    if (rt.state != Runtime::State::kIdle) {
        return Fail(ErrorCode::kInternal, "http: a server can be started only once");
    }
    if (auto valid = ValidateConfig(rt.config); !valid) {
        return valid;
    }
    if (auto listening = rt.Listen(); !listening) {
        return listening;
    }
    rt.handler_pool =
        std::make_unique<asio::thread_pool>(static_cast<size_t>(rt.config.handler_threads));
    rt.context = std::make_shared<http_internal::ServerContext>(
        rt.config, std::move(rt.router), rt.observer, *rt.handler_pool);
    rt.work.emplace(rt.io.get_executor());
    rt.Accept();
    for (int i = 0; i < rt.config.io_threads; ++i) {
        rt.io_threads.emplace_back([&rt] { rt.io.run(); });
    }
    rt.state = Runtime::State::kRunning;
    return {};
}

uint16_t HttpServer::Port() const {
    return runtime_->port;
}

void HttpServer::Shutdown() {
    Runtime& rt = *runtime_;
    const std::lock_guard lock(rt.lifecycle);
    if (rt.state != Runtime::State::kRunning) {
        return;
    }
    rt.state = Runtime::State::kStopped;
    rt.CloseConnections();
    rt.StopThreads();
}

}  // namespace scs
