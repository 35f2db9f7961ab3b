#include "webhooks/webhook_jobs.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "jobs/queue_names.hpp"
#include "jobs/worker/job.hpp"

namespace scs {

OutboxMessage WebhookJobMessage(int64_t event_id,
                                int64_t connection_id,
                                std::string_view dedup_suffix) {
    const auto payload = boost::json::serialize(boost::json::object{{"event_id", event_id}});
    return OutboxMessage{std::string(kWebhooksQueue),
                         std::to_string(connection_id),
                         "webhook-" + std::to_string(event_id) + std::string(dedup_suffix),
                         EncodeJob(kWebhookProcessJobType, payload)};
}

Result<int64_t> ParseWebhookJobPayload(std::string_view payload_json) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(payload_json, ec);
    const auto* object = ec ? nullptr : parsed.if_object();
    const auto* id = object == nullptr ? nullptr : object->if_contains("event_id");
    if (id == nullptr || !id->is_int64() || id->as_int64() <= 0) {
        return Fail(ErrorCode::kInvalidPayload,
                    "webhook.process payload: event_id must be a positive whole number");
    }
    return id->as_int64();
}

Result<std::optional<int64_t>> StoreWebhookEvent(SqlExecutor& executor,
                                                 const WebhookEvent& event,
                                                 TimePoint now) {
    return TransactValue<std::optional<int64_t>>(
        executor, TxMode::kWrite, [&](SqlSession& tx) -> Result<std::optional<int64_t>> {
            auto id = InsertWebhookEvent(tx, event);
            if (!id || !*id) {
                return id;
            }
            if (auto queued = AppendToOutbox(tx, WebhookJobMessage(**id, event.connection_id), now);
                !queued) {
                return tl::unexpected(std::move(queued.error()));
            }
            return id;
        });
}

Status ReplayWebhookEvent(SqlExecutor& executor, int64_t event_id, TimePoint now) {
    auto event = GetWebhookEvent(executor, event_id);
    if (!event) {
        return tl::unexpected(std::move(event.error()));
    }
    // Reset first: a job that ran before the reset would find the event done and skip it.
    if (auto reset = MarkWebhookEvent(executor, event_id, WebhookEventStatus::kReceived, "", now);
        !reset) {
        return reset;
    }
    const auto suffix = "-replay-" + std::to_string(ToUnixMillis(now));
    return executor.Transact(TxMode::kWrite, [&](SqlSession& tx) {
        return AppendToOutbox(tx, WebhookJobMessage(event_id, event->connection_id, suffix), now);
    });
}

}  // namespace scs
