#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scs {

// The queues of the service (DESIGN §3), without the deployment's name prefix. Names ending in
// ".fifo" are SQS FIFO queues; "webhooks" and "oms-orders" are SQS standard queues.
inline constexpr std::string_view kFetchOrdersQueue = "fetch-orders.fifo";
inline constexpr std::string_view kFetchProductsQueue = "fetch-products.fifo";
inline constexpr std::string_view kInventoryUpdatesQueue = "inventory-updates.fifo";
inline constexpr std::string_view kOrderUpdatesQueue = "order-updates.fifo";
inline constexpr std::string_view kWebhooksQueue = "webhooks";
inline constexpr std::string_view kOmsOrdersQueue = "oms-orders";

// Every service queue with `prefix` prepended, in the order above.
std::vector<std::string> ServiceQueueNames(std::string_view prefix);

// Whether SQS treats `name` as a FIFO queue (it ends in ".fifo").
bool IsFifoQueueName(std::string_view name);

// The dead-letter queue of `name`: "<base>-dlq.fifo" for FIFO queues (SQS requires a FIFO
// queue's DLQ to be FIFO too), "<name>-dlq" otherwise.
std::string DeadLetterQueueName(std::string_view name);

}  // namespace scs
