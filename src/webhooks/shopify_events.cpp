#include "webhooks/shopify_events.hpp"

#include <string>

#include "jobs/worker/job_outcome.hpp"
#include "webhooks/customer_redaction.hpp"
#include "webhooks/shopify_order_events.hpp"

namespace scs {
namespace {

EventDisposition Ignored(std::string note) {
    return EventDisposition{WebhookEventStatus::kIgnored, std::move(note)};
}

Result<EventDisposition> SaveConnection(ConnectionStore& connections,
                                        const Connection& connection) {
    if (auto updated = connections.Update(connection); !updated) {
        return tl::unexpected(std::move(updated.error()));
    }
    return EventDisposition{};
}

Result<EventDisposition> HandleUninstalled(const ShopifyEventContext& context,
                                           Connection connection,
                                           const WebhookEvent& event) {
    if (connection.status != ConnectionStatus::kActive &&
        connection.status != ConnectionStatus::kPaused) {
        return Ignored("connection already " +
                       std::string(ConnectionStatusName(connection.status)));
    }
    if (event.triggered_at && *event.triggered_at < connection.updated_at) {
        return Ignored("stale: the connection changed after the uninstall was triggered");
    }
    connection.status = ConnectionStatus::kReauthRequired;
    connection.updated_at = context.now;
    return SaveConnection(context.connections, connection);
}

Result<EventDisposition> HandleShopRedact(const ShopifyEventContext& context,
                                          Connection connection) {
    if (connection.status == ConnectionStatus::kDisconnected && connection.credentials.Empty()) {
        return Ignored("connection already disconnected");
    }
    connection.status = ConnectionStatus::kDisconnected;
    connection.credentials = SealedSecret{};
    connection.credential_fields.clear();
    connection.updated_at = context.now;
    return SaveConnection(context.connections, connection);
}

Result<EventDisposition> HandleCustomerRedact(const ShopifyEventContext& context,
                                              const Connection& connection,
                                              const WebhookEvent& event) {
    auto ids = OrdersToRedact(event.body);
    if (!ids) {
        return EventDisposition{WebhookEventStatus::kFailed, DescribeError(ids.error())};
    }
    auto redacted = RedactStoredOrders(context.executor, connection.id, *ids);
    if (!redacted) {
        if (redacted.error().code == ErrorCode::kInvalidPayload) {
            return EventDisposition{WebhookEventStatus::kFailed, DescribeError(redacted.error())};
        }
        return tl::unexpected(std::move(redacted.error()));
    }
    return EventDisposition{};
}

}  // namespace

Result<EventDisposition> HandleShopifyEvent(const ShopifyEventContext& context,
                                            const Connection& connection,
                                            const WebhookEvent& event) {
    const std::string& topic = event.topic;
    if (topic.starts_with("orders/") && topic != "orders/delete") {
        return ApplyShopifyOrderEvent(
            context.executor, connection, event, context.now, context.published);
    }
    if (topic == "app/uninstalled") {
        return HandleUninstalled(context, connection, event);
    }
    if (topic == "customers/data_request") {
        return EventDisposition{};
    }
    if (topic == "customers/redact") {
        return HandleCustomerRedact(context, connection, event);
    }
    if (topic == "shop/redact") {
        return HandleShopRedact(context, connection);
    }
    return Ignored("topic " + topic + " is not handled");
}

}  // namespace scs
