#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scs::testing {

struct ClientResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // The first header with this name, compared case-insensitively.
    std::optional<std::string> Header(std::string_view name) const;
};

// A blocking HTTP/1.1 client over one TCP connection to 127.0.0.1, written on plain sockets so the
// tests see exactly the bytes on the wire. Reads give up after a timeout, so a broken server fails
// a test instead of hanging it. Not thread-safe; one per test thread.
class TestHttpConnection {
public:
    explicit TestHttpConnection(uint16_t port);
    ~TestHttpConnection();
    TestHttpConnection(const TestHttpConnection&) = delete;
    TestHttpConnection& operator=(const TestHttpConnection&) = delete;
    TestHttpConnection(TestHttpConnection&&) = delete;
    TestHttpConnection& operator=(TestHttpConnection&&) = delete;

    bool IsConnected() const { return fd_ >= 0; }

    bool Send(std::string_view bytes) const;

    // One response, framed by Content-Length (no body for HEAD). nullopt when the connection
    // closed or the timeout passed first.
    std::optional<ClientResponse> ReadResponse(bool head_request = false);

    // Discards input until the server closes the connection (EOF or reset). True when that
    // happened within `limit`.
    bool WaitForClose(std::chrono::milliseconds limit);

private:
    enum class FillResult { kData, kClosed, kTimeout };
    FillResult Fill(std::chrono::steady_clock::time_point deadline);
    bool FillUntil(size_t size, std::chrono::steady_clock::time_point deadline);

    int fd_ = -1;
    std::string buffer_;
};

// "METHOD target HTTP/1.1" with Host, the extra header lines ("Name: value"), and a
// Content-Length when the body is not empty.
std::string MakeRequest(std::string_view method,
                        std::string_view target,
                        const std::vector<std::string>& header_lines = {},
                        std::string_view body = {});

// Sends one request on a fresh connection and reads the answer.
std::optional<ClientResponse> RoundTrip(uint16_t port, const std::string& request);

}  // namespace scs::testing
