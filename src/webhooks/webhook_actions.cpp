#include "webhooks/webhook_actions.hpp"

#include <string>

#include "jobs/worker/job_outcome.hpp"
#include "webhooks/customer_redaction.hpp"
#include "webhooks/order_events.hpp"

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

Result<EventDisposition> HandleUninstalled(const WebhookActionContext& context,
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

Result<EventDisposition> HandleForgetStore(const WebhookActionContext& context,
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

Result<EventDisposition> HandleCustomerRedact(const WebhookActionContext& context,
                                              const Connection& connection,
                                              const std::vector<std::string>& order_ids) {
    auto redacted = RedactStoredOrders(context.executor, connection.id, order_ids);
    if (!redacted) {
        if (redacted.error().code == ErrorCode::kInvalidPayload) {
            return EventDisposition{WebhookEventStatus::kFailed, DescribeError(redacted.error())};
        }
        return tl::unexpected(std::move(redacted.error()));
    }
    return EventDisposition{};
}

}  // namespace

Result<EventDisposition> ApplyWebhookAction(const WebhookActionContext& context,
                                            const Connection& connection,
                                            const WebhookEvent& event,
                                            const WebhookAction& action) {
    switch (action.kind) {
        case WebhookAction::Kind::kOrder:
            if (!action.order) {
                return EventDisposition{WebhookEventStatus::kFailed, "order event without order"};
            }
            return ApplyMappedOrder(
                context.executor, connection, *action.order, context.now, context.published);
        case WebhookAction::Kind::kUninstalled:
            return HandleUninstalled(context, connection, event);
        case WebhookAction::Kind::kForgetStore:
            return HandleForgetStore(context, connection);
        case WebhookAction::Kind::kRedactCustomer:
            return HandleCustomerRedact(context, connection, action.order_ids);
        case WebhookAction::Kind::kRecorded:
            return EventDisposition{};
        case WebhookAction::Kind::kIgnored:
            break;
    }
    return Ignored(action.note);
}

}  // namespace scs
