#pragma once

#include <array>
#include <chrono>

#include "connectors/connector.hpp"
#include "connectors/shopify/shopify_graphql.hpp"

// Cancelling (asynchronous: orderCancel, then job(id:)) and closing orders on Shopify.
// Stateless; thread-safe as far as the call and the sleeper are.
namespace scs {

// The waits between polls of a cancel job (about 5 s in all) before the call gives up and
// answers the job as pending.
inline constexpr std::array<std::chrono::milliseconds, 5> kShopifyCancelPollWaits = {
    std::chrono::milliseconds(250),
    std::chrono::milliseconds(500),
    std::chrono::milliseconds(1000),
    std::chrono::milliseconds(1500),
    std::chrono::milliseconds(2000)};

// Reads the order first: cancelling a cancelled (closing a closed) order is done + already.
// Cancel: orderCancel (reason upper-cased, restock, refundMethod only with refund), then polls
// the job with `sleep` over kShopifyCancelPollWaits; a finished job is checked against the
// order's cancelledAt. Still running: done false, pending_job = the job gid. A request with
// pending_job_id polls that job instead of asking again (a job gone or finished without a
// cancelled order is asked once more). orderCancelUserErrors NOT_FOUND -> kNotFound, others
// -> kConflict. Close: orderClose; userErrors -> kConflict. kNotFound for an unknown order;
// kBadRequest for an unknown cancel reason.
[[nodiscard]] Result<OrderStatusResult> ChangeShopifyOrderStatus(const GraphqlCall& call,
                                                                 const Sleeper& sleep,
                                                                 const OrderStatusRequest& request);

}  // namespace scs
