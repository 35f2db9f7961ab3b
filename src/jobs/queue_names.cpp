#include "jobs/queue_names.hpp"

namespace scs {
namespace {

constexpr std::string_view kFifoSuffix = ".fifo";

}  // namespace

std::vector<std::string> ServiceQueueNames(std::string_view prefix) {
    std::vector<std::string> names;
    for (const std::string_view base : {kFetchOrdersQueue,
                                        kFetchProductsQueue,
                                        kInventoryUpdatesQueue,
                                        kOrderUpdatesQueue,
                                        kWebhooksQueue,
                                        kOmsOrdersQueue}) {
        names.push_back(std::string(prefix) + std::string(base));
    }
    return names;
}

bool IsFifoQueueName(std::string_view name) {
    return name.ends_with(kFifoSuffix);
}

std::string DeadLetterQueueName(std::string_view name) {
    if (!IsFifoQueueName(name)) {
        return std::string(name) + "-dlq";
    }
    name.remove_suffix(kFifoSuffix.size());
    return std::string(name) + "-dlq" + std::string(kFifoSuffix);
}

}  // namespace scs
