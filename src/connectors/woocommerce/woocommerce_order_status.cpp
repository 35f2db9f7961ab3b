#include "connectors/woocommerce/woocommerce_order_status.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <boost/json.hpp>

namespace scs {
namespace {

constexpr std::array<std::string_view, 3> kUncancellable = {"completed", "refunded", "trash"};
constexpr std::array<std::string_view, 4> kUnclosable = {
    "cancelled", "refunded", "failed", "trash"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& statuses, const std::string& status) {
    return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

bool IsOrderId(std::string_view id) {
    return !id.empty() && id.size() <= 19 && id.front() != '0' &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return std::isdigit(static_cast<unsigned char>(c)) != 0;
           });
}

}  // namespace

std::string WooCommerceOrderPath(std::string_view order_id) {
    return std::string(kWooCommerceApi) + "/orders/" + std::string(order_id);
}

Result<boost::json::value> ReadWooCommerceOrder(WooCommerceRest& rest, std::string_view order_id) {
    if (!IsOrderId(order_id)) {
        return Fail(ErrorCode::kNotFound, "no WooCommerce order " + std::string(order_id));
    }
    auto reply = rest.Get(WooCommerceOrderPath(order_id));
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    if (!reply->body.is_object()) {
        return Fail(ErrorCode::kInvalidPayload,
                    "WooCommerce answered an order that is not an object");
    }
    return std::move(reply->body);
}

Result<OrderStatusResult> ChangeWooCommerceOrderStatus(WooCommerceRest& rest,
                                                       const OrderStatusRequest& request) {
    const bool cancel = request.change == OrderStatusChange::kCancel;
    if (cancel && request.refund) {
        return FailField("refund",
                         "the WooCommerce connector does not refund on cancel; refund in "
                         "WooCommerce, then cancel without refund");
    }
    auto order = ReadWooCommerceOrder(rest, request.order_external_id);
    if (!order) {
        return tl::unexpected(order.error());
    }
    const std::string target = cancel ? "cancelled" : "completed";
    const std::string status = WooString(*order, "status");
    if (status == target) {
        return OrderStatusResult{true, true, ""};
    }
    if (cancel ? OneOf(kUncancellable, status) : OneOf(kUnclosable, status)) {
        return Fail(ErrorCode::kConflict, "a " + status + " WooCommerce order cannot be " + target);
    }
    auto updated = rest.Put(WooCommerceOrderPath(request.order_external_id),
                            boost::json::object{{"status", target}});
    if (!updated) {
        return tl::unexpected(updated.error());
    }
    const std::string now = WooString(updated->body, "status");
    if (now != target) {
        return Fail(ErrorCode::kConflict,
                    "WooCommerce left the order " + (now.empty() ? std::string("unchanged") : now) +
                        " instead of " + target);
    }
    return OrderStatusResult{true, false, ""};
}

}  // namespace scs
