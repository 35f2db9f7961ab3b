#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/result.hpp"

// The body of POST /_sandbox/stores/{id}/orders, the same for every platform: {} (one generated
// order), {"count":N} (N generated orders) or {"order":{…}} (one order in the platform's own
// shape). Pure, thread-safe.
namespace scs::sandbox {

inline constexpr int64_t kMaxOrdersPerCall = 10'000;

struct OrderRequest {
    int64_t count = 1;                         // generated orders, when `order` is empty
    std::optional<boost::json::object> order;  // the caller's own order
};

// kBadRequest naming "count" or "order"; `shape` names the order shape in the message
// ("Shopify's REST order shape").
[[nodiscard]] Result<OrderRequest> ParseOrderRequest(const boost::json::object& body,
                                                     std::string_view shape);

}  // namespace scs::sandbox
