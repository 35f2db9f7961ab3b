#include "sandbox/shopify/api_versions.hpp"

namespace scs::sandbox {

std::string ServedApiVersion(std::string_view requested) {
    // "YYYY-MM" compares as text; anything else ("unstable") is served as asked.
    const bool dated = requested.size() == 7 && requested[4] == '-';
    if (dated && requested < kOldestSupportedApiVersion) {
        return std::string(kOldestSupportedApiVersion);
    }
    return std::string(requested);
}

}  // namespace scs::sandbox
