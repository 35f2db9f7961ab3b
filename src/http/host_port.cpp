#include "http/host_port.hpp"

#include <charconv>

namespace scs {

Result<std::pair<std::string, uint16_t>> ParseHostPort(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return Fail(ErrorCode::kBadRequest, "expected host:port, got '" + text + "'");
    }
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    int port = -1;
    const std::string port_text = text.substr(colon + 1);
    const auto [ptr, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port < 0 ||
        port > 65535) {
        return Fail(ErrorCode::kBadRequest, "expected host:port, got '" + text + "'");
    }
    return std::make_pair(host, static_cast<uint16_t>(port));
}

}  // namespace scs
