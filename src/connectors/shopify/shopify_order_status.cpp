#include "connectors/shopify/shopify_order_status.hpp"

#include <set>
#include <tuple>

#include <boost/json.hpp>

#include "connectors/shopify/order_rules.hpp"
#include "connectors/shopify/shopify_push_json.hpp"
#include "connectors/shopify/shopify_query_cost.hpp"

namespace scs {
namespace {

constexpr std::string_view kOrderStateQuery =
    "query OrderState($id: ID!) { order(id: $id) { id cancelledAt closed closedAt } }";

constexpr std::string_view kCancelMutation =
    "mutation Cancel($orderId: ID!, $reason: OrderCancelReason!, $restock: Boolean!, "
    "$notifyCustomer: Boolean, $refundMethod: OrderCancelRefundMethodInput, $staffNote: String) "
    "{ orderCancel(orderId: $orderId, reason: $reason, restock: $restock, notifyCustomer: "
    "$notifyCustomer, refundMethod: $refundMethod, staffNote: $staffNote) { job { id done } "
    "orderCancelUserErrors { code field message } } }";

constexpr std::string_view kJobQuery = "query Job($id: ID!) { job(id: $id) { id done } }";

constexpr std::string_view kCloseMutation =
    "mutation Close($input: OrderCloseInput!) { orderClose(input: $input) { order { id closed "
    "closedAt } userErrors { field message } } }";

const std::set<std::string> kCancelReasons = {
    "CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"};

// What the cancel and close decisions need of the order.
struct OrderState {
    bool cancelled = false;
    bool closed = false;
};

Result<OrderState> ReadState(const GraphqlCall& call, const std::string& order_gid) {
    auto data = call(kOrderStateQuery, {{"id", order_gid}}, ShopifySelectionCost(kOrderStateQuery));
    if (!data) {
        return tl::unexpected(data.error());
    }
    const auto* order = shopify::ObjectAt(*data, "order");
    if (order == nullptr) {
        return Fail(ErrorCode::kNotFound, "Shopify has no order " + shopify::GidTail(order_gid));
    }
    return OrderState{
        !shopify::StringAt(*order, "cancelledAt").empty(),
        shopify::BoolAt(*order, "closed") || !shopify::StringAt(*order, "closedAt").empty()};
}

// The job's `done`; a job Shopify no longer knows reads as done (the order tells the outcome).
Result<bool> JobDone(const GraphqlCall& call, const std::string& job_id) {
    auto data = call(kJobQuery, {{"id", job_id}}, ShopifySelectionCost(kJobQuery));
    if (!data) {
        return tl::unexpected(data.error());
    }
    const auto* job = shopify::ObjectAt(*data, "job");
    return job == nullptr || shopify::BoolAt(*job, "done");
}

// Starts the cancel; the job's gid and whether it is already done.
Result<std::pair<std::string, bool>> StartCancel(const GraphqlCall& call,
                                                 const std::string& order_gid,
                                                 const OrderStatusRequest& request) {
    const std::string reason = kit::UpperAscii(request.reason.empty() ? "other" : request.reason);
    if (kCancelReasons.count(reason) == 0) {
        return FailField("reason", "unknown cancel reason \"" + request.reason + "\"");
    }
    boost::json::object variables{{"orderId", order_gid},
                                  {"reason", reason},
                                  {"restock", request.restock},
                                  {"notifyCustomer", request.notify_customer}};
    if (request.refund) {
        variables["refundMethod"] = boost::json::object{{"originalPaymentMethodsRefund", true}};
    }
    auto data = call(kCancelMutation,
                     variables,
                     shopify::kMutationBaseCost + ShopifySelectionCost(kCancelMutation));
    if (!data) {
        return tl::unexpected(data.error());
    }
    auto payload = shopify::MutationPayload(*data, "orderCancel");
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    const auto errors = shopify::ReadUserErrors(**payload, "orderCancelUserErrors");
    if (!errors.empty()) {
        const bool missing = errors.front().code == "NOT_FOUND";
        return Fail(missing ? ErrorCode::kNotFound : ErrorCode::kConflict,
                    "Shopify refused the cancel: " + shopify::JoinMessages(errors));
    }
    const auto* job = shopify::ObjectAt(**payload, "job");
    if (job == nullptr || shopify::StringAt(*job, "id").empty()) {
        return Fail(ErrorCode::kInvalidPayload, "Shopify answered orderCancel without a job");
    }
    return std::make_pair(shopify::StringAt(*job, "id"), shopify::BoolAt(*job, "done"));
}

// Polls the job until done or the waits are spent: true when it finished.
Result<bool> AwaitJob(const GraphqlCall& call, const Sleeper& sleep, const std::string& job_id) {
    for (const auto wait : kShopifyCancelPollWaits) {
        sleep(wait);
        auto done = JobDone(call, job_id);
        if (!done || *done) {
            return done;
        }
    }
    return false;
}

Result<OrderStatusResult> Cancel(const GraphqlCall& call,
                                 const Sleeper& sleep,
                                 const std::string& order_gid,
                                 const OrderStatusRequest& request) {
    std::string job_id = request.pending_job_id;
    bool done = false;
    if (job_id.empty()) {
        auto started = StartCancel(call, order_gid, request);
        if (!started) {
            return tl::unexpected(started.error());
        }
        std::tie(job_id, done) = *started;
    }
    if (!done) {
        auto finished = AwaitJob(call, sleep, job_id);
        if (!finished) {
            return tl::unexpected(finished.error());
        }
        if (!*finished) {
            return OrderStatusResult{false, false, job_id};
        }
    }
    auto state = ReadState(call, order_gid);
    if (!state) {
        return tl::unexpected(state.error());
    }
    if (state->cancelled) {
        return OrderStatusResult{true, false, ""};
    }
    if (!request.pending_job_id.empty()) {
        // The earlier attempt's job ended without cancelling: ask once more.
        OrderStatusRequest again = request;
        again.pending_job_id.clear();
        return Cancel(call, sleep, order_gid, again);
    }
    return Fail(ErrorCode::kConflict,
                "Shopify's cancel job finished but the order is not cancelled");
}

Result<OrderStatusResult> Close(const GraphqlCall& call, const std::string& order_gid) {
    const boost::json::object variables{{"input", boost::json::object{{"id", order_gid}}}};
    auto data = call(kCloseMutation,
                     variables,
                     shopify::kMutationBaseCost + ShopifySelectionCost(kCloseMutation));
    if (!data) {
        return tl::unexpected(data.error());
    }
    auto payload = shopify::MutationPayload(*data, "orderClose");
    if (!payload) {
        return tl::unexpected(payload.error());
    }
    const auto errors = shopify::ReadUserErrors(**payload);
    if (!errors.empty()) {
        return Fail(ErrorCode::kConflict,
                    "Shopify refused to close the order: " + shopify::JoinMessages(errors));
    }
    const auto* order = shopify::ObjectAt(**payload, "order");
    return OrderStatusResult{order == nullptr || shopify::BoolAt(*order, "closed"), false, ""};
}

}  // namespace

Result<OrderStatusResult> ChangeShopifyOrderStatus(const GraphqlCall& call,
                                                   const Sleeper& sleep,
                                                   const OrderStatusRequest& request) {
    const std::string order_gid = shopify::ShopifyGid("Order", request.order_external_id);
    auto state = ReadState(call, order_gid);
    if (!state) {
        return tl::unexpected(state.error());
    }
    if (request.change == OrderStatusChange::kClose) {
        return state->closed ? OrderStatusResult{true, true, ""} : Close(call, order_gid);
    }
    if (state->cancelled) {
        return OrderStatusResult{true, true, ""};
    }
    return Cancel(call, sleep, order_gid, request);
}

}  // namespace scs
