#include "connectors/shopify/shopify_graphql.hpp"

#include <array>
#include <utility>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

constexpr auto kDefaultWait = std::chrono::milliseconds(1000);

// What Shopify's HTTP statuses mean besides 5xx (the GraphQL API answers 200 otherwise).
constexpr std::array<kit::StatusErrorRow, 2> kStatusErrors{{
    {401, ErrorCode::kAuthentication},
    {403, ErrorCode::kInvalidCredentials},
}};

constexpr std::string_view kBudgetSpent = "Shopify's query-cost budget for this store is spent";

double NumberAt(const boost::json::object& object, std::string_view key) {
    const boost::json::value* value = object.if_contains(key);
    return value != nullptr && value->is_number() ? value->to_number<double>() : 0.0;
}

// Why an HTTP status failed the call, after "Shopify answered HTTP <status>".
std::string_view ReasonOf(ErrorCode code) {
    if (code == ErrorCode::kAuthentication) {
        return ": the access token was rejected";
    }
    return code == ErrorCode::kInvalidCredentials ? ": the app lacks a scope" : "";
}

}  // namespace

std::optional<ShopifyCostReport> ReadShopifyCost(const boost::json::object& body) {
    const auto* extensions = body.if_contains("extensions");
    const auto* cost = extensions != nullptr && extensions->is_object()
                           ? extensions->get_object().if_contains("cost")
                           : nullptr;
    if (cost == nullptr || !cost->is_object()) {
        return std::nullopt;
    }
    ShopifyCostReport report;
    const boost::json::object& fields = cost->get_object();
    if (const auto* actual = fields.if_contains("actualQueryCost"); actual && actual->is_number()) {
        report.actual_cost = actual->to_number<double>();
    }
    const auto* status = fields.if_contains("throttleStatus");
    if (status == nullptr || !status->is_object()) {
        return std::nullopt;
    }
    report.currently_available = NumberAt(status->get_object(), "currentlyAvailable");
    report.maximum_available = NumberAt(status->get_object(), "maximumAvailable");
    report.restore_rate = NumberAt(status->get_object(), "restoreRate");
    return report;
}

std::string ShopifyErrorCode(const boost::json::object& body) {
    const auto* errors = body.if_contains("errors");
    if (errors == nullptr || !errors->is_array()) {
        return {};
    }
    for (const auto& error : errors->get_array()) {
        const auto* extensions =
            error.is_object() ? error.get_object().if_contains("extensions") : nullptr;
        const auto* code = extensions != nullptr && extensions->is_object()
                               ? extensions->get_object().if_contains("code")
                               : nullptr;
        if (code != nullptr && code->is_string()) {
            return std::string(code->get_string());
        }
    }
    return "ERROR";
}

ShopifyGraphqlClient::ShopifyGraphqlClient(HttpClient& http,
                                           ShopifyCostBudget& budget,
                                           Sleeper sleep,
                                           ShopifyCallLimits limits)
    : http_(http),
      budget_(budget),
      limits_(limits),
      policy_{limits.max_attempts,
              limits.max_wait,
              std::move(sleep),
              std::string(kBudgetSpent),
              [](int /*status*/) {
                  return std::string(kBudgetSpent);
              }} {}

Result<boost::json::object> ShopifyGraphqlClient::Execute(const std::string& endpoint,
                                                          const std::string& access_token,
                                                          std::string_view query,
                                                          const boost::json::object& variables,
                                                          int estimated_cost) {
    OutboundRequest request;
    request.method = "POST";
    request.url = endpoint;
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"X-Shopify-Access-Token", access_token}};
    request.body =
        boost::json::serialize(boost::json::object{{"query", query}, {"variables", variables}});
    request.connect_timeout = limits_.connect_timeout;
    request.total_timeout = limits_.total_timeout;
    return kit::RunPlatformCall<boost::json::object>(
        policy_,
        [&] { return budget_.TryDraw(estimated_cost); },
        [&] { return http_.Send(request); },
        [&](OutboundResponse&& response, int /*attempt*/) {
            return Interpret(response, estimated_cost);
        });
}

ShopifyGraphqlClient::Attempt ShopifyGraphqlClient::Interpret(const OutboundResponse& response,
                                                              int estimated_cost) {
    const int status = response.status;
    if (status == 429) {
        return Attempt{boost::json::object{}, kit::RetryAfterOr(response, kDefaultWait)};
    }
    if (status != 200) {
        const ErrorCode code =
            kit::ErrorCodeOfStatus(status, kStatusErrors, ErrorCode::kInvalidPayload);
        return Attempt{Fail(
            code, "Shopify answered HTTP " + std::to_string(status) + std::string(ReasonOf(code)))};
    }
    boost::system::error_code error;
    boost::json::value body = boost::json::parse(response.body, error);
    if (error || !body.is_object()) {
        return Attempt{
            Fail(ErrorCode::kInvalidPayload, "Shopify answered a body that is not JSON")};
    }
    return InterpretBody(body.get_object(), estimated_cost);
}

ShopifyGraphqlClient::Attempt ShopifyGraphqlClient::InterpretBody(const boost::json::object& body,
                                                                  int estimated_cost) {
    const std::optional<ShopifyCostReport> cost = ReadShopifyCost(body);
    if (cost) {
        budget_.Settle(*cost);
    }
    const std::string code = ShopifyErrorCode(body);
    if (code == "THROTTLED") {
        const auto wait =
            cost ? ShopifyThrottleWait(
                       estimated_cost, cost->currently_available, cost->restore_rate, kDefaultWait)
                 : kDefaultWait;
        return Attempt{boost::json::object{}, std::max(wait, std::chrono::milliseconds(1))};
    }
    if (code == "MAX_COST_EXCEEDED") {
        return Attempt{
            Fail(ErrorCode::kPayloadTooLarge, "the query's cost is over Shopify's limit")};
    }
    if (!code.empty()) {
        return Attempt{Fail(ErrorCode::kInvalidPayload,
                            "Shopify GraphQL error " + code + ": " +
                                boost::json::serialize(body.at("errors")).substr(0, 300))};
    }
    const auto* data = body.if_contains("data");
    if (data == nullptr || !data->is_object()) {
        return Attempt{Fail(ErrorCode::kInvalidPayload, "Shopify answered no data")};
    }
    return Attempt{data->get_object()};
}

}  // namespace scs
