#include "http/request_id.hpp"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace scs {
namespace {

constexpr size_t kMaxRequestIdLength = 128;

bool IsRequestIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == ':' || c == '-';
}

}  // namespace

bool IsValidRequestId(std::string_view id) {
    if (id.empty() || id.size() > kMaxRequestIdLength) {
        return false;
    }
    for (const char c : id) {
        if (!IsRequestIdChar(c)) {
            return false;
        }
    }
    return true;
}

std::string NewRequestId() {
    // random_generator_pure reads the OS entropy source on each call and keeps no state, so
    // servers in one process share nothing.
    boost::uuids::random_generator_pure generate{};
    return boost::uuids::to_string(generate());
}

std::string ResolveRequestId(std::optional<std::string_view> header_value) {
    if (header_value && IsValidRequestId(*header_value)) {
        return std::string(*header_value);
    }
    return NewRequestId();
}

}  // namespace scs
