#include "state/lease_args.hpp"

namespace scs {

Status CheckLeaseArgs(std::string_view key, std::string_view owner) {
    if (key.empty()) {
        return FailField("key", "key: must not be empty");
    }
    if (owner.empty()) {
        return FailField("owner", "owner: must not be empty");
    }
    return {};
}

Status CheckLeaseArgs(std::string_view key, std::string_view owner, std::chrono::milliseconds ttl) {
    if (ttl.count() <= 0) {
        return FailField("ttl", "ttl: must be positive");
    }
    return CheckLeaseArgs(key, owner);
}

}  // namespace scs
