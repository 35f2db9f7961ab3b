#include "http/internal/http_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace scs::http_internal {
namespace {

namespace asio = boost::asio;
namespace beast_http = boost::beast::http;
using boost::system::error_code;

// Large enough for the headers of any real client, small enough to bound memory per connection.
constexpr uint32_t kHeaderLimitBytes = 16 * 1024;
// After rejecting a request whose body was not read, keep reading (and dropping) for this long
// so the client sees the error instead of a reset.
constexpr std::chrono::milliseconds kLingerTimeout{1000};

bool IsHttpSyntaxError(const error_code& ec) {
    // A peer that goes away mid-message is not malformed HTTP; there is no one to answer.
    if (ec == beast_http::error::end_of_stream || ec == beast_http::error::partial_message) {
        return false;
    }
    return ec.category() == beast_http::make_error_code(beast_http::error::bad_method).category();
}

bool IsExpectContinue(const BeastRequestHeader& header) {
    const auto expect = header[beast_http::field::expect];
    return HeaderNameEquals(expect, "100-continue");
}

}  // namespace

HttpSession::HttpSession(Strand strand, Socket socket, std::shared_ptr<ServerContext> context)
    : context_(std::move(context)),
      strand_(std::move(strand)),
      socket_(std::move(socket)),
      timer_(strand_),
      continue_(beast_http::status::continue_, 11) {}

HttpSession::~HttpSession() {
    if (registered_) {
        context_->Unregister(this);
    }
}

void HttpSession::Start() {
    asio::post(strand_, [self = shared_from_this()] { self->Begin(); });
}

void HttpSession::NotifyShutdown() {
    asio::post(strand_, [self = shared_from_this()] {
        if (self->phase_ == Phase::kReading) {
            self->Close();
        }
    });
}

void HttpSession::ForceClose() {
    asio::post(strand_, [self = shared_from_this()] { self->Close(); });
}

void HttpSession::Begin() {
    registered_ = context_->TryRegister(shared_from_this());
    if (!registered_) {
        Close();
        return;
    }
    error_code ec;
    const auto remote = socket_.remote_endpoint(ec);
    if (!ec) {
        remote_address_ = remote.address().to_string();
    }
    ReadNextRequest();
}

void HttpSession::ReadNextRequest() {
    if (context_->IsStopping()) {
        Close();
        return;
    }
    phase_ = Phase::kReading;
    parser_.emplace();
    parser_->header_limit(kHeaderLimitBytes);
    parser_->body_limit(context_->Config().body_limit_bytes);
    if (requests_read_ == 0 || buffer_.size() > 0) {
        ReadHeader();
        return;
    }
    // Keep-alive: the idle timeout applies until the next request starts to arrive, then the
    // header timeout.
    ArmTimer(context_->Config().idle_timeout);
    socket_.async_wait(Socket::wait_read, [self = shared_from_this()](error_code ec) {
        if (ec || self->phase_ == Phase::kClosed) {
            self->Close();
            return;
        }
        self->ReadHeader();
    });
}

void HttpSession::ReadHeader() {
    request_started_ = Clock::now();
    ArmTimer(context_->Config().header_timeout);
    beast_http::async_read_header(
        socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, size_t /*bytes*/) {
            self->OnHeader(ec);
        });
}

void HttpSession::OnHeader(error_code ec) {
    if (ec) {
        OnReadError(ec);
        return;
    }
    if (IsExpectContinue(parser_->get()) && !parser_->is_done()) {
        SendContinue();
        return;
    }
    ReadBody();
}

void HttpSession::SendContinue() {
    continue_.version(parser_->get().version());
    beast_http::async_write(
        socket_, continue_, [self = shared_from_this()](error_code ec, size_t /*bytes*/) {
            if (ec) {
                self->Close();
                return;
            }
            self->ReadBody();
        });
}

void HttpSession::ReadBody() {
    if (phase_ == Phase::kClosed) {
        return;
    }
    if (parser_->is_done()) {
        OnBody({});
        return;
    }
    ArmTimer(context_->Config().body_timeout);
    beast_http::async_read(
        socket_, buffer_, *parser_, [self = shared_from_this()](error_code ec, size_t /*bytes*/) {
            self->OnBody(ec);
        });
}

void HttpSession::OnBody(error_code ec) {
    if (ec) {
        OnReadError(ec);
        return;
    }
    DisarmTimer();
    ++requests_read_;
    phase_ = Phase::kHandling;
    auto message = parser_->release();
    version_ = message.version();
    keep_alive_ = message.keep_alive();
    head_request_ = message.method() == beast_http::verb::head;
    linger_after_write_ = false;
    HttpRequest request;
    request.remote_address = remote_address_;
    const Status parsed = CopyRequestHeader(message.base(), request);
    if (!parsed) {
        RejectRequest(ErrorResponse(parsed.error()), std::move(request), false);
        return;
    }
    request.body = std::move(message.body());
    Complete(std::move(request), std::nullopt);
}

void HttpSession::OnReadError(error_code ec) {
    if (phase_ == Phase::kClosed || !IsHttpSyntaxError(ec)) {
        Close();
        return;
    }
    DisarmTimer();
    phase_ = Phase::kHandling;
    // Whatever part of the header was parsed (all of it for a body that is too large) names the
    // request for the observer and supplies the X-Request-Id; a bad target changes nothing here.
    const BeastRequestHeader& header = parser_->get().base();
    HttpRequest request;
    request.remote_address = remote_address_;
    static_cast<void>(CopyRequestHeader(header, request));
    version_ = header.version() == 10 ? 10 : 11;
    head_request_ = header.method() == beast_http::verb::head;
    if (ec == beast_http::error::body_limit) {
        const std::string limit = std::to_string(context_->Config().body_limit_bytes);
        RejectRequest(
            ErrorResponse(ErrorCode::kPayloadTooLarge, "request body exceeds " + limit + " bytes"),
            std::move(request),
            true);
        return;
    }
    RejectRequest(ErrorResponse(ErrorCode::kBadRequest, "malformed HTTP request: " + ec.message()),
                  std::move(request),
                  true);
}

void HttpSession::RejectRequest(HttpResponse response, HttpRequest request, bool unread_input) {
    keep_alive_ = false;
    linger_after_write_ = unread_input;
    Complete(std::move(request), std::move(response));
}

// Runs the handler (or, for a rejected request, only the observer) on the handler pool, then
// writes the answer back on this connection's strand.
void HttpSession::Complete(HttpRequest request, std::optional<HttpResponse> ready) {
    asio::post(
        context_->Handlers(),
        [self = shared_from_this(),
         request = std::move(request),
         ready = std::move(ready),
         started = request_started_]() mutable {
            HttpResponse response = ready ? std::move(*ready) : self->context_->Handle(request);
            const auto latency =
                std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started);
            self->context_->ReportDone(request, response, latency);
            asio::post(self->strand_,
                       [self,
                        response = std::move(response),
                        id = std::move(request.request_id)]() mutable {
                           self->Write(std::move(response), id);
                       });
        });
}

void HttpSession::Write(HttpResponse response, const std::string& request_id) {
    if (phase_ == Phase::kClosed) {
        return;
    }
    phase_ = Phase::kWriting;
    keep_alive_ = keep_alive_ && !context_->IsStopping();
    response_ = ToBeastResponse(std::move(response),
                                ResponseFraming{request_id, version_, keep_alive_, head_request_});
    ArmTimer(context_->Config().body_timeout);
    beast_http::async_write(
        socket_, response_, [self = shared_from_this()](error_code ec, size_t /*bytes*/) {
            self->OnWrite(ec);
        });
}

void HttpSession::OnWrite(error_code ec) {
    DisarmTimer();
    response_ = {};
    if (ec || phase_ == Phase::kClosed) {
        Close();
        return;
    }
    if (keep_alive_) {
        ReadNextRequest();
        return;
    }
    if (linger_after_write_) {
        Linger();
        return;
    }
    socket_.shutdown(Socket::shutdown_send, ec);
    Close();
}

void HttpSession::Linger() {
    phase_ = Phase::kReading;  // nothing in flight: shutdown may close it at once
    error_code ignored;
    socket_.shutdown(Socket::shutdown_send, ignored);
    ArmTimer(kLingerTimeout);
    DrainInput();
}

void HttpSession::DrainInput() {
    buffer_.clear();
    socket_.async_read_some(buffer_.prepare(kHeaderLimitBytes),
                            [self = shared_from_this()](error_code ec, size_t /*bytes*/) {
                                if (ec || self->phase_ == Phase::kClosed) {
                                    self->Close();
                                    return;
                                }
                                self->DrainInput();
                            });
}

void HttpSession::Close() {
    if (phase_ == Phase::kClosed) {
        return;
    }
    phase_ = Phase::kClosed;
    DisarmTimer();
    error_code ignored;
    socket_.shutdown(Socket::shutdown_both, ignored);
    socket_.close(ignored);
    if (registered_) {
        registered_ = false;
        context_->Unregister(this);
    }
}

void HttpSession::ArmTimer(std::chrono::milliseconds timeout) {
    const uint64_t generation = ++timer_generation_;
    timer_.expires_after(timeout);
    timer_.async_wait([self = shared_from_this(), generation](error_code ec) {
        if (!ec && generation == self->timer_generation_) {
            self->Close();
        }
    });
}

void HttpSession::DisarmTimer() {
    ++timer_generation_;
    timer_.cancel();
}

}  // namespace scs::http_internal
