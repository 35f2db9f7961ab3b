#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "connectors/kit/platform_call.hpp"
#include "connectors/shopify/shopify_cost_budget.hpp"
#include "core/result.hpp"
#include "net/http_client.hpp"

namespace scs {

using Sleeper = std::function<void(std::chrono::milliseconds)>;

// One authenticated GraphQL call: (query, variables, estimated cost) -> data.
using GraphqlCall =
    std::function<Result<boost::json::object>(std::string_view, const boost::json::object&, int)>;

// How long one GraphQL call may take, and how much throttling it may sit out.
struct ShopifyCallLimits {
    int max_attempts = 8;                       // throttled answers retried within one call
    std::chrono::milliseconds max_wait{30000};  // total waiting for points within one call
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds total_timeout{30000};
};

// The extensions.cost of a GraphQL answer; nullopt when the body has none.
std::optional<ShopifyCostReport> ReadShopifyCost(const boost::json::object& body);

// The first errors[].extensions.code of a GraphQL answer ("THROTTLED"), or "" when none.
std::string ShopifyErrorCode(const boost::json::object& body);

// Runs GraphQL Admin calls for one connector: draws each call's estimated cost from the store's
// shared budget first, waits out THROTTLED (HTTP 200) and 429 answers within the limits, and
// settles the budget from extensions.cost. Owned by one connector; not thread-safe.
//
// Execute's errors: kAuthentication for HTTP 401 (the caller refreshes the token and retries),
// kInvalidCredentials for 403, kPayloadTooLarge for MAX_COST_EXCEEDED (the caller asks for
// less), kRateLimited with retry_after when the wait limits are spent, kUnavailable for 5xx,
// kInvalidPayload for any other error or an unreadable body, transport errors as they come.
class ShopifyGraphqlClient {
public:
    ShopifyGraphqlClient(HttpClient& http,
                         ShopifyCostBudget& budget,
                         Sleeper sleep,
                         ShopifyCallLimits limits);

    // POSTs {query, variables} to `endpoint`; answers the `data` object.
    [[nodiscard]] Result<boost::json::object> Execute(const std::string& endpoint,
                                                      const std::string& access_token,
                                                      std::string_view query,
                                                      const boost::json::object& variables,
                                                      int estimated_cost);

private:
    using Attempt = kit::Attempt<boost::json::object>;

    Attempt Interpret(const OutboundResponse& response, int estimated_cost);
    Attempt InterpretBody(const boost::json::object& body, int estimated_cost);

    HttpClient& http_;
    ShopifyCostBudget& budget_;
    ShopifyCallLimits limits_;
    kit::CallPolicy policy_;
};

}  // namespace scs
