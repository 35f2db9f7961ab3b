// REST: /wc/v3/orders.
#include "sandbox/woocommerce/rest_routes.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

std::vector<std::string> StatusFilterValues() {
    std::vector<std::string> values{"any", "trash"};
    for (const auto& status : OrderStatuses()) {
        values.push_back(status);
    }
    return values;
}

HttpResponse ListOrders(RestContext& context) {
    const RestRequest& request = context.request;
    ParamErrors errors;
    OrderQuery query;
    query.paging = ReadCollectionParams(
        request, {"date", "id", "include", "title", "slug", "modified"}, "date", errors);
    query.statuses = ReadStringList(request, "status", StatusFilterValues(), errors);
    // Dates without an offset are site-local unless dates_are_gmt says they are GMT.
    const bool gmt = ReadBool(request, "dates_are_gmt", false, errors);
    const int offset = gmt ? 0 : context.site.Spec().utc_offset_minutes;
    query.after = ReadDate(request, "after", offset, errors);
    query.before = ReadDate(request, "before", offset, errors);
    query.modified_after = ReadDate(request, "modified_after", offset, errors);
    query.modified_before = ReadDate(request, "modified_before", offset, errors);
    if (!errors.Empty()) {
        return WpErrorResponse(errors.ToError());
    }
    return RespondPage(context, context.site.ListOrders(query), query.paging, "/wc/v3/orders");
}

HttpResponse GetOrder(RestContext& context) {
    return Respond(context.site.GetOrder(context.request.PathId("id")));
}

HttpResponse CreateOrder(RestContext& context) {
    return Respond(context.site.CreateOrder(context.request.body, context.now), 201);
}

HttpResponse UpdateOrder(RestContext& context) {
    return Respond(
        context.site.UpdateOrder(context.request.PathId("id"), context.request.body, context.now));
}

HttpResponse DeleteOrder(RestContext& context) {
    return Respond(
        context.site.DeleteOrder(context.request.PathId("id"), ForceFlag(context), context.now));
}

HttpResponse BatchOrders(RestContext& context) {
    WooSite& site = context.site;
    const TimePoint now = context.now;
    return RunBatch(context,
                    BatchOps{[&](const json::object& item) { return site.CreateOrder(item, now); },
                             [&](int64_t id, const json::object& item) {
                                 return site.UpdateOrder(id, item, now);
                             },
                             [&](int64_t id) {
                                 return site.DeleteOrder(id, true, now);
                             }});
}

}  // namespace

std::vector<RestRoute> OrderRoutes() {
    return {{"GET", "/wc/v3/orders", Access::kList, ListOrders},
            {"POST", "/wc/v3/orders", Access::kCreate, CreateOrder},
            {"POST", "/wc/v3/orders/batch", Access::kBatch, BatchOrders},
            {"PUT", "/wc/v3/orders/batch", Access::kBatch, BatchOrders},
            {"PATCH", "/wc/v3/orders/batch", Access::kBatch, BatchOrders},
            {"GET", "/wc/v3/orders/{id}", Access::kView, GetOrder},
            {"PUT", "/wc/v3/orders/{id}", Access::kEdit, UpdateOrder},
            {"PATCH", "/wc/v3/orders/{id}", Access::kEdit, UpdateOrder},
            {"POST", "/wc/v3/orders/{id}", Access::kEdit, UpdateOrder},
            {"DELETE", "/wc/v3/orders/{id}", Access::kDelete, DeleteOrder}};
}

}  // namespace scs::sandbox::woocommerce
