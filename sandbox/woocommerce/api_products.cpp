// REST: /wc/v3/products and /wc/v3/products/{product_id}/variations.
#include "sandbox/woocommerce/rest_routes.hpp"

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

int64_t ParentOf(const RestContext& context) {
    return context.request.PathId("product_id");
}

HttpResponse ListProducts(RestContext& context, int64_t parent, const std::string& collection) {
    const RestRequest& request = context.request;
    ParamErrors errors;
    ProductQuery query;
    query.paging = ReadCollectionParams(
        request, {"date", "id", "include", "title", "slug", "modified"}, "date", errors);
    for (auto& sku : ReadStringList(request, "sku", {}, errors)) {
        query.skus.push_back(std::move(sku));
    }
    query.type =
        ReadEnum(request, "type", {"simple", "grouped", "external", "variable"}, "", errors);
    query.status = ReadEnum(request,
                            "status",
                            {"any", "draft", "pending", "private", "publish", "trash"},
                            "any",
                            errors);
    query.stock_status =
        ReadEnum(request, "stock_status", {"instock", "outofstock", "onbackorder"}, "", errors);
    const bool gmt = ReadBool(request, "dates_are_gmt", false, errors);
    const int offset = gmt ? 0 : context.site.Spec().utc_offset_minutes;
    query.after = ReadDate(request, "after", offset, errors);
    query.before = ReadDate(request, "before", offset, errors);
    query.modified_after = ReadDate(request, "modified_after", offset, errors);
    query.modified_before = ReadDate(request, "modified_before", offset, errors);
    if (!errors.Empty()) {
        return WpErrorResponse(errors.ToError());
    }
    return RespondPage(context, context.site.ListProducts(query, parent), query.paging, collection);
}

HttpResponse ListTopLevel(RestContext& context) {
    return ListProducts(context, 0, "/wc/v3/products");
}

HttpResponse ListVariations(RestContext& context) {
    const int64_t parent = ParentOf(context);
    return ListProducts(
        context, parent, "/wc/v3/products/" + std::to_string(parent) + "/variations");
}

HttpResponse GetProduct(RestContext& context) {
    return Respond(context.site.GetProduct(context.request.PathId("id"), ParentOf(context)));
}

HttpResponse CreateProduct(RestContext& context) {
    return Respond(context.site.CreateProduct(context.request.body, ParentOf(context), context.now),
                   201);
}

HttpResponse UpdateProduct(RestContext& context) {
    return Respond(context.site.UpdateProduct(
        context.request.PathId("id"), context.request.body, ParentOf(context), context.now));
}

HttpResponse DeleteProduct(RestContext& context) {
    return Respond(context.site.DeleteProduct(
        context.request.PathId("id"), ForceFlag(context), ParentOf(context), context.now));
}

HttpResponse BatchProducts(RestContext& context) {
    WooSite& site = context.site;
    const TimePoint now = context.now;
    const int64_t parent = ParentOf(context);
    return RunBatch(
        context,
        BatchOps{[&](const json::object& item) { return site.CreateProduct(item, parent, now); },
                 [&](int64_t id, const json::object& item) {
                     return site.UpdateProduct(id, item, parent, now);
                 },
                 [&](int64_t id) {
                     return site.DeleteProduct(id, true, parent, now);
                 }});
}

}  // namespace

std::vector<RestRoute> ProductRoutes() {
    const std::string variations = "/wc/v3/products/{product_id}/variations";
    return {{"GET", "/wc/v3/products", Access::kList, ListTopLevel},
            {"POST", "/wc/v3/products", Access::kCreate, CreateProduct},
            {"POST", "/wc/v3/products/batch", Access::kBatch, BatchProducts},
            {"PUT", "/wc/v3/products/batch", Access::kBatch, BatchProducts},
            {"PATCH", "/wc/v3/products/batch", Access::kBatch, BatchProducts},
            {"GET", "/wc/v3/products/{id}", Access::kView, GetProduct},
            {"PUT", "/wc/v3/products/{id}", Access::kEdit, UpdateProduct},
            {"PATCH", "/wc/v3/products/{id}", Access::kEdit, UpdateProduct},
            {"POST", "/wc/v3/products/{id}", Access::kEdit, UpdateProduct},
            {"DELETE", "/wc/v3/products/{id}", Access::kDelete, DeleteProduct},
            {"GET", variations, Access::kList, ListVariations},
            {"POST", variations, Access::kCreate, CreateProduct},
            {"POST", variations + "/batch", Access::kBatch, BatchProducts},
            {"PUT", variations + "/batch", Access::kBatch, BatchProducts},
            {"PATCH", variations + "/batch", Access::kBatch, BatchProducts},
            {"GET", variations + "/{id}", Access::kView, GetProduct},
            {"PUT", variations + "/{id}", Access::kEdit, UpdateProduct},
            {"PATCH", variations + "/{id}", Access::kEdit, UpdateProduct},
            {"POST", variations + "/{id}", Access::kEdit, UpdateProduct},
            {"DELETE", variations + "/{id}", Access::kDelete, DeleteProduct}};
}

}  // namespace scs::sandbox::woocommerce
