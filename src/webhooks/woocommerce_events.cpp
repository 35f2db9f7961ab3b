#include "webhooks/woocommerce_events.hpp"

#include <string>

#include "connectors/woocommerce/woocommerce_mapping.hpp"
#include "webhooks/order_events.hpp"

namespace scs {
namespace {

bool IsOrderSnapshotTopic(std::string_view topic) {
    return topic == "order.created" || topic == "order.updated" || topic == "order.restored";
}

}  // namespace

Result<EventDisposition> HandleWooCommerceEvent(SqlExecutor& executor,
                                                const Connection& connection,
                                                const WebhookEvent& event,
                                                TimePoint now,
                                                const std::function<void()>& published) {
    if (IsOrderSnapshotTopic(event.topic)) {
        const auto order =
            MapWooCommerceOrder(event.body, MappingContextFor(connection, event.received_at));
        return ApplyMappedOrder(executor, connection, order, now, published);
    }
    if (event.topic == "order.deleted") {
        return EventDisposition{WebhookEventStatus::kIgnored,
                                "order deleted on the platform; the canonical order keeps its "
                                "last state"};
    }
    if (event.topic.rfind("product.", 0) == 0) {
        return EventDisposition{WebhookEventStatus::kIgnored,
                                "catalogue changes are read by the products sync"};
    }
    return EventDisposition{WebhookEventStatus::kIgnored,
                            "topic " + event.topic + " is not handled"};
}

}  // namespace scs
