#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace scs {

struct HttpServerConfig {
    std::string host = "0.0.0.0";
    uint16_t port = 8081;                             // 0 = pick a free port
    int io_threads = 1;                               // read and write sockets, never block
    int handler_threads = 8;                          // the blocking pool where handlers run
    size_t body_limit_bytes = 1 << 20;                // larger -> 413, connection closed
    std::chrono::milliseconds header_timeout{10000};  // to receive a complete request header
    std::chrono::milliseconds body_timeout{30000};    // to receive the body; also per write
    std::chrono::milliseconds idle_timeout{60000};    // keep-alive wait for the next request
    std::chrono::milliseconds shutdown_grace{20000};  // in-flight requests may finish within
};

// Told about every response the server sends, handler-made or not (404, 405, 400, 413, 500).
// The server calls it from handler threads, so implementations must be thread-safe, and must not
// throw (an exception from an observer is swallowed so the client still gets its answer).
// `request.method` comes from the client: normalise unknown methods before using it as a label.
class HttpObserver {
public:
    virtual ~HttpObserver() = default;
    // latency runs from the first byte of the request until the response is ready to write.
    virtual void OnRequestDone(const HttpRequest& request,
                               const HttpResponse& response,
                               std::chrono::microseconds latency) = 0;
    // A handler threw; the client got a 500 INTERNAL without the exception text.
    virtual void OnHandlerException(const HttpRequest& request, std::string_view what) = 0;
};

// An HTTP/1.1 server over Boost.Beast (kept out of this header). I/O threads read requests and
// write responses; handlers run on a separate blocking pool. Owned by the composition root; the
// observer must outlive the server. Start, port and Shutdown may be called from any thread, but
// Shutdown never from a handler or I/O thread of this server (it waits for them).
class HttpServer {
public:
    HttpServer(HttpServerConfig config, Router router, HttpObserver* observer);
    ~HttpServer();  // shuts down if running
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    HttpServer(HttpServer&&) = delete;
    HttpServer& operator=(HttpServer&&) = delete;

    // Binds, listens and starts the threads. kUnavailable when the address is taken, kBadRequest
    // for an invalid config; a server starts at most once.
    [[nodiscard]] Status Start();

    uint16_t Port() const;  // the bound port, after Start

    // Graceful: stop accepting now, close idle keep-alive connections, let in-flight requests
    // finish within shutdown_grace (they answer with Connection: close), then close the rest and
    // stop the threads. A handler still running after the grace is waited for, since a thread
    // cannot be cancelled. Blocking and idempotent.
    void Shutdown();

private:
    struct Runtime;
    std::unique_ptr<Runtime> runtime_;
};

}  // namespace scs
