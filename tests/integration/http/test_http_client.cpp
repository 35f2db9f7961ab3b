#include "integration/http/test_http_client.hpp"

#include <array>
#include <cctype>
#include <cstdlib>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace scs::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::chrono::seconds kReadTimeout{5};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

// Parses "HTTP/1.1 200 OK\r\nName: value\r\n..." (without the blank line).
ClientResponse ParseHead(std::string_view head) {
    ClientResponse response;
    const size_t line_end = head.find("\r\n");
    const std::string_view status_line = head.substr(0, line_end);
    response.status =
        static_cast<int>(std::strtol(std::string(status_line.substr(9, 3)).c_str(), nullptr, 10));
    size_t pos = line_end == std::string_view::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
        size_t end = head.find("\r\n", pos);
        end = end == std::string_view::npos ? head.size() : end;
        const std::string_view line = head.substr(pos, end - pos);
        const size_t colon = line.find(':');
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') {
            value.remove_prefix(1);
        }
        response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
        pos = end + 2;
    }
    return response;
}

}  // namespace

std::optional<std::string> ClientResponse::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            return value;
        }
    }
    return std::nullopt;
}

TestHttpConnection::TestHttpConnection(uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

TestHttpConnection::~TestHttpConnection() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

bool TestHttpConnection::Send(std::string_view bytes) const {
    while (!bytes.empty()) {
        const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) {
            return false;
        }
        bytes.remove_prefix(static_cast<size_t>(sent));
    }
    return true;
}

TestHttpConnection::FillResult TestHttpConnection::Fill(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd waiting{fd_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) {
        return FillResult::kTimeout;
    }
    std::array<char, 4096> chunk{};
    const ssize_t got = ::recv(fd_, chunk.data(), chunk.size(), 0);
    if (got <= 0) {
        return FillResult::kClosed;
    }
    buffer_.append(chunk.data(), static_cast<size_t>(got));
    return FillResult::kData;
}

bool TestHttpConnection::FillUntil(size_t size, Clock::time_point deadline) {
    while (buffer_.size() < size) {
        if (Fill(deadline) != FillResult::kData) {
            return false;
        }
    }
    return true;
}

std::optional<ClientResponse> TestHttpConnection::ReadResponse(bool head_request) {
    const auto deadline = Clock::now() + kReadTimeout;
    size_t head_end = 0;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (Fill(deadline) != FillResult::kData) {
            return std::nullopt;
        }
    }
    ClientResponse response = ParseHead(std::string_view{buffer_}.substr(0, head_end));
    buffer_.erase(0, head_end + 4);
    const auto length = response.Header("Content-Length");
    const size_t body_size = (head_request || !length) ? 0 : std::stoul(*length);
    if (!FillUntil(body_size, deadline)) {
        return std::nullopt;
    }
    response.body = buffer_.substr(0, body_size);
    buffer_.erase(0, body_size);
    return response;
}

bool TestHttpConnection::WaitForClose(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (true) {
        switch (Fill(deadline)) {
            case FillResult::kClosed:
                return true;
            case FillResult::kTimeout:
                return false;
            case FillResult::kData:
                buffer_.clear();
                break;
        }
    }
}

std::string MakeRequest(std::string_view method,
                        std::string_view target,
                        const std::vector<std::string>& header_lines,
                        std::string_view body) {
    std::string request = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
    request += "Host: test\r\n";
    for (const auto& line : header_lines) {
        request += line + "\r\n";
    }
    if (!body.empty()) {
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    request += "\r\n";
    request += body;
    return request;
}

std::optional<ClientResponse> RoundTrip(uint16_t port, const std::string& request) {
    TestHttpConnection connection(port);
    if (!connection.IsConnected() || !connection.Send(request)) {
        return std::nullopt;
    }
    return connection.ReadResponse();
}

}  // namespace scs::testing
