#include "sandbox/woocommerce/api_support.hpp"

#include <boost/json/array.hpp>

namespace scs::sandbox::woocommerce {
namespace {

namespace json = boost::json;

constexpr size_t kBatchLimit = 100;

json::object ItemError(json::value id, const WpError& error) {
    const json::object body = WpErrorBody(error);
    return {
        {"id", std::move(id)},
        {"error",
         {{"code", body.at("code")}, {"message", body.at("message")}, {"data", body.at("data")}}}};
}

const json::array& ItemsOf(const json::object& body, std::string_view key) {
    static const json::array kNone;
    const auto* items = body.if_contains(key);
    return items != nullptr && items->is_array() ? items->get_array() : kNone;
}

std::optional<int64_t> IdOf(const json::value& value) {
    if (value.is_int64()) {
        return value.get_int64();
    }
    if (value.is_object() && value.get_object().contains("id") &&
        value.get_object().at("id").is_int64()) {
        return value.get_object().at("id").get_int64();
    }
    if (value.is_string()) {
        const std::string text(value.get_string());
        if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
            return std::stoll(text);
        }
    }
    return std::nullopt;
}

}  // namespace

HttpResponse Respond(const WpResult<json::object>& result, int status) {
    return result ? WpJson(status, *result) : WpErrorResponse(result.error());
}

HttpResponse RespondList(const WpResult<json::array>& result) {
    return result ? WpJson(200, *result) : WpErrorResponse(result.error());
}

HttpResponse RespondPage(const RestContext& context,
                         const ListPage& page,
                         const CollectionParams& params,
                         const std::string& collection) {
    HttpResponse response = WpJson(200, page.items);
    const std::string url = context.site.StoreUrl() + "/wp-json" + collection;
    AddPagingHeaders(
        response,
        page.window,
        PagingLinkHeader(url, context.request.raw_query, params.page, page.window.total_pages));
    return response;
}

namespace {

json::array RunCreates(const json::array& items, const BatchOps& ops) {
    json::array done;
    for (const auto& item : items) {
        auto created =
            item.is_object()
                ? ops.create(item.get_object())
                : WpResult<json::object>(WpFail(400, "rest_invalid_param", "Invalid item."));
        done.push_back(created ? json::value(*created)
                               : json::value(ItemError(0, created.error())));
    }
    return done;
}

json::array RunUpdates(const json::array& items, const BatchOps& ops) {
    json::array done;
    for (const auto& item : items) {
        const auto id = IdOf(item);
        const json::object fields = item.is_object() ? item.get_object() : json::object{};
        auto updated = ops.update(id.value_or(0), fields);
        const json::value shown_id = id ? json::value(*id) : json::value(nullptr);
        done.push_back(updated ? json::value(*updated)
                               : json::value(ItemError(shown_id, updated.error())));
    }
    return done;
}

json::array RunDeletes(const json::array& items, const BatchOps& ops) {
    json::array done;
    for (const auto& item : items) {
        const auto id = IdOf(item);
        auto removed = ops.remove(id.value_or(0));
        done.push_back(removed ? json::value(*removed)
                               : json::value(ItemError(id.value_or(0), removed.error())));
    }
    return done;
}

}  // namespace

HttpResponse RunBatch(RestContext& context, const BatchOps& ops) {
    const json::object& body = context.request.body;
    const auto& creates = ItemsOf(body, "create");
    const auto& updates = ItemsOf(body, "update");
    const auto& deletes = ItemsOf(body, "delete");
    if (creates.size() + updates.size() + deletes.size() > kBatchLimit) {
        return WpErrorResponse(WpError{413,
                                       "woocommerce_rest_request_entity_too_large",
                                       "Unable to accept more than 100 items for this request.",
                                       {},
                                       {}});
    }
    context.site.CountEvent("batch_calls");
    json::object answer;
    if (body.contains("create")) {
        answer["create"] = RunCreates(creates, ops);
    }
    if (body.contains("update")) {
        answer["update"] = RunUpdates(updates, ops);
    }
    if (body.contains("delete")) {
        answer["delete"] = RunDeletes(deletes, ops);
    }
    return WpJson(200, answer);
}

bool ForceFlag(const RestContext& context) {
    ParamErrors ignored;
    return ReadBool(context.request, "force", false, ignored);
}

}  // namespace scs::sandbox::woocommerce
