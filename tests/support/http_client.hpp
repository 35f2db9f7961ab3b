#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scs::testing {

struct HttpResult {
    int status = 0;  // 0: no response (connection refused or closed early)
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    std::optional<std::string> Header(const std::string& name) const;
};

// One blocking HTTP/1.1 request to 127.0.0.1:port with Connection: close, read until EOF.
// Plain sockets, so tests exercise the server exactly as any client would.
HttpResult HttpCall(int port,
                    const std::string& method,
                    const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers = {},
                    const std::string& body = {});

// The same with "Authorization: Bearer <token>" and a JSON content type.
HttpResult HttpCallAuthed(int port,
                          const std::string& token,
                          const std::string& method,
                          const std::string& target,
                          const std::string& body = {});

}  // namespace scs::testing
