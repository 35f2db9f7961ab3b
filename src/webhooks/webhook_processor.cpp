#include "webhooks/webhook_processor.hpp"

#include <string>

#include "core/order_mapping_context.hpp"
#include "jobs/worker/job_outcome.hpp"
#include "webhooks/webhook_actions.hpp"
#include "webhooks/webhook_jobs.hpp"

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
    if (deps_.registry.Find(event->platform) != nullptr &&
        !deps_.registry.Enabled(event->platform)) {
        // Kept for when the platform is switched on again: the job retries, then waits in the
        // dead letters to be replayed.
        return Fail(ErrorCode::kUnavailable,
                    "platform " + event->platform + " is switched off on this service");
    }
    const PlatformWebhooks* webhooks = deps_.registry.Webhooks(event->platform);
    if (webhooks == nullptr) {
        return Record(*event, WebhookEventStatus::kIgnored, "platform not handled");
    }
    auto connection = deps_.connections.Get(event->connection_id);
    if (!connection) {
        return tl::unexpected(std::move(connection.error()));
    }
    auto action = webhooks->Interpret(StoredDelivery{event->topic, event->body},
                                      MappingContextFor(*connection, event->received_at));
    if (!action) {
        // Poison: retrying cannot help; the event keeps the error for an operator.
        return Record(*event, WebhookEventStatus::kFailed, DescribeError(action.error()));
    }
    auto disposition = ApplyWebhookAction(
        WebhookActionContext{deps_.executor, deps_.connections, deps_.clock.Now(), deps_.notify},
        *connection,
        *event,
        *action);
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
