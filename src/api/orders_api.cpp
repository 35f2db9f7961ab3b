#include "api/orders_api.hpp"

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "api/connections_api.hpp"
#include "api/path_params.hpp"
#include "storage/order_store.hpp"

namespace scs {
namespace {

std::optional<int64_t> ParseWhole(const std::string& text) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

Status ReadFilters(const HttpRequest& request, OrderListQuery& query) {
    if (const auto ssc = request.Query("ssc_id")) {
        query.connection_id = ParseWhole(*ssc);
        if (!query.connection_id || *query.connection_id <= 0) {
            return FailField("ssc_id", "ssc_id: a sales channel connection id");
        }
    }
    if (const auto since = request.Query("updated_since")) {
        query.updated_since = ParseRfc3339(*since);
        if (!query.updated_since) {
            return FailField("updated_since", "updated_since: an RFC 3339 time");
        }
    }
    if (const auto limit = request.Query("limit")) {
        const auto value = ParseWhole(*limit);
        if (!value || *value < 1 || *value > 200) {
            return FailField("limit", "limit: a whole number from 1 to 200");
        }
        query.limit = static_cast<int>(*value);
    }
    query.cursor = request.Query("cursor").value_or("");
    return {};
}

Result<boost::json::value> StoredJson(const StoredOrder& order) {
    boost::system::error_code ec;
    auto json = boost::json::parse(order.body_json, ec);
    if (ec) {
        return Fail(ErrorCode::kInternal, "stored order " + order.id + " is not JSON");
    }
    return json;
}

}  // namespace

HttpResponse OrdersApi::List(HttpRequest& request, const Principal& principal) const {
    auto seller = SellerFromPath(request, principal);
    if (!seller) {
        return ErrorResponse(seller.error());
    }
    OrderListQuery query;
    query.seller_id = *seller;
    if (auto read = ReadFilters(request, query); !read) {
        return ErrorResponse(read.error());
    }
    auto page = ListOrders(deps_.executor, query);
    if (!page) {
        return ErrorResponse(page.error());
    }
    boost::json::array orders;
    for (const StoredOrder& order : page->orders) {
        auto json = StoredJson(order);
        if (!json) {
            return ErrorResponse(json.error());
        }
        orders.push_back(std::move(*json));
    }
    boost::json::value next = nullptr;
    if (!page->next_cursor.empty()) {
        next = page->next_cursor;
    }
    return OkResponse(200,
                      boost::json::object{{"orders", std::move(orders)}, {"next_cursor", next}});
}

HttpResponse OrdersApi::Get(HttpRequest& request, const Principal& principal) const {
    auto seller = SellerFromPath(request, principal);
    if (!seller) {
        return ErrorResponse(seller.error());
    }
    auto order = GetOrder(deps_.executor, *seller, request.path_params.at("id"));
    if (!order) {
        return ErrorResponse(order.error());
    }
    if (!*order) {
        return ErrorResponse(ErrorCode::kNotFound, "no such order");
    }
    auto json = StoredJson(**order);
    if (!json) {
        return ErrorResponse(json.error());
    }
    return OkResponse(200, std::move(*json));
}

void AddOrderRoutes(Router& router, const OrdersApi& api, const TokenAuthenticator& auth) {
    router.Add(
        "GET",
        "/api/v1/sellers/{seller_id}/orders",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.List(r, p); }));
    router.Add(
        "GET",
        "/api/v1/sellers/{seller_id}/orders/{id}",
        RequireAuth(auth, [&api](HttpRequest& r, const Principal& p) { return api.Get(r, p); }));
}

}  // namespace scs
