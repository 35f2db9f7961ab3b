// REST: /wc/v3/webhooks, with the synchronous ping on creation.
#include "sandbox/kit/webhook_http.hpp"
#include "sandbox/woocommerce/rest_routes.hpp"
#include "sandbox/woocommerce/webhook_rules.hpp"

namespace scs::sandbox::woocommerce {
namespace {

const std::vector<std::string>& WebhookStatuses() {
    static const std::vector<std::string> kStatuses = {"active", "paused", "disabled"};
    return kStatuses;
}

HttpResponse ListWebhooks(RestContext& context) {
    ParamErrors errors;
    const CollectionParams paging =
        ReadCollectionParams(context.request, {"date", "id", "title"}, "date", errors);
    const std::string status =
        ReadEnum(context.request, "status", {"all", "active", "paused", "disabled"}, "all", errors);
    if (!errors.Empty()) {
        return WpErrorResponse(errors.ToError());
    }
    return RespondPage(
        context, context.site.ListWebhooks(paging, status), paging, "/wc/v3/webhooks");
}

HttpResponse GetWebhook(RestContext& context) {
    return Respond(context.site.GetWebhook(context.request.PathId("id")));
}

HttpResponse CreateWebhook(RestContext& context) {
    std::vector<std::string> missing;
    for (const char* name : {"topic", "delivery_url"}) {
        if (!context.request.Param(name)) {
            missing.emplace_back(name);
        }
    }
    if (!missing.empty()) {
        return WpErrorResponse(MissingParams(missing));
    }
    ParamErrors errors;
    ReadEnum(context.request, "status", WebhookStatuses(), "active", errors);
    if (!errors.Empty()) {
        return WpErrorResponse(errors.ToError());
    }
    auto created = context.site.CreateWebhook(context.request.body, context.now);
    if (!created) {
        return WpErrorResponse(created.error());
    }
    // deliver_ping(): synchronous, form-encoded, unsigned; its answer does not change the 201.
    const int ping_status = PostBody(created->delivery_url,
                                     "application/x-www-form-urlencoded",
                                     {{"User-Agent", kHookshotUserAgent}},
                                     "webhook_id=" + std::to_string(created->id));
    context.site.RecordPing(created->id, ping_status, context.now);
    HttpResponse response = WpJson(201, created->webhook);
    response.headers.emplace_back(
        "Location",
        context.site.StoreUrl() + "/wp-json/wc/v3/webhooks/" + std::to_string(created->id));
    return response;
}

HttpResponse UpdateWebhook(RestContext& context) {
    ParamErrors errors;
    ReadEnum(context.request, "status", WebhookStatuses(), "active", errors);
    if (!errors.Empty()) {
        return WpErrorResponse(errors.ToError());
    }
    return Respond(context.site.UpdateWebhook(
        context.request.PathId("id"), context.request.body, context.now));
}

HttpResponse DeleteWebhook(RestContext& context) {
    return Respond(context.site.DeleteWebhook(context.request.PathId("id"), ForceFlag(context)));
}

}  // namespace

std::vector<RestRoute> WebhookRoutes() {
    return {{"GET", "/wc/v3/webhooks", Access::kList, ListWebhooks},
            {"POST", "/wc/v3/webhooks", Access::kCreate, CreateWebhook},
            {"GET", "/wc/v3/webhooks/{id}", Access::kView, GetWebhook},
            {"PUT", "/wc/v3/webhooks/{id}", Access::kEdit, UpdateWebhook},
            {"PATCH", "/wc/v3/webhooks/{id}", Access::kEdit, UpdateWebhook},
            {"POST", "/wc/v3/webhooks/{id}", Access::kEdit, UpdateWebhook},
            {"DELETE", "/wc/v3/webhooks/{id}", Access::kDelete, DeleteWebhook}};
}

}  // namespace scs::sandbox::woocommerce
