#include "connectors/woocommerce/woocommerce_json_dialect.hpp"

#include <string>

namespace scs::woocommerce {

std::optional<TimePoint> ParseGmtTime(std::string_view text) {
    if (auto with_offset = ParseRfc3339(text)) {
        return with_offset;
    }
    return ParseRfc3339(std::string(text) + "Z");
}

}  // namespace scs::woocommerce
