#include "connectors/shopify/shopify_graphql.hpp"

#include <utility>

#include <boost/json.hpp>

#include "connectors/shopify/shopify_query_cost.hpp"
#include "net/retry_after.hpp"

namespace scs {
namespace {

constexpr auto kDefaultWait = std::chrono::milliseconds(1000);

double NumberAt(const boost::json::object& object, std::string_view key) {
    const boost::json::value* value = object.if_contains(key);
    return value != nullptr && value->is_number() ? value->to_number<double>() : 0.0;
}

tl::unexpected<Error> RateLimited(std::chrono::milliseconds wait) {
    return FailRetryAfter(ErrorCode::kRateLimited,
                          "Shopify's query-cost budget for this store is spent",
                          CeilSeconds(wait));
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
    : http_(http), budget_(budget), sleep_(std::move(sleep)), limits_(limits) {}

Status ShopifyGraphqlClient::DrawPoints(int cost, std::chrono::milliseconds& waited) {
    while (true) {
        auto wait = budget_.TryDraw(cost);
        if (!wait) {
            return tl::unexpected(wait.error());
        }
        if (wait->count() == 0) {
            return {};
        }
        if (waited + *wait > limits_.max_wait) {
            return RateLimited(*wait);
        }
        sleep_(*wait);
        waited += *wait;
    }
}

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
    std::chrono::milliseconds waited{0};
    std::chrono::milliseconds last_wait = kDefaultWait;
    for (int attempt = 0; attempt < limits_.max_attempts; ++attempt) {
        if (auto drawn = DrawPoints(estimated_cost, waited); !drawn) {
            return tl::unexpected(drawn.error());
        }
        auto response = http_.Send(request);
        if (!response) {
            return tl::unexpected(response.error());
        }
        Attempt result = Interpret(*response, estimated_cost);
        if (result.retry_in.count() == 0) {
            return std::move(result.outcome);
        }
        last_wait = result.retry_in;
        if (waited + last_wait > limits_.max_wait) {
            break;
        }
        sleep_(last_wait);
        waited += last_wait;
    }
    return RateLimited(last_wait);
}

ShopifyGraphqlClient::Attempt ShopifyGraphqlClient::Interpret(const OutboundResponse& response,
                                                              int estimated_cost) {
    const int status = response.status;
    if (status == 429) {
        const auto header = response.Header("Retry-After");
        const auto wait = header ? ParseRetryAfter(*header) : std::nullopt;
        return Attempt{boost::json::object{},
                       std::max(wait.value_or(kDefaultWait), std::chrono::milliseconds(1))};
    }
    const std::string what = "Shopify answered HTTP " + std::to_string(status);
    if (status == 401) {
        return Attempt{Fail(ErrorCode::kAuthentication, what + ": the access token was rejected")};
    }
    if (status == 403) {
        return Attempt{Fail(ErrorCode::kInvalidCredentials, what + ": the app lacks a scope")};
    }
    if (status >= 500) {
        return Attempt{Fail(ErrorCode::kUnavailable, what)};
    }
    if (status != 200) {
        return Attempt{Fail(ErrorCode::kInvalidPayload, what)};
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
