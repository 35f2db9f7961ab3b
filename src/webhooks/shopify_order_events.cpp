#include "webhooks/shopify_order_events.hpp"

#include "connectors/shopify/order_mapping.hpp"
#include "webhooks/order_events.hpp"

namespace scs {

Result<EventDisposition> ApplyShopifyOrderEvent(SqlExecutor& executor,
                                                const Connection& connection,
                                                const WebhookEvent& event,
                                                TimePoint now,
                                                const std::function<void()>& published) {
    const auto order =
        MapShopifyRestOrder(event.body, MappingContextFor(connection, event.received_at));
    return ApplyMappedOrder(executor, connection, order, now, published);
}

}  // namespace scs
