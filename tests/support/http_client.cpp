#include "support/http_client.hpp"

#include <algorithm>
#include <cstring>
#include <sstream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace scs::testing {
namespace {

std::string Lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

int Connect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
        ::close(fd);
        return -1;
    }
    timeval tv{30, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    return fd;
}

std::string DecodeChunked(const std::string& body) {
    std::string out;
    size_t pos = 0;
    while (pos < body.size()) {
        const auto eol = body.find("\r\n", pos);
        if (eol == std::string::npos) {
            break;
        }
        const size_t size = std::stoul(body.substr(pos, eol - pos), nullptr, 16);
        if (size == 0) {
            break;
        }
        out += body.substr(eol + 2, size);
        pos = eol + 2 + size + 2;
    }
    return out;
}

HttpResult ParseResponse(const std::string& raw) {
    HttpResult result;
    const auto head_end = raw.find("\r\n\r\n");
    if (head_end == std::string::npos) {
        return result;
    }
    std::istringstream head(raw.substr(0, head_end));
    std::string line;
    std::getline(head, line);
    if (line.size() > 12) {
        result.status = std::stoi(line.substr(9, 3));
    }
    while (std::getline(head, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            result.headers.emplace_back(line.substr(0, colon),
                                        line.substr(line.find_first_not_of(' ', colon + 1)));
        }
    }
    result.body = raw.substr(head_end + 4);
    if (Lower(result.Header("Transfer-Encoding").value_or("")) == "chunked") {
        result.body = DecodeChunked(result.body);
    }
    return result;
}

}  // namespace

std::optional<std::string> HttpResult::Header(const std::string& name) const {
    for (const auto& [key, value] : headers) {
        if (Lower(key) == Lower(name)) {
            return value;
        }
    }
    return std::nullopt;
}

HttpResult HttpCall(int port,
                    const std::string& method,
                    const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::string& body) {
    const int fd = Connect(port);
    if (fd < 0) {
        return {};
    }
    std::string request = method;
    request.append(" ").append(target).append(
        " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (const auto& [key, value] : headers) {
        request.append(key).append(": ").append(value).append("\r\n");
    }
    if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    request += "\r\n" + body;
    size_t sent = 0;
    while (sent < request.size()) {
        const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            break;
        }
        sent += static_cast<size_t>(n);
    }
    std::string raw;
    char buffer[8192];
    while (true) {
        const auto n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0) {
            break;
        }
        raw.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return ParseResponse(raw);
}

HttpResult HttpCallAuthed(int port,
                          const std::string& token,
                          const std::string& method,
                          const std::string& target,
                          const std::string& body) {
    return HttpCall(port,
                    method,
                    target,
                    {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}},
                    body);
}

}  // namespace scs::testing
