#include "sandbox/kit/order_request.hpp"

#include <string>

namespace scs::sandbox {

Result<OrderRequest> ParseOrderRequest(const boost::json::object& body, std::string_view shape) {
    OrderRequest request;
    if (const auto* order = body.if_contains("order")) {
        if (!order->is_object()) {
            return FailField("order", "must be an object in " + std::string(shape));
        }
        request.order = order->get_object();
        return request;
    }
    const auto* count = body.if_contains("count");
    request.count = count != nullptr && count->is_int64() ? count->get_int64() : 1;
    if ((count != nullptr && !count->is_int64()) || request.count < 1 ||
        request.count > kMaxOrdersPerCall) {
        return FailField("count", "must be an integer in [1, 10000]");
    }
    return request;
}

}  // namespace scs::sandbox
