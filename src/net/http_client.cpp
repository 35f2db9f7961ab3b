#include "net/http_client.hpp"

#include <cctype>

namespace scs {
namespace {

bool NameEquals(std::string_view a, std::string_view b) {
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

}  // namespace

std::optional<std::string_view> OutboundResponse::Header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (NameEquals(key, name)) {
            const std::string_view found = value;
            return found;
        }
    }
    return std::nullopt;
}

}  // namespace scs
