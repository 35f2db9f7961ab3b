#include <cmath>
#include <thread>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "http/response.hpp"
#include "sandbox/shopify/api_versions.hpp"
#include "sandbox/shopify/graphql_resolvers.hpp"
#include "sandbox/shopify/graphql_schema.hpp"
#include "sandbox/shopify/graphql_validation.hpp"
#include "sandbox/shopify/query_cost.hpp"
#include "sandbox/shopify/shopify_routes.hpp"

namespace scs::sandbox {
namespace {

namespace json = boost::json;

constexpr const char* kInvalidToken =
    "[API] Invalid API key or access token (unrecognized login or wrong password)";
constexpr const char* kRateLimitDocs = "https://shopify.dev/api/usage/rate-limits";

struct ParsedRequest {
    std::string query;
    json::object variables;
};

// A plain JSON number: boost::json writes a double such as 2000.0 as "2E3", which Shopify's
// answers never carry, so whole values go out as integers.
json::value PlainNumber(double value) {
    const double whole = std::floor(value);
    return whole == value ? json::value(static_cast<int64_t>(whole)) : json::value(value);
}

json::object CostJson(int64_t requested, json::value actual, const BucketStatus& bucket) {
    return {
        {"cost",
         {{"requestedQueryCost", requested},
          {"actualQueryCost", std::move(actual)},
          {"throttleStatus",
           {{"maximumAvailable", PlainNumber(bucket.maximum_available)},
            {"currentlyAvailable", static_cast<int64_t>(std::floor(bucket.currently_available))},
            {"restoreRate", PlainNumber(bucket.restore_rate)}}}}}};
}

json::object ErrorEntry(std::string message, std::string_view code) {
    return {{"message", std::move(message)}, {"extensions", {{"code", code}}}};
}

HttpResponse GraphqlErrors(json::array errors, json::object extensions, int status = 200) {
    return JsonResponse(
        status, json::object{{"errors", std::move(errors)}, {"extensions", std::move(extensions)}});
}

Result<ParsedRequest> ReadRequest(const std::string& body) {
    boost::system::error_code error;
    const json::value value = json::parse(body, error);
    const auto* object = !error ? value.if_object() : nullptr;
    const auto* query = object != nullptr ? object->if_contains("query") : nullptr;
    if (query == nullptr || !query->is_string()) {
        return Fail(ErrorCode::kBadRequest, "Required parameter missing or invalid");
    }
    ParsedRequest request{std::string(query->get_string()), {}};
    if (const auto* variables = object->if_contains("variables");
        variables != nullptr && variables->is_object()) {
        request.variables = variables->get_object();
    }
    return request;
}

HttpResponse Throttled(int64_t requested, const BucketStatus& bucket, int status) {
    auto response = GraphqlErrors(
        json::array{json::object{
            {"message", "Throttled"},
            {"extensions", {{"code", "THROTTLED"}, {"documentation", kRateLimitDocs}}}}},
        CostJson(requested, nullptr, bucket),
        status);
    if (status == 429) {
        const double wait =
            (static_cast<double>(requested) - bucket.currently_available) / bucket.restore_rate;
        response.headers.emplace_back("Retry-After", fmt::format("{:.1f}", std::max(wait, 0.1)));
    }
    return response;
}

HttpResponse MaxCostExceeded(int64_t requested, int64_t max_cost, const BucketStatus& bucket) {
    json::object error{
        {"message",
         fmt::format("Query cost is {}, which exceeds the single query max cost limit ({}).",
                     requested,
                     max_cost)},
        {"extensions",
         {{"code", "MAX_COST_EXCEEDED"},
          {"cost", requested},
          {"maxCost", max_cost},
          {"documentation", kRateLimitDocs}}}};
    return GraphqlErrors(json::array{std::move(error)}, CostJson(requested, 0, bucket));
}

// Runs a charged operation: resolves each top-level field, projects it, settles the bucket.
HttpResponse Execute(const GraphqlOperation& operation,
                     int64_t requested,
                     ResolveContext& context) {
    json::object data;
    json::array errors;
    for (const auto& field : operation.fields) {
        auto value = ResolveField(field, context);
        if (!value) {
            errors.push_back(ErrorEntry(value.error().message, "BAD_REQUEST"));
            data[field.alias] = nullptr;
            continue;
        }
        data[field.alias] = field.selections.empty() ? *value : Project(field.selections, *value);
    }
    const json::value data_value(std::move(data));
    const int64_t actual = ActualQueryCost(operation, data_value);
    const BucketStatus bucket = context.store.Settle(requested, actual);
    json::object body{{"data", data_value}, {"extensions", CostJson(requested, actual, bucket)}};
    if (!errors.empty()) {
        body["errors"] = std::move(errors);
    }
    return JsonResponse(200, body);
}

HttpResponse RunOperation(const ParsedRequest& parsed, ResolveContext& context) {
    SandboxStore& store = context.store;
    auto operation = ParseGraphql(parsed.query, parsed.variables);
    if (!operation) {
        return GraphqlErrors(json::array{ErrorEntry(operation.error().message, "PARSE_ERROR")},
                             CostJson(0, 0, store.Bucket()));
    }
    // Shopify validates against its schema before it prices or runs anything: errors, no data.
    if (const auto invalid = ValidateDocument(*operation, ShopifyAdminSchema(), parsed.variables);
        !invalid.empty()) {
        json::array errors;
        for (const auto& error : invalid) {
            errors.push_back(ErrorJson(error));
        }
        return JsonResponse(200, json::object{{"errors", std::move(errors)}});
    }
    const int64_t requested = RequestedQueryCost(*operation);
    if (auto valid = ValidateOperation(*operation); !valid) {
        return GraphqlErrors(json::array{ErrorEntry(valid.error().message, "BAD_REQUEST")},
                             CostJson(requested, 0, store.Bucket()));
    }
    if (requested > store.Spec().max_query_cost) {
        return MaxCostExceeded(requested, store.Spec().max_query_cost, store.Bucket());
    }
    const ChargeOutcome charge = store.Charge(requested);
    if (!charge.charged) {
        return Throttled(requested, charge.status, store.Knobs().throttle_status);
    }
    return Execute(*operation, requested, context);
}

HttpResponse HandleGraphql(StoreRegistry& stores, HttpRequest& request) {
    auto store = stores.ByShop(request.path_params.at("shop"));
    if (!store) {
        return JsonResponse(404, json::object{{"errors", "Not Found"}});
    }
    store->CountRequest();
    const StoreKnobs knobs = store->Knobs();
    if (knobs.latency_ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(knobs.latency_ms));
    }
    const auto token = request.Header("X-Shopify-Access-Token");
    if (!token || !store->AcceptsToken(*token, stores.Now())) {
        return JsonResponse(401, json::object{{"errors", kInvalidToken}});
    }
    if (const auto failure = store->DrawServerError()) {
        return JsonResponse(*failure, json::object{{"errors", "Internal Server Error"}});
    }
    auto parsed = ReadRequest(request.body);
    if (!parsed) {
        return JsonResponse(400, json::object{{"errors", {{"query", parsed.error().message}}}});
    }
    ResolveContext context{
        *store, ServedApiVersion(request.path_params.at("version")), stores.Now()};
    auto response = RunOperation(*parsed, context);
    response.headers.emplace_back("X-Shopify-API-Version", context.api_version);
    if (const int delay = store->Knobs().answer_delay_ms; delay > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
    if (store->Knobs().malformed_json) {
        response.body.resize(response.body.size() / 2);
    }
    return response;
}

}  // namespace

void AddGraphqlRoutes(Router& router, StoreRegistry& stores) {
    router.Add("POST",
               "/shopify/{shop}/admin/api/{version}/graphql.json",
               [&stores](HttpRequest& request) { return HandleGraphql(stores, request); });
}

}  // namespace scs::sandbox
