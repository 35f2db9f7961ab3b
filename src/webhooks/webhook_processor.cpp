#include "webhooks/webhook_processor.hpp"

#include <string>

#include "webhooks/shopify_events.hpp"
#include "webhooks/webhook_jobs.hpp"
#include "webhooks/woocommerce_events.hpp"

namespace scs {

Status WebhookProcessor::Process(int64_t event_id) const {
    auto event = GetWebhookEvent(deps_.executor, event_id);
    if (!event) {
        return tl::unexpected(std::move(event.error()));
    }
    if (event->status != WebhookEventStatus::kReceived) {
        return {};
    }
    if (event->connection_id == 0) {
        return Record(*event, WebhookEventStatus::kIgnored, "no live connection for the store");
    }
    if (event->platform != "shopify" && event->platform != "woocommerce") {
        return Record(*event, WebhookEventStatus::kIgnored, "platform not handled");
    }
    auto connection = deps_.connections.Get(event->connection_id);
    if (!connection) {
        return tl::unexpected(std::move(connection.error()));
    }
    const ShopifyEventContext context{
        deps_.executor, deps_.connections, deps_.clock.Now(), deps_.notify};
    auto disposition = event->platform == "shopify"
                           ? HandleShopifyEvent(context, *connection, *event)
                           : HandleWooCommerceEvent(
                                 deps_.executor, *connection, *event, context.now, deps_.notify);
    if (!disposition) {
        return tl::unexpected(std::move(disposition.error()));
    }
    return Record(*event, disposition->status, disposition->note);
}

Status WebhookProcessor::Replay(int64_t event_id) const {
    if (auto replayed = ReplayWebhookEvent(deps_.executor, event_id, deps_.clock.Now());
        !replayed) {
        return replayed;
    }
    if (deps_.notify) {
        deps_.notify();
    }
    return {};
}

Status WebhookProcessor::Record(const WebhookEvent& event,
                                WebhookEventStatus status,
                                std::string_view note) const {
    if (status == WebhookEventStatus::kFailed) {
        logger_.Warn("webhook event failed",
                     {log::F("event_id", event.id),
                      log::F("connection_id", event.connection_id),
                      log::F("topic", event.topic),
                      log::F("error", note)});
    }
    return MarkWebhookEvent(deps_.executor, event.id, status, note, deps_.clock.Now());
}

JobHandler MakeWebhookJobHandler(const WebhookProcessor& processor) {
    return [&processor](const Job& job, JobContext&) -> Status {
        auto event_id = ParseWebhookJobPayload(job.payload_json);
        if (!event_id) {
            return tl::unexpected(std::move(event_id.error()));
        }
        return processor.Process(*event_id);
    };
}

}  // namespace scs
