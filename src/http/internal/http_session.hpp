#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/internal/message_conversion.hpp"
#include "http/internal/server_context.hpp"

namespace scs::http_internal {

// One accepted TCP connection: reads requests, hands each to the handler pool, writes the
// answers, one request at a time (no pipelining in parallel). Owned by shared_ptr: the pending
// asynchronous operation or handler task holds it, and it dies when the connection is done.
// Every member is touched only on the connection's strand; NotifyShutdown and ForceClose may be
// called from any thread (they post to the strand).
class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    using Socket = boost::asio::ip::tcp::socket;
    using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

    // `strand` must be the executor the socket was accepted on.
    HttpSession(Strand strand, Socket socket, std::shared_ptr<ServerContext> context);
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;
    HttpSession(HttpSession&&) = delete;
    HttpSession& operator=(HttpSession&&) = delete;

    void Start();
    // Closes the connection unless a request is being handled or answered; that one finishes
    // with Connection: close.
    void NotifyShutdown();
    // Closes the connection whatever it is doing.
    void ForceClose();

private:
    enum class Phase { kReading, kHandling, kWriting, kClosed };
    using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;
    using Clock = std::chrono::steady_clock;

    void Begin();
    void ReadNextRequest();
    void ReadHeader();
    void OnHeader(boost::system::error_code ec);
    void SendContinue();
    void ReadBody();
    void OnBody(boost::system::error_code ec);
    void OnReadError(boost::system::error_code ec);
    void RejectRequest(HttpResponse response, HttpRequest request, bool unread_input);
    void Complete(HttpRequest request, std::optional<HttpResponse> ready);
    void Write(HttpResponse response, const std::string& request_id);
    void OnWrite(boost::system::error_code ec);
    void Linger();
    void DrainInput();
    void Close();
    void ArmTimer(std::chrono::milliseconds timeout);
    void DisarmTimer();

    const std::shared_ptr<ServerContext> context_;
    const Strand strand_;  // the socket's executor
    Socket socket_;
    boost::asio::steady_timer timer_;
    uint64_t timer_generation_ = 0;  // a timer callback acts only if it is still the latest
    boost::beast::flat_buffer buffer_;
    std::optional<Parser> parser_;
    BeastResponse response_;
    boost::beast::http::response<boost::beast::http::empty_body> continue_;
    std::string remote_address_;
    Phase phase_ = Phase::kReading;
    bool registered_ = false;
    uint64_t requests_read_ = 0;
    Clock::time_point request_started_;
    unsigned version_ = 11;
    bool keep_alive_ = true;
    bool head_request_ = false;
    bool linger_after_write_ = false;  // the client may still be sending the rejected body
};

}  // namespace scs::http_internal
