#include "net/http_client.hpp"

namespace scs {

std::optional<std::string_view> OutboundResponse::Header(std::string_view name) const {
    return FindHeader(headers, name);
}

}  // namespace scs
