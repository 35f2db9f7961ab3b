#include "connectors/woocommerce/woocommerce_orders.hpp"

#include <map>

#include <boost/json.hpp>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "connectors/woocommerce/woocommerce_order_cursor.hpp"
#include "core/money.hpp"

namespace scs {
namespace {

constexpr int kDefaultDecimals = 2;

const std::string kOrdersPath = std::string(kWooCommerceApi) + "/orders";

// WooCommerce rounds money to `dp` decimals (default 2), which loses the third decimal of a
// KWD, BHD or OMR amount: such orders are read again, in one call, with dp = the currency's.
Status RereadWithCurrencyDecimals(WooCommerceRest& rest, boost::json::array& orders) {
    std::map<int, std::vector<size_t>> by_decimals;
    for (size_t i = 0; i < orders.size(); ++i) {
        const auto decimals = CurrencyExponent(WooString(orders[i], "currency"));
        if (decimals && *decimals > kDefaultDecimals && WooInt(orders[i], "id")) {
            by_decimals[*decimals].push_back(i);
        }
    }
    for (const auto& [decimals, indices] : by_decimals) {
        std::string include;
        for (const size_t i : indices) {
            include += (include.empty() ? "" : ",") + std::to_string(*WooInt(orders[i], "id"));
        }
        auto reply = rest.Get(kOrdersPath,
                              {{"include", include},
                               {"dp", std::to_string(decimals)},
                               {"per_page", std::to_string(indices.size())}});
        if (!reply) {
            return tl::unexpected(reply.error());
        }
        if (!reply->body.is_array()) {
            return Fail(ErrorCode::kInvalidPayload,
                        "WooCommerce answered orders that are not a list");
        }
        std::map<int64_t, const boost::json::value*> exact;
        for (const auto& order : reply->body.get_array()) {
            if (const auto id = WooInt(order, "id")) {
                exact[*id] = &order;
            }
        }
        for (const size_t i : indices) {
            // An order gone since keeps its first reading.
            if (const auto found = exact.find(*WooInt(orders[i], "id")); found != exact.end()) {
                orders[i] = *found->second;
            }
        }
    }
    return {};
}

}  // namespace

Result<OrderPage> FetchWooCommerceOrders(WooCommerceRest& rest, const OrderPageRequest& request) {
    auto cursor = ParseWooCommerceOrderCursor(request.cursor, request.updated_since);
    if (!cursor) {
        return tl::unexpected(cursor.error());
    }
    auto reply = rest.Get(kOrdersPath, WooCommerceOrderQuery(*cursor, request.page_size));
    if (!reply) {
        return tl::unexpected(reply.error());
    }
    if (!reply->body.is_array()) {
        return Fail(ErrorCode::kInvalidPayload, "WooCommerce answered orders that are not a list");
    }
    boost::json::array& orders = reply->body.get_array();
    std::vector<WooCommerceOrderStamp> stamps;
    for (const auto& order : orders) {
        const WooCommerceOrderKeys keys = ReadWooCommerceOrderKeys(order);
        stamps.push_back({keys.external_id, keys.updated_at});
    }
    const WooCommerceOrderStep step =
        StepWooCommerceOrderCursor(*cursor, stamps, request.page_size, reply->TotalPages());
    if (auto exact = RereadWithCurrencyDecimals(rest, orders); !exact) {
        return tl::unexpected(exact.error());
    }
    OrderPage page;
    page.next_cursor = step.next_cursor;
    for (size_t i = 0; i < orders.size(); ++i) {
        if (step.keep[i]) {
            WooCommerceOrderKeys keys = ReadWooCommerceOrderKeys(orders[i]);
            page.orders.push_back(
                FetchedOrder{std::move(keys.external_id),
                             keys.updated_at,
                             MapWooCommerceOrderValue(orders[i], request.mapping)});
        }
    }
    return page;
}

}  // namespace scs
